// RUN: %check_clang_tidy %s valuetask-double-await,valuetask-unawaited,valuetask-result-before-completion,valuetask-stored %t
// REQUIRES: checks

// A port of CA2012's own tests (dotnet/roslyn-analyzers,
// UseValueTaskCorrectlyTests.cs) to vt: result() read before anything shows
// the value task complete.
// Test methods: Diagnostics_DirectResultAccess, _UnguardedLocalResultAccess,
// _AssertsAfterDirectLocalAccess (x4), _AssertsLaterInFlowAfterDirectLocalAccess (x4).
// `Debug.Assert` is `assert`; `GetAwaiter().GetResult()` and `.Result` are
// both `result()`.

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

// CA2012: diagnostic at each of the 5 result reads; vt: same
void CA2012_Diagnostics_DirectResultAccess_case1() {
  helpers::returns_value_task().result();
// CHECK-MESSAGES: :[[@LINE-1]]:33: warning: result() is called on a value task fresh from a call, which may not be complete; keep it in a variable and check is_completed() first, or co_await it [valuetask-result-before-completion]
  helpers::returns_value_task_of_t<std::string>().result();
// CHECK-MESSAGES: :[[@LINE-1]]:51: warning: result() is called on a value task fresh from a call, which may not be complete; keep it in a variable and check is_completed() first, or co_await it [valuetask-result-before-completion]
  helpers::returns_value_task_of_int().result();
// CHECK-MESSAGES: :[[@LINE-1]]:40: warning: result() is called on a value task fresh from a call, which may not be complete; keep it in a variable and check is_completed() first, or co_await it [valuetask-result-before-completion]

  std::ignore = helpers::returns_value_task_of_t<std::string>().result();
// CHECK-MESSAGES: :[[@LINE-1]]:65: warning: result() is called on a value task fresh from a call, which may not be complete; keep it in a variable and check is_completed() first, or co_await it [valuetask-result-before-completion]
  std::ignore = helpers::returns_value_task_of_int().result();
// CHECK-MESSAGES: :[[@LINE-1]]:54: warning: result() is called on a value task fresh from a call, which may not be complete; keep it in a variable and check is_completed() first, or co_await it [valuetask-result-before-completion]
}

// CA2012: diagnostic at each of the 4 locals' creation; vt: same (reported at the result() calls)
void CA2012_Diagnostics_UnguardedLocalResultAccess_case1() {
  vt::ValueTask<> vt0 = helpers::returns_value_task();
  vt0.result();
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: result() is called on value task 'vt0' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]

  vt::ValueTask<std::string> vt1 = helpers::returns_value_task_of_t<std::string>();
  vt1.result();
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: result() is called on value task 'vt1' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]

  vt::ValueTask<int> vt2 = helpers::returns_value_task_of_int();
  vt2.result();
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: result() is called on value task 'vt2' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]

  vt::ValueTask<std::string> vt3 = helpers::returns_value_task_of_t<std::string>();
  std::ignore = vt3.result();
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: result() is called on value task 'vt3' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (reported at result(); the assert comes too late)
void CA2012_Diagnostics_AssertsAfterDirectLocalAccess_IsCompleted_case1() {
  vt::ValueTask<> vt = helpers::returns_value_task();
  vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  assert(vt.is_completed());
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (reported at result(); the assert comes too late)
template <typename T>
void CA2012_Diagnostics_AssertsAfterDirectLocalAccess_IsCompleted_case2() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  assert(vt.is_completed());
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (reported at result(); the assert comes too late)
template <typename T>
void CA2012_Diagnostics_AssertsAfterDirectLocalAccess_IsCompleted_case3() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  T result = vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  assert(vt.is_completed());
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (reported at result(); the assert comes too late)
void CA2012_Diagnostics_AssertsAfterDirectLocalAccess_IsCompletedSuccessfully_case1() {
  vt::ValueTask<> vt = helpers::returns_value_task();
  vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  assert(vt.is_completed_successfully());
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (reported at result(); the assert comes too late)
template <typename T>
void CA2012_Diagnostics_AssertsAfterDirectLocalAccess_IsCompletedSuccessfully_case2() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  assert(vt.is_completed_successfully());
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (reported at result(); the assert comes too late)
template <typename T>
void CA2012_Diagnostics_AssertsAfterDirectLocalAccess_IsCompletedSuccessfully_case3() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  T result = vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  assert(vt.is_completed_successfully());
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (reported at result(); the assert comes too late)
void CA2012_Diagnostics_AssertsAfterDirectLocalAccess_IsFaulted_case1() {
  vt::ValueTask<> vt = helpers::returns_value_task();
  vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  assert(vt.is_faulted());
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (reported at result(); the assert comes too late)
template <typename T>
void CA2012_Diagnostics_AssertsAfterDirectLocalAccess_IsFaulted_case2() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  assert(vt.is_faulted());
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (reported at result(); the assert comes too late)
template <typename T>
void CA2012_Diagnostics_AssertsAfterDirectLocalAccess_IsFaulted_case3() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  T result = vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  assert(vt.is_faulted());
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (reported at result(); the assert comes too late)
void CA2012_Diagnostics_AssertsAfterDirectLocalAccess_IsCanceled_case1() {
  vt::ValueTask<> vt = helpers::returns_value_task();
  vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  assert(vt.is_canceled());
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (reported at result(); the assert comes too late)
template <typename T>
void CA2012_Diagnostics_AssertsAfterDirectLocalAccess_IsCanceled_case2() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  assert(vt.is_canceled());
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (reported at result(); the assert comes too late)
template <typename T>
void CA2012_Diagnostics_AssertsAfterDirectLocalAccess_IsCanceled_case3() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  T result = vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  assert(vt.is_canceled());
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (a warning at the result() in each branch)
void CA2012_Diagnostics_AssertsLaterInFlowAfterDirectLocalAccess_IsCompleted_case1() {
  vt::ValueTask<> vt = helpers::returns_value_task();
  if (now_after_now()) {
    vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  } else {
    vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  }
  assert(vt.is_completed());
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (a warning at the result() in each branch)
template <typename T>
void CA2012_Diagnostics_AssertsLaterInFlowAfterDirectLocalAccess_IsCompleted_case2() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  if (now_after_now()) {
    vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  } else {
    vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  }
  assert(vt.is_completed());
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (a warning at the result() in each branch)
template <typename T>
void CA2012_Diagnostics_AssertsLaterInFlowAfterDirectLocalAccess_IsCompleted_case3() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  if (now_after_now()) {
    T result = vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  } else {
    T result = vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  }
  assert(vt.is_completed());
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (a warning at the result() in each branch)
void CA2012_Diagnostics_AssertsLaterInFlowAfterDirectLocalAccess_IsCompletedSuccessfully_case1() {
  vt::ValueTask<> vt = helpers::returns_value_task();
  if (now_after_now()) {
    vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  } else {
    vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  }
  assert(vt.is_completed_successfully());
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (a warning at the result() in each branch)
template <typename T>
void CA2012_Diagnostics_AssertsLaterInFlowAfterDirectLocalAccess_IsCompletedSuccessfully_case2() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  if (now_after_now()) {
    vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  } else {
    vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  }
  assert(vt.is_completed_successfully());
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (a warning at the result() in each branch)
template <typename T>
void CA2012_Diagnostics_AssertsLaterInFlowAfterDirectLocalAccess_IsCompletedSuccessfully_case3() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  if (now_after_now()) {
    T result = vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  } else {
    T result = vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  }
  assert(vt.is_completed_successfully());
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (a warning at the result() in each branch)
void CA2012_Diagnostics_AssertsLaterInFlowAfterDirectLocalAccess_IsFaulted_case1() {
  vt::ValueTask<> vt = helpers::returns_value_task();
  if (now_after_now()) {
    vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  } else {
    vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  }
  assert(vt.is_faulted());
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (a warning at the result() in each branch)
template <typename T>
void CA2012_Diagnostics_AssertsLaterInFlowAfterDirectLocalAccess_IsFaulted_case2() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  if (now_after_now()) {
    vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  } else {
    vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  }
  assert(vt.is_faulted());
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (a warning at the result() in each branch)
template <typename T>
void CA2012_Diagnostics_AssertsLaterInFlowAfterDirectLocalAccess_IsFaulted_case3() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  if (now_after_now()) {
    T result = vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  } else {
    T result = vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  }
  assert(vt.is_faulted());
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (a warning at the result() in each branch)
void CA2012_Diagnostics_AssertsLaterInFlowAfterDirectLocalAccess_IsCanceled_case1() {
  vt::ValueTask<> vt = helpers::returns_value_task();
  if (now_after_now()) {
    vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  } else {
    vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  }
  assert(vt.is_canceled());
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (a warning at the result() in each branch)
template <typename T>
void CA2012_Diagnostics_AssertsLaterInFlowAfterDirectLocalAccess_IsCanceled_case2() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  if (now_after_now()) {
    vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  } else {
    vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  }
  assert(vt.is_canceled());
}

// CA2012: diagnostic at the local's creation (once per function); vt: same (a warning at the result() in each branch)
template <typename T>
void CA2012_Diagnostics_AssertsLaterInFlowAfterDirectLocalAccess_IsCanceled_case3() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  if (now_after_now()) {
    T result = vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  } else {
    T result = vt.result();
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: result() is called on value task 'vt' that may not be complete; check is_completed() first or co_await it [valuetask-result-before-completion]
  }
  assert(vt.is_canceled());
}
