// Coroutine lambdas measured by vt::profile (test/profile/lambdas.test):
// their profile entries are matched by file and line, not by name.
#include <vt/vt.hpp>

#include <cstdio>

int main() {
  // Always synchronous, yet it returns a Task: should be a ValueTask.
  auto cached_price = [](int id) -> vt::Task<int> { co_return id * 2; };

  // Rarely synchronous (10%), yet it returns a ValueTask: should be a Task.
  auto remote_lookup = [](int id) -> vt::ValueTask<int> {
    if (id % 10 != 0)
      co_await vt::yield();
    co_return id + 1;
  };

  // A ValueTask that is nearly always synchronous: fits, no advice. The
  // lambda nested in its body is a Task that always completes at once.
  auto permission = [](int user) -> vt::ValueTask<bool> {
    auto audit = [](int who) -> vt::Task<int> { co_return who; };
    (void)audit(user).get();
    if (user % 100 == 0)
      co_await vt::yield();
    co_return user % 2 == 0;
  };

  long sum = 0;
  for (int i = 0; i < 2000; ++i) {
    sum += cached_price(i).get();
    sum += vt::run([&] { return remote_lookup(i); }).get();
    sum += vt::run([&] { return permission(i); }).get() ? 1 : 0;
  }
  std::printf("lambdas done %ld\n", sum);
}
