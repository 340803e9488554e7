/* C with K&R definitions: the valuetask-* checks are for C++20 and must
   stay silent (and not crash) on it. */
struct ValueTask { int pending; };
struct ValueTask stored;
static struct ValueTask table[4];

int add(a, b)
int a;
int b;
{
  return a + b;
}

int implicit_declarations() { return undeclared_but_c89(1); }

int main() { return add(stored.pending, table[0].pending); }
