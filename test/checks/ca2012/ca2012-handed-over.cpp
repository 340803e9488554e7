// RUN: %check_clang_tidy %s valuetask-double-await,valuetask-unawaited,valuetask-result-before-completion,valuetask-stored %t
// REQUIRES: checks

// A port of CA2012's own tests (dotnet/roslyn-analyzers,
// UseValueTaskCorrectlyTests.cs) to vt: value tasks handed over to someone
// else: passed as an argument, converted (Preserve/AsTask), returned (also
// from a C# property, here a getter function).
// Test methods: NoDiagnostics_PassAsArguments, _Preserve, _AsTask,
// _ReturnValueTask, _AssignVariableThenReturnValueTask,
// _ReturnOutOfPropertyExpressionBodied, _ReturnOutOfPropertyStatements,
// Diagnostics_PassAsGeneric.

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
void CA2012_NoDiagnostics_PassAsArguments_case1() {
  helpers::accepts_value_task(vt::ValueTask<>());
  helpers::accepts_value_task(helpers::returns_value_task());

  helpers::accepts_value_task_of_t(vt::ValueTask<std::string>("hello"));
  helpers::accepts_value_task_of_t(helpers::returns_value_task_of_t<std::string>());

  helpers::accepts_value_task_of_int(vt::ValueTask<int>(42));
  helpers::accepts_value_task_of_int(helpers::returns_value_task_of_int());
}

// vt has no Preserve(): as_task() is the closest (it too turns the value task
// into something that may be awaited many times). The value task is consumed;
// the task it becomes is dropped, which no valuetask-* check is about.
// CA2012: no diagnostic; vt: same
void CA2012_NoDiagnostics_Preserve_case1() {
  vt::ValueTask<>().as_task();
  vt::ValueTask<>{}.as_task();
  helpers::returns_value_task().as_task();

  vt::ValueTask<std::string>("hello").as_task();
  vt::ValueTask<std::string>(vt::from_result(std::string("hello"))).as_task();
  helpers::returns_value_task_of_t<std::string>().as_task();

  helpers::returns_value_task_of_int().as_task();
}

// CA2012: no diagnostic; vt: same
void CA2012_NoDiagnostics_AsTask_case1() {
  vt::ValueTask<>().as_task();
  vt::ValueTask<>{}.as_task();
  helpers::returns_value_task().as_task();

  vt::ValueTask<std::string>("hello").as_task();
  vt::ValueTask<std::string>(vt::from_result(std::string("hello"))).as_task();
  helpers::returns_value_task_of_t<std::string>().as_task();

  helpers::returns_value_task_of_int().as_task();
}

// C# value tuples (string, string) become std::tuple<std::string, std::string>;
// SomeMethod() and the SomeProp property become functions.
std::string some_method();
std::string some_prop();

// CA2012: no diagnostic; vt: same
vt::ValueTask<> CA2012_NoDiagnostics_ReturnValueTask_case1() { return helpers::returns_value_task(); }

// CA2012: no diagnostic; vt: same
template <typename T>
vt::ValueTask<T> CA2012_NoDiagnostics_ReturnValueTask_case2() { return helpers::returns_value_task_of_t<T>(); }

// CA2012: no diagnostic; vt: same
vt::ValueTask<int> CA2012_NoDiagnostics_ReturnValueTask_case3() { return helpers::returns_value_task_of_int(); }

// CA2012: no diagnostic; vt: same
vt::ValueTask<std::tuple<std::string, std::string>> CA2012_NoDiagnostics_ReturnValueTask_case4() {
  return helpers::returns_value_task_of_t<std::tuple<std::string, std::string>>({"", ""});
}

// CA2012: no diagnostic; vt: same
vt::ValueTask<std::tuple<std::string, std::string>> CA2012_NoDiagnostics_ReturnValueTask_case5() {
  return helpers::returns_value_task_of_t(std::make_tuple(some_method(), some_prop()));
}

// CA2012: no diagnostic; vt: same
vt::ValueTask<> CA2012_NoDiagnostics_ReturnValueTask_case6() {
  write_line();
  return helpers::returns_value_task();
}

// CA2012: no diagnostic; vt: same
template <typename T>
vt::ValueTask<T> CA2012_NoDiagnostics_ReturnValueTask_case7() {
  write_line();
  return helpers::returns_value_task_of_t<T>();
}

// CA2012: no diagnostic; vt: same
vt::ValueTask<int> CA2012_NoDiagnostics_ReturnValueTask_case8() {
  write_line();
  return helpers::returns_value_task_of_int();
}

// CA2012: no diagnostic; vt: same
class CA2012_NoDiagnostics_AssignVariableThenReturnValueTask {
public:
  // CA2012: no diagnostic; vt: same
  vt::ValueTask<> ReturnValueTaskExpression() { return helpers::returns_value_task(); }
  // CA2012: no diagnostic; vt: same
  template <typename T>
  vt::ValueTask<T> ReturnValueTaskOfTExpression() { return helpers::returns_value_task_of_t<T>(); }
  // CA2012: no diagnostic; vt: same
  vt::ValueTask<int> ReturnValueTaskOfIntExpression() { return helpers::returns_value_task_of_int(); }

  // CA2012: no diagnostic; vt: same
  vt::ValueTask<> ReturnValueTask() {
    auto *inst = this;
    auto vt = inst->ReturnValueTaskExpression();
    return vt;
  }

  // CA2012: no diagnostic; vt: same
  template <typename T>
  vt::ValueTask<T> ReturnValueTaskOfT() {
    auto *inst = this;
    auto vt = inst->ReturnValueTaskOfTExpression<T>();
    return vt;
  }

  // CA2012: no diagnostic; vt: same
  vt::ValueTask<int> ReturnValueTaskOfInt() {
    auto *inst = this;
    auto vt = inst->ReturnValueTaskOfIntExpression();
    return vt;
  }
};

// C++ has no properties: each C# property is a getter member function.
// CA2012: no diagnostic; vt: same
class CA2012_NoDiagnostics_ReturnOutOfPropertyExpressionBodied {
public:
  // CA2012: no diagnostic; vt: same
  vt::ValueTask<> Prop() { return helpers::returns_value_task(); }
  // CA2012: no diagnostic; vt: same
  vt::ValueTask<std::string> PropString() { return helpers::returns_value_task_of_t<std::string>(); }
  // CA2012: no diagnostic; vt: same
  vt::ValueTask<int> PropInt() { return helpers::returns_value_task_of_int(); }
};

// CA2012: no diagnostic; vt: same
class CA2012_NoDiagnostics_ReturnOutOfPropertyStatements {
public:
  // CA2012: no diagnostic; vt: same
  vt::ValueTask<> Prop() {
    auto vt = helpers::returns_value_task();
    return vt;
  }

  // CA2012: no diagnostic; vt: same
  vt::ValueTask<std::string> PropString() {
    auto vt = helpers::returns_value_task_of_t<std::string>();
    return vt;
  }

  // CA2012: no diagnostic; vt: same
  vt::ValueTask<int> PropInt() {
    auto vt = helpers::returns_value_task_of_int();
    return vt;
  }
};

// CA2012 flags a ValueTask passed as a generic TValue, because generic code
// may await it twice or store it. In C++ the parameter is a by-value owner
// like any other (NoDiagnostics_PassAsArguments), and a function template is
// instantiated with its body in view: a misuse there belongs to the callee.
// CA2012: diagnostic at each of the 3 arguments; vt: differs: a by-value parameter (generic or not) takes the value task over; the callee owns it
void CA2012_Diagnostics_PassAsGeneric_case1() {
  helpers::accepts_t_value(helpers::returns_value_task());
  helpers::accepts_t_value(helpers::returns_value_task_of_t<std::string>());
  helpers::accepts_t_value(helpers::returns_value_task_of_int());
}
