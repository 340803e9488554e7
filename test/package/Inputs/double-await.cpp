#include <vt/vt.hpp>

vt::ValueTask<int> lookup(int key) { co_return key; }

vt::Task<int> twice() {
  vt::ValueTask<int> value = lookup(1);
  int first = co_await value;
  int second = co_await value;
  co_return first + second;
}
