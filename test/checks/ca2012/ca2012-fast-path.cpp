// RUN: %check_clang_tidy %s valuetask-double-await,valuetask-unawaited,valuetask-result-before-completion,valuetask-stored %t
// REQUIRES: checks

// A port of CA2012's own tests (dotnet/roslyn-analyzers,
// UseValueTaskCorrectlyTests.cs) to vt: the synchronous fast path, result()
// when a completion check said yes, else as_task() and co_await.
// Test methods: NoDiagnostics_FastPathForSyncCompleted (x4),
// _FastPathForSyncCompletedInverted (x4), _FastPathForSyncCompletedOfInt (x8),
// _FastPathForSyncCompletedOfTInvertedNoElse (x8).
// `using (cancellationToken.Register(() => { })) { ... }` is a
// vt::CancellationRegistration that lives to the end of the block.
// `.Result` and `.GetAwaiter().GetResult()` are both `result()`, so each pair
// of theory rows (Result / GetResult) is the same C++ code.

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
vt::Task<> CA2012_NoDiagnostics_FastPathForSyncCompleted_IsCompleted_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<> vt = helpers::returns_value_task();
  if (vt.is_completed()) {
    vt.result();
  } else {
    auto registration = cancellation_token.register_callback([] {});
    co_await vt.as_task();
  }
}

// CA2012: no diagnostic; vt: same
vt::Task<> CA2012_NoDiagnostics_FastPathForSyncCompleted_IsCompletedSuccessfully_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<> vt = helpers::returns_value_task();
  if (vt.is_completed_successfully()) {
    vt.result();
  } else {
    auto registration = cancellation_token.register_callback([] {});
    co_await vt.as_task();
  }
}

// CA2012: no diagnostic; vt: same
vt::Task<> CA2012_NoDiagnostics_FastPathForSyncCompleted_IsFaulted_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<> vt = helpers::returns_value_task();
  if (vt.is_faulted()) {
    vt.result();
  } else {
    auto registration = cancellation_token.register_callback([] {});
    co_await vt.as_task();
  }
}

// CA2012: no diagnostic; vt: same
vt::Task<> CA2012_NoDiagnostics_FastPathForSyncCompleted_IsCanceled_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<> vt = helpers::returns_value_task();
  if (vt.is_canceled()) {
    vt.result();
  } else {
    auto registration = cancellation_token.register_callback([] {});
    co_await vt.as_task();
  }
}

// CA2012: no diagnostic; vt: same
vt::Task<> CA2012_NoDiagnostics_FastPathForSyncCompletedInverted_IsCompleted_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<> vt = helpers::returns_value_task();
  if (!vt.is_completed()) {
    auto registration = cancellation_token.register_callback([] {});
    co_await vt.as_task();
  } else {
    vt.result();
  }
}

// CA2012: no diagnostic; vt: same
vt::Task<> CA2012_NoDiagnostics_FastPathForSyncCompletedInverted_IsCompletedSuccessfully_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<> vt = helpers::returns_value_task();
  if (!vt.is_completed_successfully()) {
    auto registration = cancellation_token.register_callback([] {});
    co_await vt.as_task();
  } else {
    vt.result();
  }
}

// CA2012: no diagnostic; vt: same
vt::Task<> CA2012_NoDiagnostics_FastPathForSyncCompletedInverted_IsFaulted_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<> vt = helpers::returns_value_task();
  if (!vt.is_faulted()) {
    auto registration = cancellation_token.register_callback([] {});
    co_await vt.as_task();
  } else {
    vt.result();
  }
}

// CA2012: no diagnostic; vt: same
vt::Task<> CA2012_NoDiagnostics_FastPathForSyncCompletedInverted_IsCanceled_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<> vt = helpers::returns_value_task();
  if (!vt.is_canceled()) {
    auto registration = cancellation_token.register_callback([] {});
    co_await vt.as_task();
  } else {
    vt.result();
  }
}

// CA2012: no diagnostic; vt: same
vt::Task<int> CA2012_NoDiagnostics_FastPathForSyncCompletedOfInt_IsCompleted_Result_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<int> vt = helpers::returns_value_task_of_int();
  if (vt.is_completed()) {
    co_return vt.result();
  }

  {
    auto registration = cancellation_token.register_callback([] {});
    co_return co_await vt.as_task();
  }
}

// CA2012: no diagnostic; vt: same
vt::Task<int> CA2012_NoDiagnostics_FastPathForSyncCompletedOfInt_IsCompleted_GetResult_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<int> vt = helpers::returns_value_task_of_int();
  if (vt.is_completed()) {
    co_return vt.result();
  }

  {
    auto registration = cancellation_token.register_callback([] {});
    co_return co_await vt.as_task();
  }
}

// CA2012: no diagnostic; vt: same
vt::Task<int> CA2012_NoDiagnostics_FastPathForSyncCompletedOfInt_IsCompletedSuccessfully_Result_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<int> vt = helpers::returns_value_task_of_int();
  if (vt.is_completed_successfully()) {
    co_return vt.result();
  }

  {
    auto registration = cancellation_token.register_callback([] {});
    co_return co_await vt.as_task();
  }
}

// CA2012: no diagnostic; vt: same
vt::Task<int> CA2012_NoDiagnostics_FastPathForSyncCompletedOfInt_IsCompletedSuccessfully_GetResult_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<int> vt = helpers::returns_value_task_of_int();
  if (vt.is_completed_successfully()) {
    co_return vt.result();
  }

  {
    auto registration = cancellation_token.register_callback([] {});
    co_return co_await vt.as_task();
  }
}

// CA2012: no diagnostic; vt: same
vt::Task<int> CA2012_NoDiagnostics_FastPathForSyncCompletedOfInt_IsFaulted_Result_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<int> vt = helpers::returns_value_task_of_int();
  if (vt.is_faulted()) {
    co_return vt.result();
  }

  {
    auto registration = cancellation_token.register_callback([] {});
    co_return co_await vt.as_task();
  }
}

// CA2012: no diagnostic; vt: same
vt::Task<int> CA2012_NoDiagnostics_FastPathForSyncCompletedOfInt_IsFaulted_GetResult_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<int> vt = helpers::returns_value_task_of_int();
  if (vt.is_faulted()) {
    co_return vt.result();
  }

  {
    auto registration = cancellation_token.register_callback([] {});
    co_return co_await vt.as_task();
  }
}

// CA2012: no diagnostic; vt: same
vt::Task<int> CA2012_NoDiagnostics_FastPathForSyncCompletedOfInt_IsCanceled_Result_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<int> vt = helpers::returns_value_task_of_int();
  if (vt.is_canceled()) {
    co_return vt.result();
  }

  {
    auto registration = cancellation_token.register_callback([] {});
    co_return co_await vt.as_task();
  }
}

// CA2012: no diagnostic; vt: same
vt::Task<int> CA2012_NoDiagnostics_FastPathForSyncCompletedOfInt_IsCanceled_GetResult_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<int> vt = helpers::returns_value_task_of_int();
  if (vt.is_canceled()) {
    co_return vt.result();
  }

  {
    auto registration = cancellation_token.register_callback([] {});
    co_return co_await vt.as_task();
  }
}

// CA2012: no diagnostic; vt: same
template <typename T>
vt::Task<T> CA2012_NoDiagnostics_FastPathForSyncCompletedOfTInvertedNoElse_IsCompleted_Result_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  if (!vt.is_completed()) {
    auto registration = cancellation_token.register_callback([] {});
    co_return co_await vt.as_task();
  }

  co_return vt.result();
}

// CA2012: no diagnostic; vt: same
template <typename T>
vt::Task<T> CA2012_NoDiagnostics_FastPathForSyncCompletedOfTInvertedNoElse_IsCompleted_GetResult_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  if (!vt.is_completed()) {
    auto registration = cancellation_token.register_callback([] {});
    co_return co_await vt.as_task();
  }

  co_return vt.result();
}

// CA2012: no diagnostic; vt: same
template <typename T>
vt::Task<T> CA2012_NoDiagnostics_FastPathForSyncCompletedOfTInvertedNoElse_IsCompletedSuccessfully_Result_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  if (!vt.is_completed_successfully()) {
    auto registration = cancellation_token.register_callback([] {});
    co_return co_await vt.as_task();
  }

  co_return vt.result();
}

// CA2012: no diagnostic; vt: same
template <typename T>
vt::Task<T> CA2012_NoDiagnostics_FastPathForSyncCompletedOfTInvertedNoElse_IsCompletedSuccessfully_GetResult_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  if (!vt.is_completed_successfully()) {
    auto registration = cancellation_token.register_callback([] {});
    co_return co_await vt.as_task();
  }

  co_return vt.result();
}

// CA2012: no diagnostic; vt: same
template <typename T>
vt::Task<T> CA2012_NoDiagnostics_FastPathForSyncCompletedOfTInvertedNoElse_IsFaulted_Result_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  if (!vt.is_faulted()) {
    auto registration = cancellation_token.register_callback([] {});
    co_return co_await vt.as_task();
  }

  co_return vt.result();
}

// CA2012: no diagnostic; vt: same
template <typename T>
vt::Task<T> CA2012_NoDiagnostics_FastPathForSyncCompletedOfTInvertedNoElse_IsFaulted_GetResult_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  if (!vt.is_faulted()) {
    auto registration = cancellation_token.register_callback([] {});
    co_return co_await vt.as_task();
  }

  co_return vt.result();
}

// CA2012: no diagnostic; vt: same
template <typename T>
vt::Task<T> CA2012_NoDiagnostics_FastPathForSyncCompletedOfTInvertedNoElse_IsCanceled_Result_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  if (!vt.is_canceled()) {
    auto registration = cancellation_token.register_callback([] {});
    co_return co_await vt.as_task();
  }

  co_return vt.result();
}

// CA2012: no diagnostic; vt: same
template <typename T>
vt::Task<T> CA2012_NoDiagnostics_FastPathForSyncCompletedOfTInvertedNoElse_IsCanceled_GetResult_case1(vt::CancellationToken cancellation_token) {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  if (!vt.is_canceled()) {
    auto registration = cancellation_token.register_callback([] {});
    co_return co_await vt.as_task();
  }

  co_return vt.result();
}
