// Semantic 8: get()/wait() on a pool worker runs queued work until its task
// completes, so waiting for work queued behind the waiter cannot deadlock,
// even on a one-thread pool.
// RUN: %cxx %s %vtlib -o %t && timeout 60 %t | FileCheck %s
#include <vt/vt.hpp>

#include <chrono>
#include <cstdio>

// Blocking recursion: every level waits with get() on a worker.
int blocking_fib(vt::ThreadPool &pool, int n) {
  if (n < 2)
    return n;
  vt::Task<int> left = pool.run([&pool, n] { return blocking_fib(pool, n - 1); });
  vt::Task<int> right = pool.run([&pool, n] { return blocking_fib(pool, n - 2); });
  return left.get() + right.get();
}

vt::Task<int> async_value(int value) {
  co_await vt::yield();
  co_return value;
}

int main() {
  vt::ThreadPool one(1);
  int nested = one.run([&] { return one.run([] { return 42; }).get(); }).get();
  std::printf("get on the only worker: %d\n", nested);
  // CHECK: get on the only worker: 42

  bool waited = one.run([&] {
    vt::Task<> inner = one.run([] {});
    inner.wait();
    return inner.is_completed_successfully();
  }).get();
  std::printf("wait on the only worker: %d\n", waited);
  // CHECK-NEXT: wait on the only worker: 1

  int awaited = one.run([&] { return async_value(7).get(); }).get();
  std::printf("get of a coroutine that yields: %d\n", awaited);
  // CHECK-NEXT: get of a coroutine that yields: 7

  // Completed by another thread (the timer) while the worker waits.
  bool delayed = one.run([] {
    vt::Task<> timer = vt::delay(std::chrono::milliseconds(20));
    timer.wait();
    return timer.is_completed_successfully();
  }).get();
  std::printf("wait for a timer on the only worker: %d\n", delayed);
  // CHECK-NEXT: wait for a timer on the only worker: 1

  std::printf("blocking fib(15) on one worker: %d\n", one.run([&] { return blocking_fib(one, 15); }).get());
  // CHECK-NEXT: blocking fib(15) on one worker: 610
  vt::ThreadPool two(2);
  std::printf("blocking fib(18) on two workers: %d\n", two.run([&] { return blocking_fib(two, 18); }).get());
  // CHECK-NEXT: blocking fib(18) on two workers: 2584
}
