// RUN: %check_clang_tidy %s valuetask-double-await,valuetask-unawaited,valuetask-result-before-completion,valuetask-stored %t
// REQUIRES: checks

// A port of CA2012's own tests (dotnet/roslyn-analyzers,
// UseValueTaskCorrectlyTests.cs) to vt: result() read after an assert that
// the value task is complete (is_completed(), is_completed_successfully(),
// is_faulted() or is_canceled(): each one means complete).
// Test methods: NoDiagnostics_AssertsBeforeDirectAccess (x4),
// _AssertsBeforeDirectAccessToAssignedLocal (x4),
// _AssertsEarlierInFlowBeforeDirectAccess (x4).
// `Debug.Assert` is `assert` (the tests build without NDEBUG);
// `GetAwaiter().GetResult()` and `.Result` are both `result()`.

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

// CA2012: no diagnostic; vt: same
void CA2012_NoDiagnostics_AssertsBeforeDirectAccess_IsCompleted_case1() {
  vt::ValueTask<> vt = helpers::returns_value_task();
  assert(vt.is_completed());
  vt.result();
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsBeforeDirectAccess_IsCompleted_case2() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_completed());
  vt.result();
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsBeforeDirectAccess_IsCompleted_case3() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_completed());
  T result = vt.result();
}

// CA2012: no diagnostic; vt: same
void CA2012_NoDiagnostics_AssertsBeforeDirectAccess_IsCompletedSuccessfully_case1() {
  vt::ValueTask<> vt = helpers::returns_value_task();
  assert(vt.is_completed_successfully());
  vt.result();
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsBeforeDirectAccess_IsCompletedSuccessfully_case2() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_completed_successfully());
  vt.result();
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsBeforeDirectAccess_IsCompletedSuccessfully_case3() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_completed_successfully());
  T result = vt.result();
}

// CA2012: no diagnostic; vt: same
void CA2012_NoDiagnostics_AssertsBeforeDirectAccess_IsFaulted_case1() {
  vt::ValueTask<> vt = helpers::returns_value_task();
  assert(vt.is_faulted());
  vt.result();
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsBeforeDirectAccess_IsFaulted_case2() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_faulted());
  vt.result();
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsBeforeDirectAccess_IsFaulted_case3() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_faulted());
  T result = vt.result();
}

// CA2012: no diagnostic; vt: same
void CA2012_NoDiagnostics_AssertsBeforeDirectAccess_IsCanceled_case1() {
  vt::ValueTask<> vt = helpers::returns_value_task();
  assert(vt.is_canceled());
  vt.result();
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsBeforeDirectAccess_IsCanceled_case2() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_canceled());
  vt.result();
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsBeforeDirectAccess_IsCanceled_case3() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_canceled());
  T result = vt.result();
}

// `ValueTask vt = default;` is a default-constructed vt::ValueTask: a ready
// value, which may be overwritten without being consumed.
// CA2012: no diagnostic; vt: same
void CA2012_NoDiagnostics_AssertsBeforeDirectAccessToAssignedLocal_IsCompleted_case1() {
  vt::ValueTask<> vt{};
  write_line();
  vt = helpers::returns_value_task();
  assert(vt.is_completed());
  vt.result();
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsBeforeDirectAccessToAssignedLocal_IsCompleted_case2() {
  vt::ValueTask<T> vt{};
  write_line();
  vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_completed());
  vt.result();
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsBeforeDirectAccessToAssignedLocal_IsCompleted_case3() {
  vt::ValueTask<T> vt{};
  write_line();
  vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_completed());
  T result = vt.result();
}

// `ValueTask vt = default;` is a default-constructed vt::ValueTask: a ready
// value, which may be overwritten without being consumed.
// CA2012: no diagnostic; vt: same
void CA2012_NoDiagnostics_AssertsBeforeDirectAccessToAssignedLocal_IsCompletedSuccessfully_case1() {
  vt::ValueTask<> vt{};
  write_line();
  vt = helpers::returns_value_task();
  assert(vt.is_completed_successfully());
  vt.result();
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsBeforeDirectAccessToAssignedLocal_IsCompletedSuccessfully_case2() {
  vt::ValueTask<T> vt{};
  write_line();
  vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_completed_successfully());
  vt.result();
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsBeforeDirectAccessToAssignedLocal_IsCompletedSuccessfully_case3() {
  vt::ValueTask<T> vt{};
  write_line();
  vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_completed_successfully());
  T result = vt.result();
}

// `ValueTask vt = default;` is a default-constructed vt::ValueTask: a ready
// value, which may be overwritten without being consumed.
// CA2012: no diagnostic; vt: same
void CA2012_NoDiagnostics_AssertsBeforeDirectAccessToAssignedLocal_IsFaulted_case1() {
  vt::ValueTask<> vt{};
  write_line();
  vt = helpers::returns_value_task();
  assert(vt.is_faulted());
  vt.result();
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsBeforeDirectAccessToAssignedLocal_IsFaulted_case2() {
  vt::ValueTask<T> vt{};
  write_line();
  vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_faulted());
  vt.result();
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsBeforeDirectAccessToAssignedLocal_IsFaulted_case3() {
  vt::ValueTask<T> vt{};
  write_line();
  vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_faulted());
  T result = vt.result();
}

// `ValueTask vt = default;` is a default-constructed vt::ValueTask: a ready
// value, which may be overwritten without being consumed.
// CA2012: no diagnostic; vt: same
void CA2012_NoDiagnostics_AssertsBeforeDirectAccessToAssignedLocal_IsCanceled_case1() {
  vt::ValueTask<> vt{};
  write_line();
  vt = helpers::returns_value_task();
  assert(vt.is_canceled());
  vt.result();
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsBeforeDirectAccessToAssignedLocal_IsCanceled_case2() {
  vt::ValueTask<T> vt{};
  write_line();
  vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_canceled());
  vt.result();
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsBeforeDirectAccessToAssignedLocal_IsCanceled_case3() {
  vt::ValueTask<T> vt{};
  write_line();
  vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_canceled());
  T result = vt.result();
}

// CA2012: no diagnostic; vt: same
void CA2012_NoDiagnostics_AssertsEarlierInFlowBeforeDirectAccess_IsCompleted_case1() {
  vt::ValueTask<> vt = helpers::returns_value_task();
  assert(vt.is_completed());
  if (now_after_now()) {
    vt.result();
  } else {
    vt.result();
  }
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsEarlierInFlowBeforeDirectAccess_IsCompleted_case2() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_completed());
  if (now_after_now()) {
    vt.result();
  } else {
    vt.result();
  }
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsEarlierInFlowBeforeDirectAccess_IsCompleted_case3() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_completed());
  if (now_after_now()) {
    T result = vt.result();
  } else {
    T result = vt.result();
  }
}

// CA2012: no diagnostic; vt: same
void CA2012_NoDiagnostics_AssertsEarlierInFlowBeforeDirectAccess_IsCompletedSuccessfully_case1() {
  vt::ValueTask<> vt = helpers::returns_value_task();
  assert(vt.is_completed_successfully());
  if (now_after_now()) {
    vt.result();
  } else {
    vt.result();
  }
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsEarlierInFlowBeforeDirectAccess_IsCompletedSuccessfully_case2() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_completed_successfully());
  if (now_after_now()) {
    vt.result();
  } else {
    vt.result();
  }
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsEarlierInFlowBeforeDirectAccess_IsCompletedSuccessfully_case3() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_completed_successfully());
  if (now_after_now()) {
    T result = vt.result();
  } else {
    T result = vt.result();
  }
}

// CA2012: no diagnostic; vt: same
void CA2012_NoDiagnostics_AssertsEarlierInFlowBeforeDirectAccess_IsFaulted_case1() {
  vt::ValueTask<> vt = helpers::returns_value_task();
  assert(vt.is_faulted());
  if (now_after_now()) {
    vt.result();
  } else {
    vt.result();
  }
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsEarlierInFlowBeforeDirectAccess_IsFaulted_case2() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_faulted());
  if (now_after_now()) {
    vt.result();
  } else {
    vt.result();
  }
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsEarlierInFlowBeforeDirectAccess_IsFaulted_case3() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_faulted());
  if (now_after_now()) {
    T result = vt.result();
  } else {
    T result = vt.result();
  }
}

// CA2012: no diagnostic; vt: same
void CA2012_NoDiagnostics_AssertsEarlierInFlowBeforeDirectAccess_IsCanceled_case1() {
  vt::ValueTask<> vt = helpers::returns_value_task();
  assert(vt.is_canceled());
  if (now_after_now()) {
    vt.result();
  } else {
    vt.result();
  }
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsEarlierInFlowBeforeDirectAccess_IsCanceled_case2() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_canceled());
  if (now_after_now()) {
    vt.result();
  } else {
    vt.result();
  }
}

// CA2012: no diagnostic; vt: same
template <typename T>
void CA2012_NoDiagnostics_AssertsEarlierInFlowBeforeDirectAccess_IsCanceled_case3() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  assert(vt.is_canceled());
  if (now_after_now()) {
    T result = vt.result();
  } else {
    T result = vt.result();
  }
}
