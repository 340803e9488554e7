// RUN: %check_clang_tidy %s valuetask-double-await,valuetask-unawaited,valuetask-result-before-completion,valuetask-stored,valuetask-always-async %t -- -- -I%S/Inputs/models
// REQUIRES: checks

// The built-in libcoro model, with no configuration: coro::task<T> is lazy
// and re-awaitable after completion, like cppcoro's; resume() starts it in
// place; when_all and thread_pool::schedule take it by value.

#include "libcoro.h"
#include <string>
#include <utility>
#include <vector>

coro::task<int> compute(int x);
coro::task<std::string> name();
coro::task<void> work();
bool cond();
void take(coro::task<int> t);

// ---- Silent: the library's idioms -----------------------------------------

coro::task<int> ok_twice() {
  auto t = compute(1);
  int a = co_await t;
  co_return a + co_await t;
}

int ok_checked() {
  auto t = compute(1);
  t.resume();
  if (t.is_ready())
    return t.promise().result();
  return 0;
}

int ok_sync() {
  auto t = compute(1);
  int a = coro::sync_wait(t);
  return a + coro::sync_wait(t);
}

int ok_sync_prvalue() { return coro::sync_wait(compute(1)); }

int ok_vec() {
  std::vector<coro::task<int>> tasks;
  tasks.push_back(compute(1));
  tasks.push_back(compute(2));
  auto r = coro::sync_wait(coro::when_all(std::move(tasks)));
  int sum = 0;
  for (auto &t : r)
    sum += t.return_value();
  return sum;
}

coro::task<int> ok_vec_loop() {
  std::vector<coro::task<int>> tasks;
  for (int i = 0; i < 3; ++i)
    tasks.emplace_back(compute(i));
  auto r = co_await coro::when_all(std::move(tasks));
  co_return r[0].return_value();
}

coro::task<int> ok_when_all_moved() {
  auto t = compute(1);
  auto u = compute(2);
  auto [x, y] = co_await coro::when_all(std::move(t), std::move(u));
  co_return x.return_value() + y.return_value();
}

coro::task<int> ok_moved_await() {
  auto t = compute(1);
  co_return co_await std::move(t);
}

coro::task<int> ok_schedule(coro::thread_pool &tp) {
  auto t = compute(1);
  co_return co_await tp.schedule(std::move(t));
}

void ok_spawn(coro::thread_pool &tp) {
  auto t = work();
  tp.spawn_detached(std::move(t));
}

void ok_resume_then_destroy() {
  auto t = compute(1);
  t.resume();
}

struct Holder {
  coro::task<int> pending;
  std::vector<coro::task<void>> jobs;
};

template <class T> coro::task<T> ok_template(coro::task<T> t) {
  T a = co_await t;
  co_return a + co_await t;
}

coro::task<int> ok_lambda() {
  auto f = [](int x) -> coro::task<int> {
    auto t = compute(x);
    int a = co_await t;
    co_return a + co_await t;
  };
  co_return co_await f(1);
}

// ---- Reported -------------------------------------------------------------

coro::task<int> moved_then_await(coro::thread_pool &tp) {
  auto t = compute(1);
  int a = co_await tp.schedule(std::move(t));
  co_return a + co_await t;
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: coro::task 't' is consumed again after its task or its result was moved out; what is left is empty or moved-from: await the task it was moved into, or await this one as an lvalue before moving it [valuetask-double-await]
}

coro::task<std::string> moved_then_lvalue() {
  auto t = name();
  auto a = co_await std::move(t);
  auto b = co_await t;
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: coro::task 't' is consumed again after its task or its result was moved out; what is left is empty or moved-from: await the task it was moved into, or await this one as an lvalue before moving it [valuetask-double-await]
  co_return a + b;
}

coro::task<int> moved_into_when_all() {
  auto t = compute(1);
  auto [x] = co_await coro::when_all(std::move(t));
  co_return x.return_value() + co_await t;
// CHECK-MESSAGES: :[[@LINE-1]]:32: warning: coro::task 't' is consumed again after its task or its result was moved out; what is left is empty or moved-from: await the task it was moved into, or await this one as an lvalue before moving it [valuetask-double-await]
}

int sync_after_move() {
  auto t = compute(1);
  take(std::move(t));
  return coro::sync_wait(t);
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: coro::task 't' is consumed again after its task or its result was moved out; what is left is empty or moved-from: await the task it was moved into, or await this one as an lvalue before moving it [valuetask-double-await]
}

void never_started() { auto t = compute(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:29: warning: coro::task 't' is not consumed on every path; a lazy coro::task that is dropped never runs: co_await it, or pass it to coro::sync_wait() [valuetask-unawaited]

void discarded_call() { compute(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: coro::task returned by 'compute' is never awaited; a lazy coro::task that is dropped never runs: co_await it [valuetask-unawaited]

void spawned_then_awaited(coro::thread_pool &tp) {
  auto t = work();
  tp.spawn_detached(std::move(t));
  coro::sync_wait(t);
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: coro::task 't' is consumed again after its task or its result was moved out; what is left is empty or moved-from: await the task it was moved into, or await this one as an lvalue before moving it [valuetask-double-await]
}

// promise().result() before completion is not reported: promise() is not
// modelled, and promise() hands the frame to manual control (see
// checks/utils/TaskModel.cpp).
int result_not_ready() {
  auto t = compute(1);
  return t.promise().result();
}

void started_on_one_path() {
  auto t = compute(1);
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: coro::task 't' is not consumed on every path; a lazy coro::task that is dropped never runs: co_await it, or pass it to coro::sync_wait() [valuetask-unawaited]
  if (cond())
    t.resume();
}

template <class T> coro::task<T> template_moved_twice(coro::task<T> t) {
  T a = co_await std::move(t);
  co_return a + co_await std::move(t);
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: coro::task 't' is consumed again after its task or its result was moved out; what is left is empty or moved-from: await the task it was moved into, or await this one as an lvalue before moving it [valuetask-double-await]
}

coro::task<int> lambda_moved_then_lvalue() {
  auto f = [](int x) -> coro::task<int> {
    auto t = compute(x);
    int a = co_await std::move(t);
    co_return a + co_await t;
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: coro::task 't' is consumed again after its task or its result was moved out; what is left is empty or moved-from: await the task it was moved into, or await this one as an lvalue before moving it [valuetask-double-await]
  };
  co_return co_await f(1);
}

int ok_result_after_sync() {
  auto t = compute(1);
  coro::sync_wait(t);
  return t.promise().result();
}

coro::task<int> ok_result_after_await() {
  auto t = compute(1);
  co_await t;
  co_return t.promise().result();
}

int result_after_resume() {
  auto t = compute(1);
  t.resume();
  return t.promise().result();
}

int result_of_temporary() { return compute(1).promise().result(); }

coro::task<int> overwritten() {
  auto t = compute(1);
  t = compute(2);
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: coro::task 't' is overwritten before it is consumed on some path; the old lazy coro::task is dropped and never runs: co_await it first [valuetask-unawaited]
  co_return co_await t;
}

coro::task<int> ok_reassigned_after_await() {
  auto t = compute(1);
  int a = co_await t;
  t = compute(2);
  co_return a + co_await t;
}

coro::task<int> ok_reassigned_after_move() {
  auto t = compute(1);
  int a = co_await std::move(t);
  t = compute(2);
  co_return a + co_await t;
}

// Driven by hand through its promise: started, not dropped.
void driven_through_the_promise() {
  auto t = compute(1);
  auto h = std::coroutine_handle<coro::task<int>::promise_type>::from_promise(t.promise());
  h.resume();
}
