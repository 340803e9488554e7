// A consumer of the vt runtime: a value task completing synchronously and a
// task on a thread pool, both through the installed or embedded library.
#include <vt/vt.hpp>

#include <cstdio>

namespace {

vt::ValueTask<int> cached(int x) { co_return x + 1; }

vt::Task<int> sum_on_pool(vt::ThreadPool &pool) {
  int ready = co_await cached(41);
  int computed = co_await pool.run([] { return 58; });
  co_return ready + computed;
}

} // namespace

int main() {
  vt::ThreadPool pool(2);
  std::printf("vt consumer: %d\n", sum_on_pool(pool).get());
  return 0;
}
