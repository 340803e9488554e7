// RUN: %check_clang_tidy %s valuetask-double-await,valuetask-unawaited,valuetask-result-before-completion,valuetask-stored %t
// REQUIRES: checks

// A port of CA2012's own tests (dotnet/roslyn-analyzers,
// UseValueTaskCorrectlyTests.cs) to vt: value tasks nobody consumes.
// Test methods: Diagnostics_DontConsume(_VB), NoDiagnostics_StoreLocalUnused,
// NoDiagnostics_StoreLocalUnused_Guarded, Diagnostics_Discards.
// `_ = M();` becomes `std::ignore = M();`.

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

// vt has no ConfigureAwait: the last three statements, `M().ConfigureAwait(b);`,
// are the bare calls again.
// CA2012: diagnostic at each of the 6 calls; vt: same
void CA2012_Diagnostics_DontConsume_case1() {
  helpers::returns_value_task();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: value task returned by 'returns_value_task' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
  helpers::returns_value_task_of_t<std::string>();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: value task returned by 'returns_value_task_of_t' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
  helpers::returns_value_task_of_int();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: value task returned by 'returns_value_task_of_int' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]

  helpers::returns_value_task();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: value task returned by 'returns_value_task' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
  helpers::returns_value_task_of_t<std::string>();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: value task returned by 'returns_value_task_of_t' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
  helpers::returns_value_task_of_int();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: value task returned by 'returns_value_task_of_int' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
}

// CA2012: diagnostic at each of the 6 calls (the Visual Basic variant); vt: same
void CA2012_Diagnostics_DontConsume_VB_case1() {
  helpers::returns_value_task();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: value task returned by 'returns_value_task' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
  helpers::returns_value_task_of_t<std::string>();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: value task returned by 'returns_value_task_of_t' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
  helpers::returns_value_task_of_int();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: value task returned by 'returns_value_task_of_int' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
  helpers::returns_value_task();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: value task returned by 'returns_value_task' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
  helpers::returns_value_task_of_t<std::string>();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: value task returned by 'returns_value_task_of_t' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
  helpers::returns_value_task_of_int();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: value task returned by 'returns_value_task_of_int' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
}

// CA2012's test marks this as a false negative ("Ideally the analyzer would
// catch this case"): three value tasks are dropped unconsumed.
// CA2012: no diagnostic (a false negative, says the test); vt: differs: a warning for each local; CA2012 itself says it should warn
void CA2012_NoDiagnostics_StoreLocalUnused_case1() {
  vt::ValueTask<> vt0 = helpers::returns_value_task();
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: value task 'vt0' is not consumed on every path; a dropped value task loses its result and its errors: co_await it, or call result() or as_task() on it [valuetask-unawaited]
  vt::ValueTask<std::string> vt1 = helpers::returns_value_task_of_t<std::string>();
// CHECK-MESSAGES: :[[@LINE-1]]:30: warning: value task 'vt1' is not consumed on every path; a dropped value task loses its result and its errors: co_await it, or call result() or as_task() on it [valuetask-unawaited]
  vt::ValueTask<int> vt2 = helpers::returns_value_task_of_int();
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: value task 'vt2' is not consumed on every path; a dropped value task loses its result and its errors: co_await it, or call result() or as_task() on it [valuetask-unawaited]
}

// As above, after a guard clause; again a false negative by CA2012's own note.
// CA2012: no diagnostic (a false negative, says the test); vt: differs: a warning for each local; CA2012 itself says it should warn
void CA2012_NoDiagnostics_StoreLocalUnused_Guarded_case1(bool guard) {
  if (guard)
    throw std::runtime_error("guard");
  vt::ValueTask<> vt0 = helpers::returns_value_task();
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: value task 'vt0' is not consumed on every path; a dropped value task loses its result and its errors: co_await it, or call result() or as_task() on it [valuetask-unawaited]
  vt::ValueTask<std::string> vt1 = helpers::returns_value_task_of_t<std::string>();
// CHECK-MESSAGES: :[[@LINE-1]]:30: warning: value task 'vt1' is not consumed on every path; a dropped value task loses its result and its errors: co_await it, or call result() or as_task() on it [valuetask-unawaited]
  vt::ValueTask<int> vt2 = helpers::returns_value_task_of_int();
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: value task 'vt2' is not consumed on every path; a dropped value task loses its result and its errors: co_await it, or call result() or as_task() on it [valuetask-unawaited]
}

// CA2012: diagnostic at each of the 3 discarded calls; vt: same (AllowExplicitDiscard is off by default)
void CA2012_Diagnostics_Discards_case1() {
  std::ignore = helpers::returns_value_task();
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: value task returned by 'returns_value_task' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
  std::ignore = helpers::returns_value_task_of_t<std::string>();
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: value task returned by 'returns_value_task_of_t' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
  std::ignore = helpers::returns_value_task_of_int();
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: value task returned by 'returns_value_task_of_int' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
}
