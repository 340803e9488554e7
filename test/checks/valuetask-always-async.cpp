// REQUIRES: checks
// RUN: %check_clang_tidy %s valuetask-always-async %t
// The fixed file still compiles:
// RUN: %cxx -fsyntax-only %t.cpp

#include <vt/vt.hpp>

#include <chrono>
#include <coroutine>
#include <stdexcept>
#include <utility>

struct User {
  int id;
};

vt::Task<User> fetch_user(int id);
vt::Task<int> fetch();
vt::Task<> flush();
vt::ValueTask<int> cached_or_load(int key);
bool lookup(int key, int &value);
int combine(int a, int b);
void log_line(const char *text);

// ---- coroutines that always suspend first --------------------------------

vt::ValueTask<User> load_user(int id) {
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: function 'load_user' returns a value task but never completes synchronously; every path awaits an asynchronous operation first: return vt::Task<User> instead [valuetask-always-async]
  // CHECK-FIXES: vt::Task<User> load_user(int id) {
  User user = co_await fetch_user(id);
  co_return user;
}

vt::ValueTask<int> after_delay() {
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: function 'after_delay' returns a value task but never completes synchronously; every path awaits an asynchronous operation first: return vt::Task<int> instead [valuetask-always-async]
  // CHECK-FIXES: vt::Task<int> after_delay() {
  co_await vt::delay(std::chrono::milliseconds(5));
  co_return 1;
}

vt::ValueTask<> after_yield() {
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: function 'after_yield' {{.*}}: return vt::Task<> instead [valuetask-always-async]
  // CHECK-FIXES: vt::Task<> after_yield() {
  co_await vt::yield();
}

vt::ValueTask<void> on_the_pool(vt::ThreadPool &pool) {
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: function 'on_the_pool' {{.*}}: return vt::Task<void> instead [valuetask-always-async]
  // CHECK-FIXES: vt::Task<void> on_the_pool(vt::ThreadPool &pool) {
  co_await pool.schedule();
  log_line("on the pool");
}

vt::ValueTask<int> await_in_argument() {
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: function 'await_in_argument' {{.*}}
  // CHECK-FIXES: vt::Task<int> await_in_argument() {
  co_return combine(co_await fetch(), 2);
}

vt::ValueTask<int> await_in_condition() {
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: function 'await_in_condition' {{.*}}
  if (co_await fetch() > 3)
    co_return 1;
  co_return 0;
}

vt::ValueTask<int> await_on_both_branches(bool fast) {
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: function 'await_on_both_branches' {{.*}}
  if (fast) {
    co_await vt::yield();
    co_return 1;
  } else {
    int x = co_await fetch();
    co_return x;
  }
}

vt::ValueTask<int> task_then_value_task(int key) {
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: function 'task_then_value_task' {{.*}}
  co_await flush();
  co_return co_await cached_or_load(key);
}

vt::ValueTask<int> as_task_is_a_task(int key) {
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: function 'as_task_is_a_task' {{.*}}
  co_return co_await cached_or_load(key).as_task();
}

vt::ValueTask<int> loop_runs_at_least_once(int n) {
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: function 'loop_runs_at_least_once' {{.*}}
  int total = 0;
  do {
    total += co_await fetch();
  } while (--n > 0);
  co_return total;
}

vt::ValueTask<int> switch_all_cases_await(int kind) {
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: function 'switch_all_cases_await' {{.*}}
  switch (kind) {
  case 0:
    co_return co_await fetch();
  default:
    co_await vt::yield();
    co_return -1;
  }
}

vt::ValueTask<int> handler_rethrows() {
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: function 'handler_rethrows' {{.*}}
  try {
    co_return co_await fetch();
  } catch (...) {
    log_line("failed");
    throw;
  }
}

vt::ValueTask<int> throws_or_awaits(bool bad) {
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: function 'throws_or_awaits' {{.*}}
  if (bad)
    throw std::invalid_argument("bad");
  co_return co_await fetch();
}

// ---- plain functions whose every return wraps a task ---------------------

vt::ValueTask<int> wraps_task() {
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: function 'wraps_task' returns a value task but never completes synchronously; every return wraps a task: return vt::Task<int> instead [valuetask-always-async]
  // CHECK-FIXES: vt::Task<int> wraps_task() {
  return vt::ValueTask<int>(fetch());
  // CHECK-FIXES: return fetch();
}

vt::ValueTask<int> converts_task_implicitly() {
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: function 'converts_task_implicitly' {{.*}} every return wraps a task: return vt::Task<int> instead
  // CHECK-FIXES: vt::Task<int> converts_task_implicitly() {
  return fetch();
}

vt::ValueTask<int> wraps_on_every_return(bool first, vt::Task<int> held) {
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: function 'wraps_on_every_return' {{.*}}
  // CHECK-FIXES: vt::Task<int> wraps_on_every_return(bool first, vt::Task<int> held) {
  if (first)
    return {fetch()};
  // CHECK-FIXES: return {fetch()};
  if (held.is_completed())
    return static_cast<vt::ValueTask<int>>(vt::ValueTask<int>(held));
  // CHECK-FIXES: return held;
  return vt::ValueTask<int>{std::move(held)};
  // CHECK-FIXES: return std::move(held);
}

#define WRAP_TASK(task) vt::ValueTask<int>(task)
vt::ValueTask<int> wraps_in_a_macro() {
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: function 'wraps_in_a_macro' {{.*}} every return wraps a task
  // CHECK-FIXES: vt::ValueTask<int> wraps_in_a_macro() {
  return WRAP_TASK(fetch());
}

// ---- spelling, declarations and the fix-it -------------------------------

namespace spelled {
using vt::ValueTask;
using namespace vt;

ValueTask<int> unqualified() {
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: function 'unqualified' {{.*}}: return vt::Task<int> instead
  // CHECK-FIXES: Task<int> unqualified() {
  co_return co_await fetch();
}

const vt::ValueTask<long> const_qualified() {
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: function 'const_qualified' {{.*}}: return vt::Task<long> instead
  // CHECK-FIXES: const vt::Task<long> const_qualified() {
  co_return co_await fetch();
}

auto trailing() -> vt::ValueTask<int> {
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: function 'trailing' {{.*}}
  // CHECK-FIXES: auto trailing() -> vt::Task<int> {
  co_return co_await fetch();
}

using IntValueTask = vt::ValueTask<int>;
IntValueTask through_alias() {
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: function 'through_alias' {{.*}}: return vt::Task<int> instead
  // CHECK-FIXES: IntValueTask through_alias() {
  co_return co_await fetch();
}

vt::ValueTask<int> declared_first();
vt::ValueTask<int> declared_first() {
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: function 'declared_first' {{.*}}
  // CHECK-FIXES: vt::ValueTask<int> declared_first() {
  co_return co_await fetch();
}
} // namespace spelled

#define ASYNC_LOADER(name)                                                     \
  vt::ValueTask<int> name() { co_return co_await fetch(); }
ASYNC_LOADER(from_macro)
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: function 'from_macro' {{.*}}
// CHECK-FIXES: ASYNC_LOADER(from_macro)

class Repository {
public:
  vt::ValueTask<User> find(int id) {
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: function 'find' {{.*}}: return vt::Task<User> instead
    // CHECK-FIXES: vt::Task<User> find(int id) {
    co_return co_await fetch_user(id);
  }
  static vt::ValueTask<int> count() {
    // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: function 'count' {{.*}}
    // CHECK-FIXES: static vt::Task<int> count() {
    co_return co_await fetch();
  }
  vt::ValueTask<int> defined_outside();
};

vt::ValueTask<int> Repository::defined_outside() {
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: function 'defined_outside' {{.*}}
  // CHECK-FIXES: vt::ValueTask<int> Repository::defined_outside() {
  co_return co_await fetch();
}

// ---- lambdas: each analysed as its own function --------------------------

void lambdas() {
  auto always = []() -> vt::ValueTask<int> { co_return co_await fetch(); };
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda returns a value task but never completes synchronously; every path awaits an asynchronous operation first: return vt::Task<int> instead [valuetask-always-async]
  // CHECK-FIXES: auto always = []() -> vt::Task<int> { co_return co_await fetch(); };
  auto plain = [] { return vt::ValueTask<int>(fetch()); };
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: lambda returns a value task but never completes synchronously; every return wraps a task: return vt::Task<int> instead
  // CHECK-FIXES: auto plain = [] { return vt::ValueTask<int>(fetch()); };
  auto fast = [](int key) -> vt::ValueTask<int> {
    int value = 0;
    if (lookup(key, value))
      co_return value;
    co_return co_await fetch();
  };
  (void)always;
  (void)plain;
  (void)fast;
}

// ---- templates: analysed once, at the pattern ----------------------------

template <class T> vt::ValueTask<T> await_task(vt::Task<T> task) {
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: function 'await_task' {{.*}}: return vt::Task<T> instead
  // CHECK-FIXES: template <class T> vt::Task<T> await_task(vt::Task<T> task) {
  T value = co_await task;
  co_return value;
}

template <class Awaitable> vt::ValueTask<int> await_unknown(Awaitable a) {
  co_await a; // might be a value task once instantiated
  co_return 1;
}

void instantiate() {
  (void)await_task(fetch());
  (void)await_task(fetch_user(1));
  (void)await_task(vt::Task<long>());
  (void)await_unknown(fetch());
  (void)await_unknown(cached_or_load(1));
}

// ---- no warning ------------------------------------------------------------

vt::ValueTask<int> cache_fast_path(int key) {
  int value = 0;
  if (lookup(key, value))
    co_return value;
  value = co_await fetch();
  co_return value;
}

vt::ValueTask<int> only_value_tasks(int key) {
  int a = co_await cached_or_load(key);
  int b = co_await cached_or_load(key + 1);
  co_return a + b;
}

vt::ValueTask<int> await_on_one_branch(bool slow) {
  if (slow)
    co_await vt::yield();
  co_return 1;
}

vt::ValueTask<int> value_task_on_one_branch(bool cached, int key) {
  if (cached)
    co_return co_await cached_or_load(key);
  co_return co_await fetch();
}

vt::ValueTask<int> while_may_not_run(int n) {
  while (n-- > 0)
    co_await vt::yield();
  co_return n;
}

vt::ValueTask<int> short_circuit_skips_the_await(bool ready) {
  if (ready || co_await fetch() > 0)
    co_return 1;
  co_return 0;
}

vt::ValueTask<int> loop_may_not_run(int n) {
  int total = 0;
  for (int i = 0; i < n; ++i)
    total += co_await fetch();
  co_return total;
}

vt::ValueTask<int> only_throws() {
  co_await vt::delay(std::chrono::milliseconds(1));
  throw std::runtime_error("not implemented");
}

vt::ValueTask<> never_ends() {
  for (;;)
    co_await vt::yield();
}

vt::ValueTask<int> never_suspends() {
  co_await std::suspend_never{};
  co_return 1;
}

vt::ValueTask<int> handler_completes() {
  try {
    co_return co_await fetch();
  } catch (const std::exception &) {
    co_return -1; // reached if fetch() throws before suspending
  }
}

vt::ValueTask<int> nested_lambda_awaits() {
  auto inner = []() -> vt::Task<> { co_await vt::yield(); };
  (void)inner;
  co_return 1;
}

vt::Task<int> already_a_task() { co_return co_await fetch(); }

vt::ValueTask<int> ready_value() { return vt::ValueTask<int>(42); }

vt::ValueTask<int> mixed_returns(bool ready) {
  if (ready)
    return 1;
  return fetch();
}

vt::ValueTask<int> forwards_value_task(int key) { return cached_or_load(key); }

vt::ValueTask<int> plain_only_throws() { throw std::logic_error("unused"); }

vt::ValueTask<int> declared_only();

struct Service {
  virtual vt::ValueTask<int> load() { co_return co_await fetch(); }
  virtual ~Service() = default;
};

struct CachedService : Service {
  vt::ValueTask<int> load() override { co_return co_await fetch(); }
};

// ---- Issue 16: a handler that only rethrows is no synchronous path ----------

vt::ValueTask<int> handler_rethrows(int key) {
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: function 'handler_rethrows' returns a value task but never completes synchronously; every path awaits an asynchronous operation first: return vt::Task<int> instead [valuetask-always-async]
  try {
    co_return co_await fetch();
  } catch (...) {
    throw;
  }
}

vt::ValueTask<int> typed_handler_logs_and_rethrows(int key) {
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: function 'typed_handler_logs_and_rethrows' returns a value task but never completes synchronously; every path awaits an asynchronous operation first: return vt::Task<int> instead [valuetask-always-async]
  try {
    co_return co_await fetch();
  } catch (const std::exception &) {
    log_line("failed");
    throw;
  }
}

template <typename T> vt::Task<T> fetch_as(T key);

template <typename T> vt::ValueTask<T> template_handler_rethrows(T key) {
// CHECK-MESSAGES: :[[@LINE-1]]:40: warning: function 'template_handler_rethrows' returns a value task but never completes synchronously; every path awaits an asynchronous operation first: return vt::Task<T> instead [valuetask-always-async]
  try {
    co_return co_await fetch_as(key);
  } catch (...) {
    throw;
  }
}

vt::ValueTask<int> handler_completes(int key) {
  try {
    co_return co_await fetch();
  } catch (...) {
    co_return -1;
  }
}

vt::ValueTask<int> handler_rethrows_around_a_value_task(int key) {
  try {
    co_return co_await cached_or_load(key);
  } catch (...) {
    throw;
  }
}
