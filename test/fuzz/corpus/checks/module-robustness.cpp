// REQUIRES: checks
// Every valuetask-* check over one file: templates analysed once however
// often they are instantiated, macros, coroutine lambdas, unevaluated
// operands. Then invalid code (the checks skip what they cannot understand)
// and C with K&R definitions: never a crash (`not` fails on a signal).
//
// RUN: %check_clang_tidy %s 'valuetask-*' %t
// RUN: not %clang_tidy --load=%plugin --checks='-*,valuetask-*' %s -- \
// RUN:   -std=c++20 -I%runtime_include -DINVALID 2>&1 | FileCheck %s --check-prefix=INVALID
// RUN: %clang_tidy --load=%plugin --checks='-*,valuetask-*' %S/Inputs/module-robustness/kr.c -- \
// RUN:   -std=c89 -Wno-implicit-function-declaration 2>&1 \
// RUN:   | FileCheck %s --check-prefix=KR --allow-empty --implicit-check-not=warning:
// KR-NOT: valuetask

#include <vt/vt.hpp>

#include <type_traits>
#include <vector>

vt::Task<int> fetch();
vt::ValueTask<int> load_int();

// ---- templates instantiated three times: one warning each ----------------

template <class T> struct Cache {
  vt::ValueTask<T> pending_;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: value task stored in data member 'pending_'; {{.*}} [valuetask-stored]
};
constexpr auto cache_sizes =
    sizeof(Cache<int>) + sizeof(Cache<long>) + sizeof(Cache<short>);

template <class T> vt::ValueTask<T> always_async(vt::Task<T> task) {
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: function 'always_async' returns a value task but never completes synchronously; {{.*}} [valuetask-always-async]
  co_return co_await task;
}

// The flow checks track value tasks of a known type inside templates.
template <class T> vt::Task<T> await_twice() {
  vt::ValueTask<int> value = load_int();
  T first = co_await value;
  T second = co_await value;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: value task 'value' is consumed a second time; {{.*}} [valuetask-double-await]
  co_return first + second;
}

template <class T> void discard() {
  load_int();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}} [valuetask-unawaited]
}

template <class T> T read_early() {
  vt::ValueTask<int> value = load_int();
  return value.result();
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: {{.*}} [valuetask-result-before-completion]
}

vt::Task<long> instantiate_three_times() {
  long total = 0;
  total += co_await always_async(vt::Task<int>(fetch()));
  total += co_await always_async(vt::Task<long>());
  total += co_await always_async(vt::Task<short>());
  total += co_await await_twice<int>();
  total += co_await await_twice<long>();
  total += co_await await_twice<short>();
  discard<int>();
  discard<long>();
  discard<short>();
  total += read_early<int>();
  total += read_early<long>();
  total += read_early<short>();
  co_return total;
}

// ---- templates never instantiated: analysed all the same -----------------

template <class T> struct NeverInstantiated {
  std::vector<vt::ValueTask<T>> parts_;
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: value task stored in data member 'parts_'; {{.*}} [valuetask-stored]
  vt::ValueTask<T> always_async_member(vt::Task<T> task) {
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: function 'always_async_member' {{.*}} [valuetask-always-async]
    co_return co_await task;
  }
  vt::Task<int> await_twice_member() {
    vt::ValueTask<int> value = load_int();
    int first = co_await value;
    co_return first + co_await value;
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: value task 'value' is consumed a second time; {{.*}} [valuetask-double-await]
  }
};

// ---- macros --------------------------------------------------------------

#define DECLARE_MEMBER(type, name) type name;
struct FromMacro {
  DECLARE_MEMBER(vt::ValueTask<int>, from_macro_)
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: value task stored in data member 'from_macro_'; {{.*}} [valuetask-stored]
};

#define AWAIT(x) (co_await (x))
vt::ValueTask<int> awaits_through_macro(vt::ValueTask<int> value) {
  co_return AWAIT(value);
}

// ---- coroutine lambdas: each analysed as its own function ----------------

template <class T> int lambdas_in_template() {
  auto generic = [](auto value) -> vt::ValueTask<int> {
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: lambda returns a value task but never completes synchronously; {{.*}} [valuetask-always-async]
    co_await vt::yield();
    co_return static_cast<int>(value);
  };
  auto nested = []() -> vt::Task<int> {
    auto inner = []() -> vt::ValueTask<int> { co_return 1; };
    co_return co_await inner();
  };
  (void)generic;
  (void)nested;
  return 0;
}
int lambdas_instantiated =
    lambdas_in_template<int>() + lambdas_in_template<long>() + lambdas_in_template<char>();

// ---- unevaluated operands consume nothing ---------------------------------

vt::Task<int> unevaluated_operands() {
  using Loaded = decltype(load_int());
  static_assert(std::is_same_v<Loaded, vt::ValueTask<int>>);
  static_assert(sizeof(load_int()) > 0);
  vt::ValueTask<int> value = load_int();
  static_assert(sizeof(value.result()) == sizeof(int));
  static_assert(sizeof(decltype(value.as_task())) > 0);
  constexpr bool nothrow = noexcept(value.as_task());
  int result = co_await value;
  co_return result + (nothrow ? 1 : 0);
}

// ---- invalid code ----------------------------------------------------------

#ifdef INVALID
struct Broken {
  vt::ValueTask<Undeclared> pending_;
  std::vector<vt::ValueTask<int>> fine_but_in_broken_;
};
vt::ValueTask<int> calls_nothing() { co_return co_await undeclared_function(); }
vt::ValueTask<int> not_awaitable() {
  co_await 42;
  co_return 1;
}
int co_return_in_int() { co_return 1; }
vt::ValueTask<int> return_in_coroutine() {
  co_await fetch();
  return 1;
}
template <class T> vt::ValueTask<T> broken_template(T value) {
  co_await value.no_such_member();
  co_return value;
}
auto instantiated_broken = broken_template(1);
vt::ValueTask<int> twice_with_error(vt::ValueTask<int> value) {
  int a = co_await value;
  int b = co_await value + ;
  co_return a + b;
}
vt::ValueTask<int> incomplete_local() {
  struct Incomplete;
  Incomplete missing;
  co_return 1;
}
void lambda_errors() {
  auto missing_operand = []() -> vt::ValueTask<int> { co_await; };
  auto wrong_return = []() -> vt::ValueTask<int> { co_return "text"; };
}
vt::ValueTask<int> stored_in_error = undeclared_factory();
vt::ValueTask<int> unterminated(int x {
#endif
// INVALID-DAG: error: use of undeclared identifier 'Undeclared'
// INVALID-DAG: error: expected function body after function declarator
// INVALID-DAG: Error while processing {{.*}}module-robustness.cpp
