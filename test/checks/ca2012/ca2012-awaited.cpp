// RUN: %check_clang_tidy %s valuetask-double-await,valuetask-unawaited,valuetask-result-before-completion,valuetask-stored %t
// REQUIRES: checks

// A port of CA2012's own tests (dotnet/roslyn-analyzers,
// UseValueTaskCorrectlyTests.cs) to vt: value tasks consumed once by
// co_await, straight from a call, a constructor, a conditional or a switch.
// Test methods: NoDiagnostics_AwaitMethodCallResults(_VB), _Ternary,
// _NullConditional, _Switch, _AwaitConfiguredMethodCallResults,
// _WorkBetweenStoreAndAwait. `async Task` methods are vt::Task coroutines.

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
vt::Task<> CA2012_NoDiagnostics_AwaitMethodCallResults_case1() {
  co_await vt::ValueTask<>();  // new ValueTask()
  co_await vt::ValueTask<>{};  // default(ValueTask)
  co_await helpers::returns_value_task();

  co_await vt::ValueTask<std::string>("hello");
  co_await vt::ValueTask<std::string>(vt::from_result(std::string("hello")));  // Task.FromResult
  std::string s = co_await helpers::returns_value_task_of_t<std::string>();

  int i = co_await helpers::returns_value_task_of_int();
}

// The Visual Basic variant: the same awaits without `default`. Its string
// literal is ", hello, " (a quoting slip in the VB test), kept as written.
// CA2012: no diagnostic; vt: same
vt::Task<> CA2012_NoDiagnostics_AwaitMethodCallResults_VB_case1() {
  co_await vt::ValueTask<>();
  co_await helpers::returns_value_task();
  co_await vt::ValueTask<std::string>(", hello, ");
  co_await vt::ValueTask<std::string>(vt::from_result(std::string(", hello, ")));
  std::string s = co_await helpers::returns_value_task_of_t<std::string>();
  int i = co_await helpers::returns_value_task_of_int();
}

// CA2012: no diagnostic; vt: same
vt::Task<> CA2012_NoDiagnostics_Ternary_case1() {
  co_await (now_after_now()   ? helpers::returns_value_task()
            : now_after_now() ? vt::ValueTask<>()
                              : helpers::returns_value_task());

  int i = co_await (now_after_now() ? helpers::returns_value_task_of_t<int>()
                                    : helpers::returns_value_task_of_int());
}

// `c?.M() ?? default` has no C++ form: a null test with the conditional
// operator is the closest (`c ? c->m() : vt::ValueTask<>()`).
// CA2012: no diagnostic; vt: same
class CA2012_NoDiagnostics_NullConditional {
public:
  using C = CA2012_NoDiagnostics_NullConditional;

  // CA2012: no diagnostic; vt: same
  vt::ValueTask<> NullConditional(C *c) { return c ? c->returns_value_task() : vt::ValueTask<>(); }
  // CA2012: no diagnostic; vt: same
  vt::Task<> NullConditionalWithAwait(C *c) { co_await (c ? c->returns_value_task() : vt::ValueTask<>()); }

  // CA2012: no diagnostic; vt: same
  template <typename T>
  vt::ValueTask<T> NullConditionalOfT(C *c) {
    return c ? c->returns_value_task_of_t<T>() : vt::ValueTask<T>();
  }
  // CA2012: no diagnostic; vt: same
  template <typename T>
  vt::Task<T> NullConditionalWithAwaitOfT(C *c) {
    co_return co_await (c ? c->returns_value_task_of_t<T>() : vt::ValueTask<T>());
  }

  // CA2012: no diagnostic; vt: same
  vt::ValueTask<> NullConditionalWithSecondaryCall(C *c) {
    return c ? c->returns_value_task() : helpers::returns_value_task();
  }
  // CA2012: no diagnostic; vt: same
  template <typename T>
  vt::ValueTask<T> NullConditionalWithSecondaryCallOfT(C *c) {
    return c ? c->returns_value_task_of_t<T>() : helpers::returns_value_task_of_t<T>();
  }

private:
  vt::ValueTask<> returns_value_task() { return vt::ValueTask<>(); }
  template <typename T>
  vt::ValueTask<T> returns_value_task_of_t() { return vt::ValueTask<T>(); }
};

// C++ has no switch expression: an immediately invoked lambda whose switch
// statement returns one value task per arm is the closest. `_ = await ...`
// discards an int, not a value task: `(void)co_await ...`.
// CA2012: no diagnostic; vt: same
vt::Task<> CA2012_NoDiagnostics_Switch_case1() {
  int i = 42;

  co_await [&] {
    switch (i) {
    case 1: return helpers::returns_value_task();
    case 2: return vt::ValueTask<>();
    case 3: return vt::ValueTask<>{};
    case 4: return vt::ValueTask<>(vt::from_result());  // new ValueTask(Task.CompletedTask)
    default: return helpers::returns_value_task();
    }
  }();

  std::string s = co_await [&] {
    switch (i) {
    case 1: return helpers::returns_value_task_of_t<std::string>();
    case 2: return vt::ValueTask<std::string>("hello");
    case 3: return vt::ValueTask<std::string>{};
    case 4: return vt::ValueTask<std::string>(vt::from_result(std::string("hello")));
    default: return helpers::returns_value_task_of_t<std::string>();
    }
  }();

  (void)co_await [&] {
    switch (i) {
    case 1: return helpers::returns_value_task_of_int();
    case 2: return vt::ValueTask<int>(42);
    case 3: return vt::ValueTask<int>{};
    case 4: return vt::ValueTask<int>(vt::from_result(42));
    default: return helpers::returns_value_task_of_t<int>();
    }
  }();
}

// vt has no ConfigureAwait: each `.ConfigureAwait(bool)` is dropped, which
// leaves the awaits of NoDiagnostics_AwaitMethodCallResults.
// CA2012: no diagnostic; vt: same
vt::Task<> CA2012_NoDiagnostics_AwaitConfiguredMethodCallResults_case1() {
  co_await vt::ValueTask<>();
  co_await vt::ValueTask<>{};
  co_await helpers::returns_value_task();

  co_await vt::ValueTask<std::string>("hello");
  co_await vt::ValueTask<std::string>(vt::from_result(std::string("hello")));
  std::string s = co_await helpers::returns_value_task_of_t<std::string>();

  int i = co_await helpers::returns_value_task_of_int();
}

// CA2012: no diagnostic; vt: same
vt::Task<> CA2012_NoDiagnostics_WorkBetweenStoreAndAwait_case1() {
  vt::ValueTask<> vt = helpers::returns_value_task();
  write_line();
  co_await vt;
}

// CA2012: no diagnostic; vt: same
template <typename T>
vt::Task<> CA2012_NoDiagnostics_WorkBetweenStoreAndAwait_case2() {
  vt::ValueTask<T> vt = helpers::returns_value_task_of_t<T>();
  write_line();
  co_await vt;
}
