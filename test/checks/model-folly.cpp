// RUN: %check_clang_tidy %s valuetask-double-await,valuetask-unawaited,valuetask-result-before-completion,valuetask-stored,valuetask-always-async %t -- -- -I%S/Inputs/models
// REQUIRES: checks

// The built-in folly model, with no configuration: coro::Task<T> is lazy,
// consumed once and awaited only as an rvalue; SemiFuture<T> is eager,
// consumed by get() and via(), and its value() needs it ready first.

#include "folly_coro.h"
#include <string>
#include <utility>
#include <vector>

using folly::coro::Task;

Task<int> compute(int x);
Task<std::string> name();
folly::SemiFuture<int> future(int x);
bool cond();
void take(Task<int> t);

// ---- Silent: the library's idioms -----------------------------------------

Task<int> ok() {
  auto t = compute(1);
  co_return co_await std::move(t);
}

Task<int> ok_prvalue() { co_return co_await compute(1); }

int ok_blocking() { return folly::coro::blockingWait(compute(1)); }

int ok_blocking_moved() {
  auto t = compute(1);
  return folly::coro::blockingWait(std::move(t));
}

int ok_ready(folly::SemiFuture<int> f) {
  if (f.isReady())
    return f.value();
  f.wait();
  return f.value();
}

int ok_factory() {
  auto f = folly::makeSemiFuture(1);
  return f.value();
}

void ok_factory_dropped() { auto f = folly::makeSemiFuture(1); }

int ok_get(folly::SemiFuture<int> f) { return std::move(f).get(); }

// value() reads the result: nothing is lost when the future is dropped after.
// Currently reported as 'not consumed on every path' (the analysis treats a read
// as neither a consumption nor an observation).
int ok_wait_value() {
  auto f = future(1);
  f.wait();
  return f.value() + f.value();
}

Task<int> ok_await_future() {
  auto f = future(1);
  co_return co_await std::move(f);
}

Task<int> ok_collect() {
  auto a = compute(1);
  auto b = compute(2);
  auto [x, y] = co_await folly::coro::collectAll(std::move(a), std::move(b));
  co_return x + y;
}

Task<int> ok_collect_range() {
  std::vector<Task<int>> v;
  for (int i = 0; i < 3; ++i)
    v.push_back(compute(i));
  auto all = co_await folly::coro::collectAllRange(std::move(v));
  co_return all[0];
}

Task<int> ok_with_executor(folly::Executor::KeepAlive<> ex) {
  auto t = compute(1);
  co_return co_await co_withExecutor(ex, std::move(t));
}

int ok_semi() {
  auto t = compute(1);
  return std::move(t).semi().get();
}

void ok_handed_over() {
  auto t = compute(1);
  take(std::move(t));
}

struct Holder {
  Task<int> pending;
  folly::SemiFuture<int> future;
  std::vector<Task<void>> jobs;
};

template <class T> Task<T> ok_template(Task<T> t) { co_return co_await std::move(t); }

Task<int> ok_lambda() {
  auto f = [](int x) -> Task<int> {
    auto t = compute(x);
    co_return co_await std::move(t);
  };
  co_return co_await f(1);
}

Task<int> ok_in_loop() {
  int sum = 0;
  for (int i = 0; i < 3; ++i) {
    auto t = compute(i);
    sum += co_await std::move(t);
  }
  co_return sum;
}

// ---- Reported -------------------------------------------------------------

Task<int> twice() {
  auto t = compute(1);
  int a = co_await std::move(t);
  int b = co_await std::move(t);
// CHECK-MESSAGES: :[[@LINE-1]]:11: warning: folly::coro::Task 't' is consumed a second time; a folly::coro::Task can be consumed only once: await it once [valuetask-double-await]
  co_return a + b;
}

int not_ready(folly::SemiFuture<int> f) { return f.value(); }
// CHECK-MESSAGES: :[[@LINE-1]]:52: warning: value() is called on folly::SemiFuture 'f' that may not be complete; check isReady() first or co_await it [valuetask-result-before-completion]

// Only value() before completion; dropping it after value() loses nothing.
int not_ready_local() {
  auto f = future(1);
  return f.value();
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: value() is called on folly::SemiFuture 'f' that may not be complete; check isReady() first or co_await it [valuetask-result-before-completion]
}

int not_ready_temporary() { return future(1).value(); }
// CHECK-MESSAGES: :[[@LINE-1]]:46: warning: value() is called on a folly::SemiFuture fresh from a call, which may not be complete; keep it in a variable and check isReady() first, or co_await it [valuetask-result-before-completion]

// value() after get() reads an invalid (consumed) future: a use after
// consumption. Currently reported as value() before completion, with advice to
// check isReady() that cannot help.
int get_after(folly::SemiFuture<int> f) {
  int a = std::move(f).get();
  return a + f.value();
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: folly::SemiFuture 'f' is consumed a second time; a folly::SemiFuture can be consumed only once: await it once [valuetask-double-await]
}

int get_twice(folly::SemiFuture<int> f) {
  int a = std::move(f).get();
  return a + std::move(f).get();
// CHECK-MESSAGES: :[[@LINE-1]]:27: warning: folly::SemiFuture 'f' is consumed a second time; a folly::SemiFuture can be consumed only once: await it once [valuetask-double-await]
}

int blocking_twice() {
  auto t = compute(1);
  int a = folly::coro::blockingWait(std::move(t));
  return a + folly::coro::blockingWait(std::move(t));
// CHECK-MESSAGES: :[[@LINE-1]]:40: warning: folly::coro::Task 't' is consumed a second time; a folly::coro::Task can be consumed only once: await it once [valuetask-double-await]
}

Task<int> await_after_collect() {
  auto t = compute(1);
  auto [x] = co_await folly::coro::collectAll(std::move(t));
  co_return x + co_await std::move(t);
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: folly::coro::Task 't' is consumed a second time; a folly::coro::Task can be consumed only once: await it once [valuetask-double-await]
}

Task<int> await_after_take() {
  auto t = compute(1);
  take(std::move(t));
  co_return co_await std::move(t);
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: folly::coro::Task 't' is consumed a second time; a folly::coro::Task can be consumed only once: await it once [valuetask-double-await]
}

int semi_then_await() {
  auto t = compute(1);
  auto f = std::move(t).semi();
  return std::move(f).get() + folly::coro::blockingWait(std::move(t));
// CHECK-MESSAGES: :[[@LINE-1]]:57: warning: folly::coro::Task 't' is consumed a second time; a folly::coro::Task can be consumed only once: await it once [valuetask-double-await]
}

void never_started() { auto t = compute(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:29: warning: folly::coro::Task 't' is not consumed on every path; a lazy folly::coro::Task that is dropped never runs: co_await it, or pass it to blockingWait() [valuetask-unawaited]

void discarded_call() { compute(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: folly::coro::Task returned by 'compute' is never awaited; a lazy folly::coro::Task that is dropped never runs: co_await it [valuetask-unawaited]

void dropped_future() { auto f = future(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:30: warning: folly::SemiFuture 'f' is not consumed on every path; a dropped folly::SemiFuture loses its result and its errors: co_await it, or call get() on it [valuetask-unawaited]

void discarded_future_call() { future(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:32: warning: folly::SemiFuture returned by 'future' is never awaited; a dropped folly::SemiFuture loses its result and its errors: co_await it [valuetask-unawaited]

void started_on_one_path() {
  auto t = compute(1);
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: folly::coro::Task 't' is not consumed on every path; a lazy folly::coro::Task that is dropped never runs: co_await it, or pass it to blockingWait() [valuetask-unawaited]
  if (cond())
    folly::coro::blockingWait(std::move(t));
}

Task<int> awaited_in_loop() {
  auto t = compute(1);
  int sum = 0;
  for (int i = 0; i < 3; ++i)
    sum += co_await std::move(t);
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: folly::coro::Task 't' is consumed a second time; a folly::coro::Task can be consumed only once: await it once [valuetask-double-await]
  co_return sum;
}

template <class T> Task<T> template_twice(Task<T> t) {
  T a = co_await std::move(t);
  co_return a + co_await std::move(t);
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: folly::coro::Task 't' is consumed a second time; a folly::coro::Task can be consumed only once: await it once [valuetask-double-await]
}

Task<int> lambda_twice() {
  auto f = [](int x) -> Task<int> {
    auto t = compute(x);
    int a = co_await std::move(t);
    co_return a + co_await std::move(t);
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: folly::coro::Task 't' is consumed a second time; a folly::coro::Task can be consumed only once: await it once [valuetask-double-await]
  };
  co_return co_await f(1);
}

int value_in_loop_before_wait(folly::SemiFuture<int> f) {
  int sum = 0;
  for (int i = 0; i < 3; ++i) {
    sum += f.value();
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: value() is called on folly::SemiFuture 'f' that may not be complete; check isReady() first or co_await it [valuetask-result-before-completion]
    f.wait();
  }
  return sum;
}

// folly::Future and folly::coro::TaskWithExecutor are named as themselves.
folly::Future<int> executing(int x);

// Silent: value() behind isReady(), get() on the other path (the value()
// path is currently reported as 'not consumed on every path').
int ok_future_ready() {
  auto f = executing(1);
  if (f.isReady())
    return f.value();
  return std::move(f).get();
}

void ok_future_factory_dropped() { auto f = folly::makeFuture(1); }

int future_get_twice() {
  auto f = executing(1);
  int a = std::move(f).get();
  return a + std::move(f).get();
// CHECK-MESSAGES: :[[@LINE-1]]:27: warning: folly::Future 'f' is consumed a second time; a folly::Future can be consumed only once: await it once [valuetask-double-await]
}

void dropped_executing_future() { auto f = executing(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:40: warning: folly::Future 'f' is not consumed on every path; a dropped folly::Future loses its result and its errors: co_await it, or call get() on it [valuetask-unawaited]

int future_not_ready() { return executing(1).value(); }
// CHECK-MESSAGES: :[[@LINE-1]]:46: warning: value() is called on a folly::Future fresh from a call, which may not be complete; keep it in a variable and check isReady() first, or co_await it [valuetask-result-before-completion]

int ok_with_executor_start(folly::Executor::KeepAlive<> ex) {
  auto te = co_withExecutor(ex, compute(1));
  return std::move(te).start().get();
}

int with_executor_started_twice(folly::Executor::KeepAlive<> ex) {
  auto te = co_withExecutor(ex, compute(1));
  auto f = std::move(te).start();
  return std::move(f).get() + std::move(te).start().get();
// CHECK-MESSAGES: :[[@LINE-1]]:45: warning: folly::coro::TaskWithExecutor 'te' is consumed a second time; a folly::coro::TaskWithExecutor can be consumed only once: await it once [valuetask-double-await]
}

void with_executor_never_started(folly::Executor::KeepAlive<> ex) { auto te = co_withExecutor(ex, compute(1)); }
// CHECK-MESSAGES: :[[@LINE-1]]:74: warning: folly::coro::TaskWithExecutor 'te' is not consumed on every path; a lazy folly::coro::TaskWithExecutor that is dropped never runs: co_await it, call start() on it, or pass it to blockingWait() [valuetask-unawaited]

Task<int> overwritten() {
  auto t = compute(1);
  t = compute(2);
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: folly::coro::Task 't' is overwritten before it is consumed on some path; the old lazy folly::coro::Task is dropped and never runs: co_await it first [valuetask-unawaited]
  co_return co_await std::move(t);
}

Task<int> ok_reassigned_after_await() {
  auto t = compute(1);
  int a = co_await std::move(t);
  t = compute(2);
  co_return a + co_await std::move(t);
}
