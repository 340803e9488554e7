// RUN: %check_clang_tidy %s valuetask-double-await,valuetask-unawaited,valuetask-result-before-completion,valuetask-stored,valuetask-always-async %t -- -- -I%S/Inputs/models
// REQUIRES: checks

// The built-in cppcoro model, with no configuration: task<T> is lazy and
// re-awaitable after completion (an lvalue co_await leaves it in place, a
// move into when_all or an rvalue co_await is the one consumption);
// shared_task<T> is shareable.

#include "cppcoro.h"
#include <functional>
#include <string>
#include <utility>
#include <vector>

using cppcoro::shared_task;
using cppcoro::sync_wait;
using cppcoro::task;
using cppcoro::when_all;

task<int> compute(int x);
task<std::string> name();
shared_task<int> shared();
bool cond();
void take(task<int> t);

// ---- Silent: the library's idioms -----------------------------------------

task<int> ok_twice() {
  auto t = compute(1);
  int a = co_await t;
  int b = co_await t;
  co_return a + b;
}

int ok_sync() {
  auto t = compute(1);
  int a = sync_wait(t);
  return a + sync_wait(t);
}

int ok_sync_moved() { return sync_wait(compute(1)); }

task<int> ok_vec() {
  std::vector<task<int>> v;
  v.push_back(compute(1));
  auto all = co_await when_all(std::move(v));
  co_return all[0];
}

task<int> ok_vec_loop() {
  std::vector<task<int>> v;
  for (int i = 0; i < 3; ++i)
    v.push_back(compute(i));
  auto all = co_await when_all(std::move(v));
  int sum = 0;
  for (int x : all)
    sum += x;
  co_return sum;
}

task<int> ok_when_all_moved() {
  auto t = compute(1);
  auto u = compute(2);
  auto [x, y] = co_await when_all(std::move(t), std::move(u));
  co_return x + y;
}

task<int> ok_when_all_ref() {
  auto t = compute(1);
  auto [x] = co_await when_all(std::ref(t));
  co_return x + co_await t;
}

task<int> ok_moved_await() {
  auto t = compute(1);
  co_return co_await std::move(t);
}

task<int> ok_lvalue_then_moved() {
  auto t = compute(1);
  int a = co_await t;
  co_return a + co_await std::move(t);
}

task<int> ok_shared() {
  auto s = shared();
  auto copy = s;
  int a = co_await s;
  co_return a + co_await s + co_await copy;
}

task<int> ok_make_shared() {
  auto s = cppcoro::make_shared_task(compute(1));
  co_return co_await s + co_await s;
}

struct Holder {
  task<int> pending;
  shared_task<int> shared;
};

task<int> ok_in_loop() {
  auto t = compute(1);
  int sum = 0;
  for (int i = 0; i < 3; ++i)
    sum += co_await t;
  co_return sum;
}

template <class T> task<T> ok_template(task<T> t) {
  T a = co_await t;
  co_return a + co_await t;
}

task<int> ok_lambda() {
  auto f = [](int x) -> task<int> {
    auto t = compute(x);
    int a = co_await t;
    co_return a + co_await t;
  };
  co_return co_await f(1);
}

void ok_handed_over() {
  auto t = compute(1);
  take(std::move(t));
}

// ---- Reported -------------------------------------------------------------

task<std::string> moved_then_lvalue() {
  auto t = name();
  auto a = co_await std::move(t);
  auto b = co_await t;
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: cppcoro::task 't' is consumed again after its task or its result was moved out; what is left is empty or moved-from: await the task it was moved into, or await this one as an lvalue before moving it [valuetask-double-await]
  co_return a + b;
}

task<int> moved_into_when_all() {
  auto t = compute(1);
  auto [x] = co_await when_all(std::move(t));
  co_return x + co_await t;
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: cppcoro::task 't' is consumed again after its task or its result was moved out; what is left is empty or moved-from: await the task it was moved into, or await this one as an lvalue before moving it [valuetask-double-await]
}

task<int> moved_into_take() {
  auto t = compute(1);
  take(std::move(t));
  co_return co_await t;
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: cppcoro::task 't' is consumed again after its task or its result was moved out; what is left is empty or moved-from: await the task it was moved into, or await this one as an lvalue before moving it [valuetask-double-await]
}

int sync_after_move() {
  auto t = compute(1);
  auto u = std::move(t);
  return sync_wait(u) + sync_wait(t);
// CHECK-MESSAGES: :[[@LINE-1]]:35: warning: cppcoro::task 't' is consumed again after its task or its result was moved out; what is left is empty or moved-from: await the task it was moved into, or await this one as an lvalue before moving it [valuetask-double-await]
}

void never_started() { auto t = compute(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:29: warning: cppcoro::task 't' is not consumed on every path; a lazy cppcoro::task that is dropped never runs: co_await it, or pass it to sync_wait() [valuetask-unawaited]

void discarded_call() { compute(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: cppcoro::task returned by 'compute' is never awaited; a lazy cppcoro::task that is dropped never runs: co_await it [valuetask-unawaited]

void started_on_one_path() {
  auto t = compute(1);
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: cppcoro::task 't' is not consumed on every path; a lazy cppcoro::task that is dropped never runs: co_await it, or pass it to sync_wait() [valuetask-unawaited]
  if (cond())
    sync_wait(t);
}

task<int> moved_in_loop() {
  auto t = compute(1);
  int sum = 0;
  for (int i = 0; i < 3; ++i)
    sum += co_await std::move(t);
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: cppcoro::task 't' is consumed again after its task or its result was moved out; what is left is empty or moved-from: await the task it was moved into, or await this one as an lvalue before moving it [valuetask-double-await]
  co_return sum;
}

template <class T> task<T> template_moved_twice(task<T> t) {
  T a = co_await std::move(t);
  co_return a + co_await std::move(t);
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: cppcoro::task 't' is consumed again after its task or its result was moved out; what is left is empty or moved-from: await the task it was moved into, or await this one as an lvalue before moving it [valuetask-double-await]
}

task<int> lambda_moved_then_lvalue() {
  auto f = [](int x) -> task<int> {
    auto t = compute(x);
    int a = co_await std::move(t);
    co_return a + co_await t;
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: cppcoro::task 't' is consumed again after its task or its result was moved out; what is left is empty or moved-from: await the task it was moved into, or await this one as an lvalue before moving it [valuetask-double-await]
  };
  co_return co_await f(1);
}

task<int> overwritten() {
  auto t = compute(1);
  t = compute(2);
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: cppcoro::task 't' is overwritten before it is consumed on some path; the old lazy cppcoro::task is dropped and never runs: co_await it first [valuetask-unawaited]
  co_return co_await t;
}

task<int> ok_reassigned_after_await() {
  auto t = compute(1);
  int a = co_await t;
  t = compute(2);
  co_return a + co_await t;
}

task<int> ok_reassigned_after_move() {
  auto t = compute(1);
  int a = co_await std::move(t);
  t = compute(2);
  co_return a + co_await t;
}
