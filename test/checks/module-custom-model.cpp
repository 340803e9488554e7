// RUN: %check_clang_tidy %s 'valuetask-double-await,valuetask-unawaited,valuetask-result-before-completion,valuetask-stored' %t -- \
// RUN:   -config="{CheckOptions: {TaskModels: 'acme', TaskModel.acme.Types: '::acme::Future', TaskModel.acme.Lazy: true, TaskModel.acme.BlockingMembers: 'get', TaskModel.acme.ConsumingMembers: 'then', TaskModel.acme.CompletionQueries: 'ready', TaskModel.acme.CompletionAccessors: 'value', TaskModel.acme.ReadyFactories: '::acme::make_ready', TaskModel.acme.StoringIsMisuse: true, TaskModel.acme.Noun: 'acme future', TaskModel.acme.HowToConsume: 'co_await it, or call get() on it'}}"
// REQUIRES: checks

// A team's own task type, described only by options (docs/models.md,
// "Custom models"): every check reads the model, and the advice uses its
// words.

#include <vt/vt.hpp>
#include <coroutine>
#include <utility>

namespace acme {
template <typename T> struct Future {
  Future(Future &&) noexcept;
  ~Future();
  bool await_ready() const;
  void await_suspend(std::coroutine_handle<>);
  T await_resume();
  bool ready() const;
  T get();
  const T &value() const;
  Future then(int);
};
Future<int> load();
Future<int> make_ready(int);
} // namespace acme

vt::Task<int> awaited_twice() {
  acme::Future<int> f = acme::load();
  int a = co_await f;
  co_return a + co_await f;
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: acme future 'f' is consumed a second time; an acme future can be consumed only once: await it once [valuetask-double-await]
}

int got_then_awaited_again() {
  acme::Future<int> f = acme::load();
  int a = f.get();
  return a + f.get();
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: acme future 'f' is consumed a second time; an acme future can be consumed only once: await it once [valuetask-double-await]
}

void dropped() {
  acme::Future<int> f = acme::load();
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: acme future 'f' is not consumed on every path; a lazy acme future that is dropped never runs: co_await it, or call get() on it [valuetask-unawaited]
}

void discarded() { acme::load(); }
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: acme future returned by 'load' is never awaited; a lazy acme future that is dropped never runs: co_await it [valuetask-unawaited]

int read_before_ready() {
  acme::Future<int> f = acme::load();
  int a = f.value();
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: value() is called on acme future 'f' that may not be complete; check ready() first or co_await it [valuetask-result-before-completion]
  return a + f.get();
}

int read_after_ready() {
  acme::Future<int> f = acme::load();
  if (!f.ready())
    return f.get();
  int a = f.value();
  return a + f.get();
}

void ready_value_dropped() { acme::Future<int> f = acme::make_ready(1); }

void handed_on() {
  acme::Future<int> f = acme::load();
  acme::Future<int> g = std::move(f).then(1);
  (void)g.get();
}

struct Keeps {
  acme::Future<int> pending;
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: acme future stored in data member 'pending'; an acme future can be consumed only once and must not be kept: consume it immediately [valuetask-stored]
};
