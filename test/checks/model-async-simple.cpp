// RUN: %check_clang_tidy %s valuetask-double-await,valuetask-unawaited,valuetask-result-before-completion,valuetask-stored,valuetask-always-async %t -- -- -I%S/Inputs/models
// REQUIRES: checks

// The built-in async_simple model, with no configuration: coro::Lazy<T> is
// lazy and consumed once (co_await of an lvalue too, start(), via(),
// syncAwait() and the collect* functions).

#include "async_simple.h"
#include <string>
#include <utility>
#include <vector>

using async_simple::Try;
using async_simple::coro::Lazy;
using async_simple::coro::syncAwait;

Lazy<int> compute(int x);
Lazy<std::string> name();
bool cond();
void take(Lazy<int> l);

// ---- Silent: the library's idioms -----------------------------------------

Lazy<int> ok() {
  auto l = compute(1);
  co_return co_await l;
}

Lazy<int> ok_moved() {
  auto l = compute(1);
  co_return co_await std::move(l);
}

int ok_sync() { return syncAwait(compute(1)); }

int ok_sync_lvalue() {
  auto l = compute(1);
  return syncAwait(l);
}

Lazy<int> ok_all() {
  std::vector<Lazy<int>> v;
  v.push_back(compute(1));
  auto r = co_await async_simple::coro::collectAll(std::move(v));
  co_return r[0].value();
}

Lazy<int> ok_all_loop() {
  std::vector<Lazy<int>> v;
  for (int i = 0; i < 3; ++i)
    v.push_back(compute(i));
  auto r = co_await async_simple::coro::collectAllPara(std::move(v));
  int sum = 0;
  for (auto &t : r)
    sum += t.value();
  co_return sum;
}

Lazy<int> ok_all_variadic() {
  auto a = compute(1);
  auto b = compute(2);
  auto [x, y] = co_await async_simple::coro::collectAll(std::move(a), std::move(b));
  co_return x.value() + y.value();
}

void ok_start() {
  auto l = compute(1);
  l.start([](Try<int>) {});
}

void ok_via(async_simple::Executor *ex) {
  auto l = compute(1);
  std::move(l).via(ex).detach();
}

Lazy<int> ok_try() {
  auto l = compute(1);
  auto t = co_await l.coAwaitTry();
  co_return t.value();
}

void ok_handed_over() {
  auto l = compute(1);
  take(std::move(l));
}

struct Holder {
  Lazy<int> pending;
  std::vector<Lazy<void>> jobs;
};

template <class T> Lazy<T> ok_template(Lazy<T> l) { co_return co_await l; }

Lazy<int> ok_lambda() {
  auto f = [](int x) -> Lazy<int> {
    auto l = compute(x);
    co_return co_await l;
  };
  co_return co_await f(1);
}

Lazy<int> ok_in_loop() {
  int sum = 0;
  for (int i = 0; i < 3; ++i) {
    auto l = compute(i);
    sum += co_await l;
  }
  co_return sum;
}

// ---- Reported -------------------------------------------------------------

Lazy<int> twice() {
  auto l = compute(1);
  int a = co_await l;
  int b = co_await l;
// CHECK-MESSAGES: :[[@LINE-1]]:11: warning: async_simple::coro::Lazy 'l' is consumed a second time; an async_simple::coro::Lazy can be consumed only once: await it once [valuetask-double-await]
  co_return a + b;
}

int sync_then_start() {
  auto l = compute(1);
  int a = syncAwait(l);
  l.start([](Try<int>) {});
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: async_simple::coro::Lazy 'l' is consumed a second time; an async_simple::coro::Lazy can be consumed only once: await it once [valuetask-double-await]
  return a;
}

int sync_twice() {
  auto l = compute(1);
  return syncAwait(l) + syncAwait(l);
// CHECK-MESSAGES: :[[@LINE-1]]:35: warning: async_simple::coro::Lazy 'l' is consumed a second time; an async_simple::coro::Lazy can be consumed only once: await it once [valuetask-double-await]
}

Lazy<int> await_after_collect() {
  auto l = compute(1);
  auto [x] = co_await async_simple::coro::collectAll(std::move(l));
  co_return x.value() + co_await l;
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: async_simple::coro::Lazy 'l' is consumed a second time; an async_simple::coro::Lazy can be consumed only once: await it once [valuetask-double-await]
}

Lazy<int> await_after_take() {
  auto l = compute(1);
  take(std::move(l));
  co_return co_await l;
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: async_simple::coro::Lazy 'l' is consumed a second time; an async_simple::coro::Lazy can be consumed only once: await it once [valuetask-double-await]
}

void never_started() { auto l = compute(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:29: warning: async_simple::coro::Lazy 'l' is not consumed on every path; a lazy async_simple::coro::Lazy that is dropped never runs: co_await it, or pass it to syncAwait() [valuetask-unawaited]

void discarded_call() { compute(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: async_simple::coro::Lazy returned by 'compute' is never awaited; a lazy async_simple::coro::Lazy that is dropped never runs: co_await it [valuetask-unawaited]

void started_on_one_path() {
  auto l = compute(1);
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: async_simple::coro::Lazy 'l' is not consumed on every path; a lazy async_simple::coro::Lazy that is dropped never runs: co_await it, or pass it to syncAwait() [valuetask-unawaited]
  if (cond())
    l.start([](Try<int>) {});
}

Lazy<int> awaited_in_loop() {
  auto l = compute(1);
  int sum = 0;
  for (int i = 0; i < 3; ++i)
    sum += co_await l;
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: async_simple::coro::Lazy 'l' is consumed a second time; an async_simple::coro::Lazy can be consumed only once: await it once [valuetask-double-await]
  co_return sum;
}

template <class T> Lazy<T> template_twice(Lazy<T> l) {
  T a = co_await l;
  co_return a + co_await l;
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: async_simple::coro::Lazy 'l' is consumed a second time; an async_simple::coro::Lazy can be consumed only once: await it once [valuetask-double-await]
}

Lazy<int> lambda_twice() {
  auto f = [](int x) -> Lazy<int> {
    auto l = compute(x);
    int a = co_await l;
    co_return a + co_await l;
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: async_simple::coro::Lazy 'l' is consumed a second time; an async_simple::coro::Lazy can be consumed only once: await it once [valuetask-double-await]
  };
  co_return co_await f(1);
}

Lazy<std::string> try_then_await() {
  auto l = name();
  auto t = co_await l.coAwaitTry();
  co_return t.value() + co_await l;
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: async_simple::coro::Lazy 'l' is consumed a second time; an async_simple::coro::Lazy can be consumed only once: await it once [valuetask-double-await]
}

// async_simple::coro::RescheduleLazy (from via()) is named as itself.
void ok_reschedule_detach(async_simple::Executor *ex) {
  auto r = compute(1).via(ex);
  r.detach();
}

int ok_reschedule_sync(async_simple::Executor *ex) {
  auto r = compute(1).via(ex);
  return syncAwait(std::move(r));
}

void reschedule_dropped(async_simple::Executor *ex) { auto r = compute(1).via(ex); }
// CHECK-MESSAGES: :[[@LINE-1]]:60: warning: async_simple::coro::RescheduleLazy 'r' is not consumed on every path; a lazy async_simple::coro::RescheduleLazy that is dropped never runs: call start() or detach() on it, or pass it to syncAwait() [valuetask-unawaited]

void reschedule_detached_twice(async_simple::Executor *ex) {
  auto r = compute(1).via(ex);
  r.detach();
  r.detach();
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: async_simple::coro::RescheduleLazy 'r' is consumed a second time; an async_simple::coro::RescheduleLazy can be consumed only once: await it once [valuetask-double-await]
}

void via_after_await(async_simple::Executor *ex) {
  auto l = compute(1);
  l.start([](Try<int>) {});
  std::move(l).via(ex).detach();
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: async_simple::coro::Lazy 'l' is consumed a second time; an async_simple::coro::Lazy can be consumed only once: await it once [valuetask-double-await]
}

Lazy<int> overwritten() {
  auto l = compute(1);
  l = compute(2);
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: async_simple::coro::Lazy 'l' is overwritten before it is consumed on some path; the old lazy async_simple::coro::Lazy is dropped and never runs: co_await it first [valuetask-unawaited]
  co_return co_await l;
}
