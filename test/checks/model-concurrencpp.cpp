// RUN: %check_clang_tidy %s valuetask-double-await,valuetask-unawaited,valuetask-result-before-completion,valuetask-stored,valuetask-always-async %t -- -- -I%S/Inputs/models
// REQUIRES: checks

// The built-in concurrencpp model, with no configuration: result<T> is eager
// and consumed once (co_await, get(), resolve()), lazy_result<T> is lazy,
// shared_result<T> is shareable; when_all takes results as R&&.

#include "concurrencpp.h"
#include <memory>
#include <utility>
#include <vector>

using concurrencpp::lazy_result;
using concurrencpp::result;
using concurrencpp::shared_result;
using concurrencpp::thread_pool_executor;

result<int> compute(int x);
lazy_result<int> lazy_compute(int x);
bool cond();
void take(result<int> r);
void look(const result<int> &r);

// ---- Silent: the library's idioms -----------------------------------------

int ok_blocking() {
  auto r = compute(1);
  return r.get();
}

int ok_wait_then_get() {
  auto r = compute(1);
  r.wait();
  return r.get();
}

result<int> ok_shared() {
  shared_result<int> s(compute(1));
  int a = co_await s;
  int b = co_await s;
  co_return a + b + s.get();
}

result<int> ok_all(std::shared_ptr<thread_pool_executor> tp) {
  auto [a, b] = co_await when_all(tp, compute(1), compute(2));
  co_return a.get() + b.get();
}

result<int> ok_all_moved(std::shared_ptr<thread_pool_executor> tp) {
  auto r = compute(1);
  auto s = compute(2);
  auto [a, b] = co_await concurrencpp::when_all(tp, std::move(r), std::move(s));
  co_return a.get() + b.get();
}

result<int> ok_all_vector(std::shared_ptr<thread_pool_executor> tp) {
  std::vector<result<int>> v;
  v.push_back(compute(1));
  v.push_back(compute(2));
  auto done = co_await concurrencpp::when_all(tp, v.begin(), v.end());
  int sum = 0;
  for (auto &r : done)
    sum += r.get();
  co_return sum;
}

result<int> ok_moved_await() {
  auto r = compute(1);
  co_return co_await std::move(r);
}

result<int> ok_lazy() {
  auto l = lazy_compute(1);
  co_return co_await l;
}

int ok_lazy_run() {
  auto l = lazy_compute(1);
  auto r = l.run();
  return r.get();
}

result<int> ok_resolve() {
  auto r = compute(1);
  auto rr = co_await r.resolve();
  co_return rr.get();
}

struct Holder {
  result<int> pending;
  lazy_result<int> later;
  shared_result<int> shared;
};

void ok_ready_factory() { auto r = concurrencpp::make_ready_result<int>(1); }

int ok_ready_factory_get() {
  auto r = concurrencpp::make_ready_result<int>(1);
  return r.get();
}

void ok_handed_over() {
  auto r = compute(1);
  take(std::move(r));
}

int ok_in_loop() {
  int sum = 0;
  for (int i = 0; i < 3; ++i) {
    auto r = compute(i);
    sum += r.get();
  }
  return sum;
}

template <class T> T ok_template(result<T> r) { return r.get(); }
int use_ok_template() { return ok_template(compute(1)); }

int ok_lambda() {
  auto f = [](int x) -> int {
    auto r = compute(x);
    return r.get();
  };
  return f(1);
}

// ---- Reported -------------------------------------------------------------

result<int> twice() {
  auto r = compute(1);
  int a = co_await r;
  int b = co_await r;
// CHECK-MESSAGES: :[[@LINE-1]]:11: warning: concurrencpp::result 'r' is consumed a second time; a concurrencpp::result can be consumed only once: await it once [valuetask-double-await]
  co_return a + b;
}

int get_after_get() {
  auto r = compute(1);
  r.wait();
  int a = r.get();
  return a + r.get();
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: concurrencpp::result 'r' is consumed a second time; a concurrencpp::result can be consumed only once: await it once [valuetask-double-await]
}

void dropped_lazy() { auto l = lazy_compute(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: concurrencpp::lazy_result 'l' is not consumed on every path; a lazy concurrencpp::lazy_result that is dropped never runs: co_await it, or call run() on it [valuetask-unawaited]

void dropped_eager() { auto r = compute(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:29: warning: concurrencpp::result 'r' is not consumed on every path; a dropped concurrencpp::result loses its result and its errors: co_await it, or call get() on it [valuetask-unawaited]

void discarded_call() { compute(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: concurrencpp::result returned by 'compute' is never awaited; a dropped concurrencpp::result loses its result and its errors: co_await it [valuetask-unawaited]

void discarded_lazy_call() { lazy_compute(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:30: warning: concurrencpp::lazy_result returned by 'lazy_compute' is never awaited; a lazy concurrencpp::lazy_result that is dropped never runs: co_await it [valuetask-unawaited]

result<int> resolved() {
  auto r = compute(1);
  auto rr = co_await r.resolve();
  co_return r.get() + rr.get();
// CHECK-MESSAGES: :[[@LINE-1]]:15: warning: concurrencpp::result 'r' is consumed a second time; a concurrencpp::result can be consumed only once: await it once [valuetask-double-await]
}

result<int> await_after_when_all(std::shared_ptr<thread_pool_executor> tp) {
  auto r = compute(1);
  auto [a] = co_await concurrencpp::when_all(tp, std::move(r));
  co_return a.get() + co_await r;
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: concurrencpp::result 'r' is consumed a second time; a concurrencpp::result can be consumed only once: await it once [valuetask-double-await]
}

int lazy_run_twice() {
  auto l = lazy_compute(1);
  auto a = l.run();
  auto b = l.run();
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: concurrencpp::lazy_result 'l' is consumed a second time; a concurrencpp::lazy_result can be consumed only once: await it once [valuetask-double-await]
  return a.get() + b.get();
}

int get_after_take() {
  auto r = compute(1);
  take(std::move(r));
  return r.get();
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: concurrencpp::result 'r' is consumed a second time; a concurrencpp::result can be consumed only once: await it once [valuetask-double-await]
}

int get_in_loop() {
  auto r = compute(1);
  int sum = 0;
  for (int i = 0; i < 3; ++i)
    sum += r.get();
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: concurrencpp::result 'r' is consumed a second time; a concurrencpp::result can be consumed only once: await it once [valuetask-double-await]
  return sum;
}

void dropped_on_one_path() {
  auto r = compute(1);
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: concurrencpp::result 'r' is not consumed on every path; a dropped concurrencpp::result loses its result and its errors: co_await it, or call get() on it [valuetask-unawaited]
  if (cond())
    r.get();
}

template <class T> T template_twice(result<T> r) {
  T a = r.get();
  return a + r.get();
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: concurrencpp::result 'r' is consumed a second time; a concurrencpp::result can be consumed only once: await it once [valuetask-double-await]
}
int use_template_twice() { return template_twice(compute(1)); }

int lambda_twice() {
  auto f = [](int x) -> int {
    auto r = compute(x);
    int a = r.get();
    return a + r.get();
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: concurrencpp::result 'r' is consumed a second time; a concurrencpp::result can be consumed only once: await it once [valuetask-double-await]
  };
  return f(1);
}

int get_after_shared() {
  auto r = compute(1);
  shared_result<int> s(std::move(r));
  return s.get() + r.get();
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: concurrencpp::result 'r' is consumed a second time; a concurrencpp::result can be consumed only once: await it once [valuetask-double-await]
}

// when_all over [begin, end) moves every element out (make_move_iterator).
// Not reported: the analysis does not follow container elements, nor a move
// through iterators (a limitation, docs/checks/valuetask-double-await.md).
result<int> element_after_when_all(std::shared_ptr<thread_pool_executor> tp) {
  std::vector<result<int>> v;
  v.push_back(compute(1));
  auto done = co_await concurrencpp::when_all(tp, v.begin(), v.end());
  co_return done[0].get() + v[0].get();
}

result<int> ok_ready_checked() {
  auto r = compute(1);
  if (r.status() == concurrencpp::result_status::idle)
    r.wait();
  co_return r.get();
}

result<int> on_executor(concurrencpp::executor_tag, std::shared_ptr<thread_pool_executor> tp, int x) {
  co_return x;
}

void dropped_on_executor(std::shared_ptr<thread_pool_executor> tp) {
  on_executor({}, tp, 1);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: concurrencpp::result returned by 'on_executor' is never awaited; a dropped concurrencpp::result loses its result and its errors: co_await it [valuetask-unawaited]
}

result<int> overwritten() {
  auto r = compute(1);
  r = compute(2);
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: concurrencpp::result 'r' is overwritten before it is consumed on some path; the old concurrencpp::result is dropped with its result and its errors: co_await it first [valuetask-unawaited]
  co_return co_await r;
}

result<int> ok_reassigned_after_await() {
  auto r = compute(1);
  int a = co_await r;
  r = compute(2);
  co_return a + co_await r;
}

// status() reads which outcome the result had: looked at, not dropped.
void status_looked_at() {
  auto r = compute(1);
  (void)r.status();
}

// A self-move-assignment changes nothing.
int self_move_assigned() {
  auto t = lazy_compute(1);
  t = std::move(t);
  return t.run().get();
}
