// RUN: %check_clang_tidy %s valuetask-double-await %t
// REQUIRES: checks

#include <vt/vt.hpp>
#include <stdexcept>
#include <utility>
#include <vector>

vt::ValueTask<int> fetch();
bool cond();
int pick();
void may_throw();
void take(vt::ValueTask<int> task);
void take_rvalue(vt::ValueTask<int> &&task);
void look(const vt::ValueTask<int> &task);

struct Holder {
  explicit Holder(vt::ValueTask<int> task);
};

// ---- Positive cases -------------------------------------------------------

vt::ValueTask<int> consumed_in_then_and_after_if() {
  auto v = fetch();
  int x = 0;
  if (cond())
    x = co_await v;
  x += co_await v;
// CHECK-NOTES: :[[@LINE-1]]:8: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:9: note: first consumed here
  co_return x;
}

vt::ValueTask<int> consumed_then_again_in_later_if() {
  auto v = fetch();
  int x = co_await v;
  if (cond())
    x += co_await v;
// CHECK-NOTES: :[[@LINE-1]]:10: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-4]]:11: note: first consumed here
  co_return x;
}

vt::ValueTask<int> consumed_in_else_and_in_independent_if() {
  auto v = fetch();
  int x = 0;
  if (cond())
    x = 1;
  else
    x = co_await v;
  if (pick() > 2)
    x += co_await v;
// CHECK-NOTES: :[[@LINE-1]]:10: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-4]]:9: note: first consumed here
  co_return x;
}

vt::ValueTask<int> awaited_twice_in_a_row() {
  auto v = fetch();
  int x = co_await v;
  x += co_await v;
// CHECK-NOTES: :[[@LINE-1]]:8: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:11: note: first consumed here
  co_return x;
}

vt::ValueTask<int> lifetime_extended_temporary_awaited_twice() {
  auto &&v = fetch();
  int x = co_await v;
  x += co_await v;
// CHECK-NOTES: :[[@LINE-1]]:8: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:11: note: first consumed here
  co_return x;
}

vt::ValueTask<int> awaited_twice_through_std_move() {
  auto v = fetch();
  int x = co_await std::move(v);
  x += co_await std::move(v);
// CHECK-NOTES: :[[@LINE-1]]:8: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:11: note: first consumed here
  co_return x;
}

vt::ValueTask<int> created_before_while_loop() {
  auto v = fetch();
  int x = 0;
  while (cond())
    x += co_await v;
// CHECK-NOTES: :[[@LINE-1]]:10: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-2]]:10: note: first consumed here
  co_return x;
}

vt::ValueTask<int> created_before_for_loop() {
  auto v = fetch();
  int x = 0;
  for (int i = 0; i < 3; ++i)
    x += co_await v;
// CHECK-NOTES: :[[@LINE-1]]:10: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-2]]:10: note: first consumed here
  co_return x;
}

vt::ValueTask<int> created_before_do_loop() {
  auto v = fetch();
  int x = 0;
  do {
    x += v.result();
// CHECK-NOTES: :[[@LINE-1]]:12: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-2]]:12: note: first consumed here
  } while (cond());
  co_return x;
}

vt::ValueTask<int> created_before_nested_loops() {
  auto v = fetch();
  int x = 0;
  for (int i = 0; i < 3; ++i) {
    while (cond()) {
      if (pick() == i)
        break;
    }
    if (cond())
      x += co_await v;
// CHECK-NOTES: :[[@LINE-1]]:12: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-2]]:12: note: first consumed here
  }
  co_return x;
}

vt::ValueTask<int> created_before_range_for() {
  auto v = fetch();
  int items[] = {1, 2, 3};
  int x = 0;
  for (int item : items)
    x += item + co_await v;
// CHECK-NOTES: :[[@LINE-1]]:17: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-2]]:17: note: first consumed here
  co_return x;
}

vt::ValueTask<int> consumed_in_try_and_in_handler() {
  auto v = fetch();
  int x = 0;
  try {
    x = co_await v;
    may_throw();
  } catch (...) {
    auto task = v.as_task();
// CHECK-NOTES: :[[@LINE-1]]:19: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-5]]:9: note: first consumed here
  }
  co_return x;
}

vt::ValueTask<int> consumed_in_try_and_read_in_handler() {
  auto v = fetch();
  int x = 0;
  try {
    x = co_await v;
  } catch (...) {
    x = v.result();
// CHECK-NOTES: :[[@LINE-1]]:11: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-4]]:9: note: first consumed here
  }
  co_return x;
}

vt::ValueTask<int> flag_set_in_handler_leads_to_second_await() {
  auto v = fetch();
  int x = 0;
  bool failed = false;
  try {
    x = co_await v;
  } catch (...) {
    failed = true;
  }
  if (failed)
    x = co_await v;
// CHECK-NOTES: :[[@LINE-1]]:9: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-7]]:9: note: first consumed here
  co_return x;
}

vt::ValueTask<int> consumed_in_try_and_after_leaving_handler() {
  auto v = fetch();
  int x = 0;
  try {
    may_throw();
    x = co_await v;
  } catch (...) {
    x = -1;
  }
  x += co_await v;
// CHECK-NOTES: :[[@LINE-1]]:8: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-6]]:9: note: first consumed here
  co_return x;
}

vt::ValueTask<int> moved_to_variable_then_original_awaited() {
  auto v = fetch();
  auto w = std::move(v);
  int x = co_await w;
  x += co_await v;
// CHECK-NOTES: :[[@LINE-1]]:8: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-4]]:12: note: first consumed here
  co_return x;
}

vt::ValueTask<int> move_assigned_then_original_awaited() {
  auto v = fetch();
  vt::ValueTask<int> w;
  w = std::move(v);
  int x = co_await w;
  x += co_await v;
// CHECK-NOTES: :[[@LINE-1]]:8: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-4]]:7: note: first consumed here
  co_return x;
}

void moved_to_by_value_parameter_twice() {
  auto v = fetch();
  take(std::move(v));
  take(std::move(v));
// CHECK-NOTES: :[[@LINE-1]]:8: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:8: note: first consumed here
}

void moved_to_rvalue_reference_parameter_then_read() {
  auto v = fetch();
  take_rvalue(std::move(v));
  int x = v.result();
// CHECK-NOTES: :[[@LINE-1]]:13: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:15: note: first consumed here
  (void)x;
}

vt::ValueTask<int> moved_into_a_constructor_then_awaited() {
  auto v = fetch();
  Holder holder(std::move(v));
  co_return co_await v;
// CHECK-NOTES: :[[@LINE-1]]:13: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:17: note: first consumed here
}

void moved_into_a_container_then_read(std::vector<vt::ValueTask<int>> &tasks) {
  auto v = fetch();
  tasks.push_back(std::move(v));
  (void)v.result();
// CHECK-NOTES: :[[@LINE-1]]:11: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:19: note: first consumed here
}

vt::ValueTask<int> consumed_before_a_throw_and_read_in_handler() {
  auto v = fetch();
  int x = 0;
  try {
    x = co_await v;
    if (x < 0)
      throw std::runtime_error("negative");
  } catch (const std::runtime_error &) {
    x = v.result();
// CHECK-NOTES: :[[@LINE-1]]:11: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-6]]:9: note: first consumed here
  }
  co_return x;
}

vt::ValueTask<int> result_under_check_then_unconditional_await() {
  auto v = fetch();
  int x = 0;
  if (v.is_completed())
    x = v.result();
  x += co_await v;
// CHECK-NOTES: :[[@LINE-1]]:8: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:11: note: first consumed here
  co_return x;
}

vt::ValueTask<int> as_task_then_await() {
  auto v = fetch();
  auto task = v.as_task();
  int x = co_await task;
  x += co_await v;
// CHECK-NOTES: :[[@LINE-1]]:8: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-4]]:17: note: first consumed here
  co_return x;
}

vt::ValueTask<int> await_then_as_task() {
  auto v = fetch();
  int x = co_await v;
  auto task = v.as_task();
// CHECK-NOTES: :[[@LINE-1]]:17: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:11: note: first consumed here
  co_return x + co_await task;
}

vt::ValueTask<int> read_then_returned() {
  auto v = fetch();
  if (!v.is_completed())
    return fetch();
  int x = v.result();
  (void)x;
  return v;
// CHECK-NOTES: :[[@LINE-1]]:3: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-4]]:13: note: first consumed here
}

vt::ValueTask<int> switch_fallthrough(int k) {
  auto v = fetch();
  int x = 0;
  switch (k) {
  case 1:
    x = co_await v;
    [[fallthrough]];
  case 2:
    x += co_await v;
// CHECK-NOTES: :[[@LINE-1]]:10: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-5]]:9: note: first consumed here
    break;
  default:
    break;
  }
  co_return x;
}

vt::ValueTask<int> goto_back_to_the_await() {
  auto v = fetch();
  int x = 0;
again:
  x += co_await v;
// CHECK-NOTES: :[[@LINE-1]]:8: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-2]]:8: note: first consumed here
  if (cond())
    goto again;
  co_return x;
}

vt::ValueTask<int> ternary_then_await() {
  auto v = fetch();
  int x = cond() ? co_await v : 0;
  x += co_await v;
// CHECK-NOTES: :[[@LINE-1]]:8: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:20: note: first consumed here
  co_return x;
}

vt::ValueTask<int> by_value_parameter(vt::ValueTask<int> p) {
  int x = co_await p;
  x += co_await p;
// CHECK-NOTES: :[[@LINE-1]]:8: warning: value task 'p' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:11: note: first consumed here
  co_return x;
}

vt::ValueTask<int> twice_in_one_expression() {
  auto v = fetch();
  co_return (co_await v) + (co_await v);
// CHECK-NOTES: :[[@LINE-1]]:29: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-2]]:14: note: first consumed here
}

#define AWAIT(task) co_await task

vt::ValueTask<int> awaited_twice_through_a_macro() {
  auto v = fetch();
  int x = AWAIT(v);
  x += AWAIT(v);
// CHECK-NOTES: :[[@LINE-1]]:8: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-7]]:21: note: expanded from macro 'AWAIT'
// CHECK-NOTES: :[[@LINE-4]]:11: note: first consumed here
// CHECK-NOTES: :[[@LINE-9]]:21: note: expanded from macro 'AWAIT'
  co_return x;
}

void coroutine_lambda() {
  auto lambda = [](vt::ValueTask<int> p) -> vt::ValueTask<int> {
    int x = co_await p;
    x += co_await p;
// CHECK-NOTES: :[[@LINE-1]]:10: warning: value task 'p' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:13: note: first consumed here
    co_return x;
  };
  (void)lambda;
}

template <typename T>
vt::ValueTask<int> template_instantiated_twice(T extra) {
  auto v = fetch();
  int x = co_await v;
  x += co_await v;
// CHECK-NOTES: :[[@LINE-1]]:8: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:11: note: first consumed here
  co_return x + static_cast<int>(extra);
}
template vt::ValueTask<int> template_instantiated_twice<int>(int);
template vt::ValueTask<int> template_instantiated_twice<long>(long);

template <typename T>
vt::ValueTask<T> dependent_value_task_awaited_twice(vt::ValueTask<T> p) {
  T x = co_await p;
  x += co_await p;
// CHECK-NOTES: :[[@LINE-1]]:8: warning: value task 'p' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:9: note: first consumed here
  co_return x;
}
template vt::ValueTask<int> dependent_value_task_awaited_twice<int>(vt::ValueTask<int>);

template <typename T> vt::ValueTask<T> make(T value);

template <typename T>
vt::ValueTask<T> dependent_call_result_awaited_twice(T value) {
  auto v = make(value);
  T x = co_await v;
  x += co_await v;
// CHECK-NOTES: :[[@LINE-1]]:8: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:9: note: first consumed here
  co_return x;
}

template <typename T>
void dependent_value_task_moved_twice(vt::ValueTask<T> p) {
  vt::ValueTask<T> first = std::move(p);
  take(std::move(first));
  p.result();
// CHECK-NOTES: :[[@LINE-1]]:5: warning: value task 'p' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-4]]:28: note: first consumed here
}

template <typename T>
T dependent_value_task_read_after_as_task(vt::ValueTask<T> p) {
  auto task = p.as_task();
  return p.result();
// CHECK-NOTES: :[[@LINE-1]]:12: warning: value task 'p' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:17: note: first consumed here
}

// ---- Negative cases -------------------------------------------------------

vt::ValueTask<int> exclusive_if_else() {
  auto v = fetch();
  int x = 0;
  if (cond())
    x = co_await v;
  else
    x = v.result();
  co_return x;
}

vt::ValueTask<int> exclusive_switch(int k) {
  auto v = fetch();
  int x = 0;
  switch (k) {
  case 1:
    x = co_await v;
    break;
  case 2:
    x = v.result();
    break;
  default: {
    auto task = v.as_task();
    x = co_await task;
  }
  }
  co_return x;
}

vt::ValueTask<int> fast_path() {
  auto v = fetch();
  int x;
  if (v.is_completed())
    x = v.result();
  else
    x = co_await v;
  co_return x;
}

vt::ValueTask<int> fast_path_inverted() {
  auto v = fetch();
  int x;
  if (!v.is_completed())
    x = co_await v;
  else
    x = v.result();
  co_return x;
}

vt::ValueTask<int> fast_path_without_else() {
  auto v = fetch();
  if (v.is_completed())
    co_return v.result();
  co_return co_await v;
}

vt::ValueTask<int> fast_path_inverted_without_else() {
  auto v = fetch();
  if (!v.is_completed())
    co_return co_await v;
  co_return v.result();
}

vt::ValueTask<int> fast_path_ternary() {
  auto v = fetch();
  co_return v.is_completed() ? v.result() : co_await v;
}

vt::ValueTask<int> fresh_value_per_loop_iteration() {
  int x = 0;
  while (cond()) {
    auto v = fetch();
    x += co_await v;
  }
  for (int i = 0; i < 3; ++i) {
    auto v = fetch();
    if (v.is_completed())
      x += v.result();
    else
      x += co_await v;
  }
  co_return x;
}

vt::ValueTask<int> reassignment_between_consumptions() {
  auto v = fetch();
  int x = co_await v;
  v = fetch();
  x += co_await v;
  v = vt::ValueTask<int>(3);
  x += v.result();
  co_return x;
}

vt::ValueTask<int> reassignment_in_loop() {
  auto v = fetch();
  int x = 0;
  for (int i = 0; i < 3; ++i) {
    x += co_await v;
    v = fetch();
  }
  co_return x;
}

vt::ValueTask<int> as_task_then_task_awaited_many_times() {
  auto v = fetch();
  auto task = v.as_task();
  int x = co_await task;
  x += co_await task;
  x += co_await task;
  co_return x;
}

vt::ValueTask<int> consumed_once_in_loop_then_leave() {
  auto v = fetch();
  int x = 0;
  while (cond()) {
    x = co_await v;
    break;
  }
  co_return x;
}

vt::ValueTask<int> consumed_in_handler_only() {
  auto v = fetch();
  int x = 0;
  try {
    may_throw();
  } catch (...) {
    x = v.result();
    co_return x;
  }
  co_return co_await v;
}

vt::ValueTask<int> queries_do_not_consume() {
  auto v = fetch();
  look(v);
  if (v.is_completed() || v.is_faulted() || v.is_canceled())
    co_return v.result();
  co_return co_await v;
}

vt::ValueTask<int> unevaluated_operands() {
  auto v = fetch();
  using Result = decltype(v.result());
  constexpr auto Size = sizeof(v.result());
  Result x = co_await v;
  co_return x + static_cast<int>(Size);
}

vt::ValueTask<int> moved_then_reassigned() {
  auto v = fetch();
  auto w = std::move(v);
  v = fetch();
  int x = co_await v;
  co_return x + co_await w;
}

vt::ValueTask<int> different_variables() {
  auto a = fetch();
  auto b = fetch();
  co_return co_await a + co_await b;
}

vt::ValueTask<int> consumed_by_lambda_capture() {
  auto v = fetch();
  auto lambda = [w = std::move(v)]() mutable -> vt::ValueTask<int> {
    co_return co_await w;
  };
  co_return co_await lambda();
}

template <typename T>
vt::ValueTask<T> dependent_fast_path(vt::ValueTask<T> p) {
  if (p.is_completed())
    co_return p.result();
  co_return co_await p;
}
template vt::ValueTask<int> dependent_fast_path<int>(vt::ValueTask<int>);

template <typename T>
vt::ValueTask<T> dependent_reassignment(vt::ValueTask<T> p, vt::ValueTask<T> q) {
  T x = co_await p;
  p = std::move(q);
  x += co_await p;
  co_return x;
}

vt::Task<int> plain_task_awaited_twice() {
  auto task = fetch().as_task();
  int x = co_await task;
  x += co_await task;
  co_return x;
}

// ---- Issue 16: templates, references, flags, counted loops ------------------

template <typename T> vt::ValueTask<T> fetch_as();

template <typename T> vt::Task<> dependent_local_in_task_template() {
  vt::ValueTask<T> v = fetch_as<T>();
  co_await v;
  co_await v;
// CHECK-NOTES: :[[@LINE-1]]:3: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:3: note: first consumed here
  vt::ValueTask<int> w = fetch();
  co_await w;
  co_await w;
// CHECK-NOTES: :[[@LINE-1]]:3: warning: value task 'w' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:3: note: first consumed here
}

template <typename T> vt::Task<> dependent_local_awaited_once() {
  vt::ValueTask<T> v = fetch_as<T>();
  co_await v;
}

template <typename T> struct Sink {
  explicit Sink(vt::ValueTask<T> &&task);
};
template <typename T> void sink_as(vt::ValueTask<T> &&task);

template <typename T> vt::Task<> moved_into_dependent_then_awaited() {
  vt::ValueTask<T> v = fetch_as<T>();
  Sink<T> kept(std::move(v));
  co_await v;
// CHECK-NOTES: :[[@LINE-1]]:3: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:16: note: first consumed here
  vt::ValueTask<T> w = fetch_as<T>();
  sink_as<T>(std::move(w));
  co_await w;
// CHECK-NOTES: :[[@LINE-1]]:3: warning: value task 'w' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:14: note: first consumed here
}

vt::Task<> local_reference_awaited_after_the_variable() {
  vt::ValueTask<int> v = fetch();
  auto &alias = v;
  co_await alias;
  co_await v;
// CHECK-NOTES: :[[@LINE-1]]:3: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:3: note: first consumed here
}

vt::Task<> local_reference_awaited_once() {
  vt::ValueTask<int> v = fetch();
  auto &alias = v;
  co_await alias;
}

vt::Task<> reference_parameter_awaited_twice(vt::ValueTask<int> &task) {
  co_await task;
  co_await task;
// CHECK-NOTES: :[[@LINE-1]]:3: warning: value task 'task' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:3: note: first consumed here
}

vt::Task<> captured_by_reference_awaited_twice() {
  vt::ValueTask<int> v = fetch();
  auto twice = [&]() -> vt::Task<> {
    co_await v;
    co_await v;
// CHECK-NOTES: :[[@LINE-1]]:5: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:5: note: first consumed here
  };
  co_await twice();
}

vt::Task<int> flag_set_in_handler() {
  vt::ValueTask<int> v = fetch();
  vt::Task<int> t;
  bool converted = false;
  try {
    may_throw();
  } catch (...) {
    t = v.as_task();
    converted = true;
  }
  if (converted)
    co_return co_await t;
  co_return co_await v;
}

vt::Task<int> flag_set_in_handler_tested_the_wrong_way() {
  vt::ValueTask<int> v = fetch();
  vt::Task<int> t;
  bool converted = false;
  try {
    may_throw();
  } catch (...) {
    t = v.as_task();
    converted = true;
  }
  if (!converted)
    co_return co_await t;
  co_return co_await v;
// CHECK-NOTES: :[[@LINE-1]]:13: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-7]]:11: note: first consumed here
}

vt::Task<int> loop_that_runs_once() {
  vt::ValueTask<int> v = fetch();
  int a = 0;
  for (int i = 0; i < 1; ++i)
    a = co_await v;
  co_return a;
}

vt::Task<int> loop_that_runs_twice() {
  vt::ValueTask<int> v = fetch();
  int a = 0;
  for (int i = 0; i < 2; ++i)
    a += co_await v;
// CHECK-NOTES: :[[@LINE-1]]:10: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-2]]:10: note: first consumed here
  co_return a;
}

vt::Task<int> loop_with_a_constant_bound() {
  constexpr int Attempts = 3;
  vt::ValueTask<int> v = fetch();
  int a = 0;
  for (int i = Attempts; i > 0; --i)
    a += co_await v;
// CHECK-NOTES: :[[@LINE-1]]:10: warning: value task 'v' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-2]]:10: note: first consumed here
  co_return a;
}
