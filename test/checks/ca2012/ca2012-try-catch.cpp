// RUN: %check_clang_tidy %s valuetask-double-await,valuetask-unawaited,valuetask-result-before-completion,valuetask-stored %t
// REQUIRES: checks

// A port of CA2012's own tests (dotnet/roslyn-analyzers,
// UseValueTaskCorrectlyTests.cs) to vt: a value task created in a try block
// and awaited in a handler or a finally block.
// Test methods: NoDiagnostics_CreateInTry_AwaitInFinally, _AwaitInCatch,
// _AwaitInCatchAndFinally.
// C++ has no `finally`, and forbids co_await inside a handler. The closest:
// the handler records what happened, and the awaits follow the try statement
// (the finally block's on every path, the catch block's when an exception
// was caught). `ValueTask t = default;` is a default-constructed (ready)
// vt::ValueTask.

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
vt::Task<> CA2012_NoDiagnostics_CreateInTry_AwaitInFinally_case1() {
  vt::ValueTask<> t{};
  std::exception_ptr in_flight;
  try {
    t = helpers::returns_value_task();
  } catch (...) {
    in_flight = std::current_exception();
  }
  co_await t;  // the finally block
  if (in_flight)
    std::rethrow_exception(in_flight);
}

// When returns_value_task() does not throw, the handler never runs and the
// value task in t is dropped unconsumed. CA2012 does not track unconsumed
// locals (see its StoreLocalUnused notes); vt's valuetask-unawaited does.
// CA2012: no diagnostic; vt: differs: t is not consumed on the path where nothing throws
vt::Task<> CA2012_NoDiagnostics_CreateInTry_AwaitInCatch_case1() {
  vt::ValueTask<> t{};
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: value task 't' is not consumed on every path; a dropped value task loses its result and its errors: co_await it, or call result() or as_task() on it [valuetask-unawaited]
  bool caught = false;
  try {
    t = helpers::returns_value_task();
  } catch (...) {
    caught = true;
  }
  if (caught)
    co_await t;  // the catch block
}

// CA2012's test marks this as a false negative ("Ideally the analyzer would
// catch this case"): when an exception is caught, t is awaited in the catch
// block and again in the finally block.
// CA2012: no diagnostic (a false negative, says the test); vt: differs: a warning at the second await; CA2012 itself says it should warn
vt::Task<> CA2012_NoDiagnostics_CreateInTry_AwaitInCatchAndFinally_case1() {
  vt::ValueTask<> t{};
  bool caught = false;
  try {
    t = helpers::returns_value_task();
  } catch (...) {
    caught = true;
  }
  if (caught)
    co_await t;  // the catch block
  co_await t;  // the finally block
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: value task 't' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
}
