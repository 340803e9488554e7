// RUN: %check_clang_tidy %s valuetask-result-before-completion %t
// REQUIRES: checks

#include <vt/vt.hpp>
#include <cassert>
#include <cstdlib>
#include <utility>

vt::ValueTask<int> fetch();
void take_reference(vt::ValueTask<int> &task);
bool cond();

// ---- Positive cases -------------------------------------------------------

int read_without_check() {
  auto v = fetch();
  return v.result();
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: result() is called on value task 'v' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
}

int assert_after_the_read() {
  auto v = fetch();
  int x = v.result();
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: result() is called on value task 'v' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  assert(v.is_completed());
  return x;
}

int check_on_one_branch_only() {
  auto v = fetch();
  if (cond())
    if (!v.is_completed())
      return 0;
  return v.result();
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: result() is called on value task 'v' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
}

int check_on_the_wrong_branch() {
  auto v = fetch();
  if (v.is_completed())
    return 0;
  return v.result();
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: result() is called on value task 'v' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
}

int check_under_or() {
  auto v = fetch();
  if (cond() || v.is_completed())
    return v.result();
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: result() is called on value task 'v' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  return 0;
}

int check_of_another_value_task() {
  auto v = fetch();
  auto w = fetch();
  if (w.is_completed())
    return v.result() + w.result();
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: result() is called on value task 'v' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  return 0;
}

int check_before_reassignment() {
  auto v = fetch();
  if (!v.is_completed())
    return 0;
  int x = v.result();
  v = fetch();
  return x + v.result();
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: result() is called on value task 'v' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
}

int read_by_value_parameter(vt::ValueTask<int> p) { return p.result(); }
// CHECK-MESSAGES: :[[@LINE-1]]:62: warning: result() is called on value task 'p' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]

int read_in_a_loop() {
  int x = 0;
  for (int i = 0; i < 3; ++i) {
    auto v = fetch();
    x += v.result();
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: result() is called on value task 'v' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  }
  return x;
}

int read_straight_off_a_call() { return fetch().result(); }
// CHECK-MESSAGES: :[[@LINE-1]]:49: warning: result() is called on a value task fresh from a call, which may not be complete; keep it in a variable and check is_completed() first, or co_await it [valuetask-result-before-completion]

int read_with_std_move() {
  auto v = fetch();
  return std::move(v).result();
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: result() is called on value task 'v' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
}

void read_in_a_lambda() {
  auto lambda = [] {
    auto v = fetch();
    return v.result();
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: result() is called on value task 'v' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  };
  (void)lambda;
}

template <typename T>
T read_in_a_template(vt::ValueTask<T> p) {
  return p.result();
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: result() is called on value task 'p' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
}
template int read_in_a_template<int>(vt::ValueTask<int>);
template long read_in_a_template<long>(vt::ValueTask<long>);

// ---- Negative cases -------------------------------------------------------

int dominating_check() {
  auto v = fetch();
  if (v.is_completed())
    return v.result();
  return 0;
}

int dominating_check_successfully() {
  auto v = fetch();
  if (v.is_completed_successfully())
    return v.result();
  return 0;
}

int early_exit_when_not_complete() {
  auto v = fetch();
  if (!v.is_completed())
    return -1;
  return v.result();
}

int assert_before_the_read() {
  auto v = fetch();
  assert(v.is_completed());
  return v.result();
}

int check_through_std_as_const() {
  auto v = fetch();
  if (std::as_const(v).is_completed())
    return v.result();
  return 0;
}

int check_under_and() {
  auto v = fetch();
  if (cond() && v.is_completed())
    return v.result();
  return 0;
}

int check_in_a_ternary() {
  auto v = fetch();
  return v.is_completed() ? v.result() : -1;
}

vt::ValueTask<int> spin_until_complete() {
  auto v = fetch();
  while (!v.is_completed())
    co_await vt::yield();
  co_return v.result();
}

vt::ValueTask<int> fast_path() {
  auto v = fetch();
  if (v.is_completed())
    co_return v.result();
  co_return co_await v;
}

int constructed_from_a_value() {
  vt::ValueTask<int> v(42);
  vt::ValueTask<int> w = 7;
  vt::ValueTask<int> d;
  return v.result() + w.result() + d.result();
}

int reassigned_from_a_value() {
  auto v = fetch();
  if (!v.is_completed())
    return 0;
  int x = v.result();
  v = vt::ValueTask<int>(3);
  return x + v.result();
}

int unevaluated_operand() {
  auto v = fetch();
  constexpr auto Size = sizeof(v.result());
  if (v.is_completed())
    return v.result() + static_cast<int>(Size);
  return 0;
}

int other_types_are_not_value_tasks() {
  struct Future {
    int result() { return 1; }
  } future;
  return future.result();
}

template <typename T>
T checked_in_a_template(vt::ValueTask<T> p) {
  if (!p.is_completed())
    return T();
  return p.result();
}
template int checked_in_a_template<int>(vt::ValueTask<int>);

// ---- Issue 16: templates, references, flags --------------------------------

template <typename T> T assert_completed_in_template(vt::ValueTask<T> v) {
  assert(v.is_completed());
  return v.result();
}
template int assert_completed_in_template<int>(vt::ValueTask<int>);

template <typename T> T aborts_unless_completed_in_template(vt::ValueTask<T> v) {
  if (!v.is_completed())
    std::abort();
  return v.result();
}

template <typename T> T unchecked_in_template(vt::ValueTask<T> v) {
  return v.result();
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: result() is called on value task 'v' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
}

void out_parameter_assigned_then_read(vt::ValueTask<int> &out) {
  out = fetch();
  (void)out.result();
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: result() is called on value task 'out' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
}

void out_parameter_assigned_then_checked(vt::ValueTask<int> &out) {
  out = fetch();
  if (out.is_completed())
    (void)out.result();
}

// What the caller passed is unknown here: no finding from that alone.
int reference_parameter_read_as_passed(vt::ValueTask<int> &in) {
  return in.result();
}

void reference_parameter_only_passed_on(vt::ValueTask<int> &out) {
  take_reference(out);
}

int local_reference_read_before_completion() {
  vt::ValueTask<int> v = fetch();
  auto &alias = v;
  return alias.result();
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: result() is called on value task 'v' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
}

int captured_by_reference_assigned_then_read() {
  vt::ValueTask<int> v = fetch();
  auto read = [&] {
    v = fetch();
    return v.result();
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: result() is called on value task 'v' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  };
  return read();
}

vt::Task<int> completion_kept_in_a_bool() {
  vt::ValueTask<int> v = fetch();
  int a;
  const bool done = v.is_completed();
  if (done)
    a = v.result();
  else
    a = co_await v;
  co_return a;
}

int completion_kept_in_a_bool_read_when_not_done() {
  vt::ValueTask<int> v = fetch();
  const bool done = v.is_completed();
  if (!done)
    return v.result();
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: result() is called on value task 'v' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  return 0;
}

int completion_flag_negated_then_tested() {
  vt::ValueTask<int> v = fetch();
  bool pending = !v.is_completed();
  if (pending)
    return 0;
  return v.result();
}
