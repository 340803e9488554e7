// RUN: %check_clang_tidy %s valuetask-unawaited %t
// REQUIRES: checks

#include <vt/vt.hpp>
#include <stdexcept>
#include <tuple>
#include <utility>

vt::ValueTask<int> fetch();
vt::ValueTask<> ping();
bool cond();
int pick();
void may_throw();
void take(vt::ValueTask<int> task);
void inspect(vt::ValueTask<int> &task);
vt::ValueTask<int> &stored();

struct Client {
  vt::ValueTask<int> get();
};

// ---- Discarded calls ------------------------------------------------------

vt::ValueTask<int> discarded_in_a_coroutine() {
  fetch();
// CHECK-NOTES: :[[@LINE-1]]:3: warning: value task returned by 'fetch' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
  co_return 0;
}

void discarded_in_a_plain_function() {
  ping();
// CHECK-NOTES: :[[@LINE-1]]:3: warning: value task returned by 'ping' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
}

void discarded_member_call(Client &client) {
  client.get();
// CHECK-NOTES: :[[@LINE-1]]:3: warning: value task returned by 'get' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
}

void discarded_through_a_function_pointer(vt::ValueTask<int> (*function)()) {
  function();
// CHECK-NOTES: :[[@LINE-1]]:3: warning: value task returned by 'function' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
}

void discarded_lambda_call() {
  auto lambda = []() -> vt::ValueTask<int> { co_return 1; };
  lambda();
// CHECK-NOTES: :[[@LINE-1]]:3: warning: value task returned by this call is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
}

void discarded_with_void_cast() {
  (void)fetch();
// CHECK-NOTES: :[[@LINE-1]]:9: warning: value task returned by 'fetch' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
  static_cast<void>(fetch());
// CHECK-NOTES: :[[@LINE-1]]:21: warning: value task returned by 'fetch' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
}

void discarded_with_std_ignore() {
  std::ignore = fetch();
// CHECK-NOTES: :[[@LINE-1]]:17: warning: value task returned by 'fetch' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
}

void discarded_in_unbraced_branches_and_loops(int n) {
  if (cond())
    fetch();
// CHECK-NOTES: :[[@LINE-1]]:5: warning: value task returned by 'fetch' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
  else
    ping();
// CHECK-NOTES: :[[@LINE-1]]:5: warning: value task returned by 'ping' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
  while (n-- > 0)
    fetch();
// CHECK-NOTES: :[[@LINE-1]]:5: warning: value task returned by 'fetch' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
  for (int i = 0; i < n; fetch(), ++i) {
// CHECK-NOTES: :[[@LINE-1]]:26: warning: value task returned by 'fetch' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
  }
  switch (n) {
  case 1:
    fetch();
// CHECK-NOTES: :[[@LINE-1]]:5: warning: value task returned by 'fetch' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
    break;
  default:
    break;
  }
}

#define FIRE_AND_FORGET() fetch()

void discarded_through_a_macro() {
  FIRE_AND_FORGET();
// CHECK-NOTES: :[[@LINE-1]]:3: warning: value task returned by 'fetch' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
// CHECK-NOTES: :[[@LINE-5]]:27: note: expanded from macro 'FIRE_AND_FORGET'
}

template <typename T>
void discarded_in_a_template(T) {
  fetch();
// CHECK-NOTES: :[[@LINE-1]]:3: warning: value task returned by 'fetch' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
}
template void discarded_in_a_template<int>(int);
template void discarded_in_a_template<long>(long);

template <typename T> vt::ValueTask<T> make(T value);
template <typename T> T identity(T value);

template <typename T>
void dependent_call_discarded_in_a_template(T value) {
  make(value);
// CHECK-NOTES: :[[@LINE-1]]:3: warning: value task returned by 'make' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
  (void)make(value);
// CHECK-NOTES: :[[@LINE-1]]:9: warning: value task returned by 'make' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
  identity(value);
}
template void dependent_call_discarded_in_a_template<int>(int);

template <typename T>
vt::ValueTask<T> dependent_local_never_consumed(T value) {
  auto v = make(value);
// CHECK-NOTES: :[[@LINE-1]]:8: warning: value task 'v' is not consumed on every path; a dropped value task loses its result and its errors: co_await it, or call result() or as_task() on it [valuetask-unawaited]
// CHECK-NOTES: :[[@LINE+2]]:3: note: 'v' goes out of scope here without being consumed
  vt::ValueTask<T> w = make(value);
  co_return co_await w;
}

// ---- Unconsumed locals ----------------------------------------------------

vt::ValueTask<int> local_never_consumed() {
  auto v = fetch();
// CHECK-NOTES: :[[@LINE-1]]:8: warning: value task 'v' is not consumed on every path; a dropped value task loses its result and its errors: co_await it, or call result() or as_task() on it [valuetask-unawaited]
// CHECK-NOTES: :[[@LINE+1]]:3: note: 'v' goes out of scope here without being consumed
  co_return 0;
}

vt::ValueTask<int> lifetime_extended_temporary_never_consumed() {
  const auto &v = fetch();
// CHECK-NOTES: :[[@LINE-1]]:15: warning: value task 'v' is not consumed on every path; a dropped value task loses its result and its errors: co_await it, or call result() or as_task() on it [valuetask-unawaited]
// CHECK-NOTES: :[[@LINE+1]]:3: note: 'v' goes out of scope here without being consumed
  co_return v.is_completed() ? 1 : 0;
}

int local_never_consumed_in_a_plain_function() {
  vt::ValueTask<int> v = fetch();
// CHECK-NOTES: :[[@LINE-1]]:22: warning: value task 'v' is not consumed on every path; a dropped value task loses its result and its errors: co_await it, or call result() or as_task() on it [valuetask-unawaited]
// CHECK-NOTES: :[[@LINE+1]]:3: note: 'v' goes out of scope here without being consumed
  return 1;
}

vt::ValueTask<int> local_skipped_by_early_return() {
  auto v = fetch();
// CHECK-NOTES: :[[@LINE-1]]:8: warning: value task 'v' is not consumed on every path; a dropped value task loses its result and its errors: co_await it, or call result() or as_task() on it [valuetask-unawaited]
// CHECK-NOTES: :[[@LINE+2]]:5: note: 'v' goes out of scope here without being consumed
  if (cond())
    co_return -1;
  co_return co_await v;
}

vt::ValueTask<int> local_consumed_on_one_branch_only() {
  auto v = fetch();
// CHECK-NOTES: :[[@LINE-1]]:8: warning: value task 'v' is not consumed on every path; a dropped value task loses its result and its errors: co_await it, or call result() or as_task() on it [valuetask-unawaited]
// CHECK-NOTES: :[[@LINE+4]]:3: note: 'v' goes out of scope here without being consumed
  int x = 0;
  if (cond())
    x = co_await v;
  co_return x;
}

vt::ValueTask<int> local_left_by_break() {
  int x = 0;
  while (cond()) {
    auto v = fetch();
// CHECK-NOTES: :[[@LINE-1]]:10: warning: value task 'v' is not consumed on every path; a dropped value task loses its result and its errors: co_await it, or call result() or as_task() on it [valuetask-unawaited]
// CHECK-NOTES: :[[@LINE+2]]:7: note: 'v' goes out of scope here without being consumed
    if (pick() > 3)
      break;
    x += co_await v;
  }
  co_return x;
}

vt::ValueTask<int> local_left_by_continue() {
  int x = 0;
  for (int i = 0; i < 3; ++i) {
    auto v = fetch();
// CHECK-NOTES: :[[@LINE-1]]:10: warning: value task 'v' is not consumed on every path; a dropped value task loses its result and its errors: co_await it, or call result() or as_task() on it [valuetask-unawaited]
// CHECK-NOTES: :[[@LINE+2]]:7: note: 'v' goes out of scope here without being consumed
    if (pick() == i)
      continue;
    x += co_await v;
  }
  co_return x;
}

vt::ValueTask<int> local_unconsumed_in_a_switch_case(int k) {
  int x = 0;
  switch (k) {
  case 1: {
    auto v = fetch();
// CHECK-NOTES: :[[@LINE-1]]:10: warning: value task 'v' is not consumed on every path; a dropped value task loses its result and its errors: co_await it, or call result() or as_task() on it [valuetask-unawaited]
// CHECK-NOTES: :[[@LINE+3]]:5: note: 'v' goes out of scope here without being consumed
    if (cond())
      x = co_await v;
    break;
  }
  default:
    break;
  }
  co_return x;
}

vt::ValueTask<int> local_overwritten_before_consumption() {
  auto v = fetch();
  v = fetch();
// CHECK-NOTES: :[[@LINE-1]]:5: warning: value task 'v' is overwritten before it is consumed on some path; the old value task is dropped with its result and its errors: co_await it first [valuetask-unawaited]
  co_return co_await v;
}

void coroutine_lambda_with_unconsumed_local() {
  auto lambda = []() -> vt::ValueTask<int> {
    auto v = fetch();
// CHECK-NOTES: :[[@LINE-1]]:10: warning: value task 'v' is not consumed on every path; a dropped value task loses its result and its errors: co_await it, or call result() or as_task() on it [valuetask-unawaited]
// CHECK-NOTES: :[[@LINE+1]]:5: note: 'v' goes out of scope here without being consumed
    co_return 0;
  };
  (void)lambda;
}

// ---- Negative cases -------------------------------------------------------

vt::ValueTask<int> awaited_call() {
  int x = co_await fetch();
  co_await ping();
  auto task = fetch().as_task();
  x += co_await task;
  co_return x;
}

vt::ValueTask<int> returned_call() { return fetch(); }

vt::ValueTask<int> local_awaited_on_every_path() {
  auto v = fetch();
  if (cond())
    co_return co_await v;
  int x = v.is_completed() ? v.result() : co_await v;
  co_return x;
}

vt::ValueTask<int> local_returned() {
  auto v = fetch();
  return v;
}

void local_moved_into_a_function() {
  auto v = fetch();
  take(std::move(v));
}

void local_moved_into_a_variable() {
  auto v = fetch();
  auto w = std::move(v);
  take(std::move(w));
}

vt::ValueTask<int> local_in_try_awaited_after_a_throwing_call() {
  try {
    auto v = fetch();
    may_throw();
    co_return co_await v;
  } catch (...) {
  }
  co_return 0;
}

vt::ValueTask<int> local_skipped_only_on_the_exception_path() {
  auto v = fetch();
  try {
    may_throw();
  } catch (...) {
    co_return -1;
  }
  co_return co_await v;
}

vt::ValueTask<int> local_skipped_only_after_an_explicit_throw() {
  auto v = fetch();
  try {
    if (cond())
      throw std::runtime_error("no");
  } catch (const std::runtime_error &) {
    co_return -1;
  }
  co_return co_await v;
}

vt::ValueTask<int> local_captured_by_reference() {
  auto v = fetch();
  auto lambda = [&v]() -> vt::ValueTask<int> { co_return co_await v; };
  co_return co_await lambda();
}

void local_handed_out_by_reference() {
  auto v = fetch();
  inspect(v);
}

vt::ValueTask<int> default_constructed_local() {
  vt::ValueTask<int> v;
  co_return 0;
}

vt::ValueTask<int> reassigned_after_consumption() {
  auto v = fetch();
  int x = co_await v;
  v = fetch();
  x += co_await v;
  co_return x;
}

void fresh_local_per_iteration(int n) {
  for (int i = 0; i < n; ++i) {
    auto v = fetch();
    take(std::move(v));
  }
}

void reference_and_task_results_are_not_value_tasks() {
  stored();
  (void)fetch().as_task();
}

void unevaluated_operands() {
  using Type = decltype(fetch());
  static_assert(sizeof(fetch()) > 0);
  static_assert(sizeof(Type) > 0);
}

void nolint_silences() {
  fetch(); // NOLINT(valuetask-unawaited)
}

// ---- Issue 16: templates, references, flags, loops, ready values ------------

template <typename T> vt::ValueTask<T> fetch_as();
template <typename T> void sink_as(vt::ValueTask<T> &&task);
template <typename T> struct Sink {
  explicit Sink(vt::ValueTask<T> &&task);
};

template <typename T> vt::Task<> default_constructed_then_assigned() {
  vt::ValueTask<T> v{};
  v = fetch_as<T>();
  co_await v;
}

template <typename T> vt::Task<> default_constructed_assigned_never_awaited() {
  vt::ValueTask<T> v{};
// CHECK-NOTES: :[[@LINE-1]]:20: warning: value task 'v' is not consumed on every path; a dropped value task loses its result and its errors: co_await it, or call result() or as_task() on it [valuetask-unawaited]
// CHECK-NOTES: :[[@LINE+2]]:3: note: 'v' goes out of scope here without being consumed
  v = fetch_as<T>();
  co_return;
}

template <typename T> void moved_into_dependent_call_and_constructor() {
  vt::ValueTask<T> v = fetch_as<T>();
  sink_as<T>(std::move(v));
  vt::ValueTask<T> w = fetch_as<T>();
  Sink<T> kept(std::move(w));
  vt::ValueTask<T> x = fetch_as<T>();
  Sink<T> braced{std::move(x)};
}

// The caller owns what a reference parameter holds, before and after.
void out_parameter_assigned(vt::ValueTask<int> &out) { out = fetch(); }

void out_parameter_only_passed_on(vt::ValueTask<int> &out) { inspect(out); }

vt::Task<int> completion_flag_then_one_consumption() {
  vt::ValueTask<int> v = fetch();
  const bool done = v.is_completed();
  int a;
  if (done)
    a = v.result();
  else
    a = co_await v;
  co_return a;
}

vt::Task<int> loop_that_runs_once_consumes() {
  vt::ValueTask<int> v = fetch();
  int a = 0;
  for (int i = 0; i < 1; ++i)
    a = co_await v;
  co_return a;
}

vt::Task<int> loop_that_never_runs() {
  vt::ValueTask<int> v = fetch();
// CHECK-NOTES: :[[@LINE-1]]:22: warning: value task 'v' is not consumed on every path; a dropped value task loses its result and its errors: co_await it, or call result() or as_task() on it [valuetask-unawaited]
// CHECK-NOTES: :[[@LINE+4]]:3: note: 'v' goes out of scope here without being consumed
  int a = 0;
  for (int i = 0; i < 0; ++i)
    a = co_await v;
  co_return a;
}

void conditional_discarded() {
  cond() ? fetch() : fetch();
// CHECK-NOTES: :[[@LINE-1]]:12: warning: value task returned by 'fetch' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
// CHECK-NOTES: :[[@LINE-2]]:22: warning: value task returned by 'fetch' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
}

void conditional_discarded_one_arm_a_reference() {
  cond() ? fetch() : std::move(stored());
// CHECK-NOTES: :[[@LINE-1]]:12: warning: value task returned by 'fetch' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
}

// The runtime drops a ready value silently: nothing is lost.
void ready_value_dropped() {
  vt::ValueTask<int> ready(42);
  vt::ValueTask<int> also_ready = vt::ValueTask<int>(7);
  vt::ValueTask<int> empty;
}

void ready_value_replaced_by_a_pending_one() {
  vt::ValueTask<int> v(42);
// CHECK-NOTES: :[[@LINE-1]]:22: warning: value task 'v' is not consumed on every path; a dropped value task loses its result and its errors: co_await it, or call result() or as_task() on it [valuetask-unawaited]
// CHECK-NOTES: :[[@LINE+2]]:1: note: 'v' goes out of scope here without being consumed
  v = fetch();
}

// `a = std::move(b)`: a holds what b held; an empty b leaves nothing to drop.
template <typename T> void move_assigned_from_empty() {
  vt::ValueTask<T> first, second;
  first = std::move(second);
}

void move_assigned_from_pending() {
  vt::ValueTask<int> first;
  vt::ValueTask<int> second = fetch();
  first = std::move(second);
}
// CHECK-NOTES: :[[@LINE-4]]:22: warning: value task 'first' is not consumed on every path; a dropped value task loses its result and its errors: co_await it, or call result() or as_task() on it [valuetask-unawaited]
// CHECK-NOTES: :[[@LINE-2]]:1: note: 'first' goes out of scope here without being consumed
