// RUN: %check_clang_tidy %s valuetask-double-await,valuetask-unawaited,valuetask-result-before-completion,valuetask-stored %t
// REQUIRES: checks

// A port of CA2012's own tests (dotnet/roslyn-analyzers,
// UseValueTaskCorrectlyTests.cs) to vt: value tasks awaited twice.
// Test methods: Diagnostics_MultipleLocalAwaits,
// Diagnostics_MultipleAwaitsAcrossDifferingConditions.

#include <vt/vt.hpp>

#include <cassert>
#include <exception>
#include <stdexcept>
#include <string>
#include <tuple>

// CA2012's `Helpers` class: every call returns a value task the caller knows
// nothing about (it may be pending, and it may be backed by a pooled source).
namespace helpers {
vt::ValueTask<> returns_value_task();
template <typename T>
vt::ValueTask<T> returns_value_task_of_t();
template <typename T>
vt::ValueTask<T> returns_value_task_of_t(T value);
vt::ValueTask<int> returns_value_task_of_int();

void accepts_value_task(vt::ValueTask<> vt);
template <typename T>
void accepts_value_task_of_t(vt::ValueTask<T> vt);
void accepts_value_task_of_int(vt::ValueTask<int> vt);

template <typename TValue>
void accepts_t_value(TValue t);
} // namespace helpers

bool now_after_now();  // DateTime.Now > DateTime.Now: a condition nobody can predict
void write_line();     // Console.WriteLine(): unrelated work

// CA2012: diagnostic at each of the 3 locals' creation; vt: same (reported at the second co_await)
vt::Task<> CA2012_Diagnostics_MultipleLocalAwaits_case1() {
  vt::ValueTask<> vt1 = helpers::returns_value_task();
  co_await vt1;

  vt::ValueTask<std::string> vt2 = helpers::returns_value_task_of_t<std::string>();
  co_await vt2;

  vt::ValueTask<int> vt3 = helpers::returns_value_task_of_int();
  co_await vt3;

  co_await vt1;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: value task 'vt1' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
  co_await vt2;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: value task 'vt2' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
  co_await vt3;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: value task 'vt3' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
}

// CA2012 expects vt1 and vt3 only. vt2 is awaited in the else branch and
// again under condition2: on the path !condition1 && condition2 it is
// consumed twice, the same pattern as vt1's (an uncommented miss of CA2012).
// vt2 is also never consumed on the path condition1 && !condition2.
// CA2012: diagnostic at vt1 and vt3; vt: differs: vt2 is consumed twice too (!condition1 && condition2), and dropped when condition1 && !condition2
template <typename T>
vt::Task<> CA2012_Diagnostics_MultipleAwaitsAcrossDifferingConditions_case1(bool condition1, bool condition2) {
  vt::ValueTask<> vt1 = helpers::returns_value_task();
  vt::ValueTask<int> vt2 = helpers::returns_value_task_of_int();
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: value task 'vt2' is not consumed on every path; a dropped value task loses its result and its errors: co_await it, or call result() or as_task() on it [valuetask-unawaited]
  vt::ValueTask<T> vt3 = helpers::returns_value_task_of_t<T>();

  if (condition1) {
    co_await vt1;
  } else {
    co_await vt2;
  }

  co_await vt1;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: value task 'vt1' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
  co_await vt3;

  if (condition2) {
    co_await vt2;
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: value task 'vt2' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
    co_await vt3;
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: value task 'vt3' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
  }
}
