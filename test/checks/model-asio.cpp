// RUN: %check_clang_tidy %s valuetask-double-await,valuetask-unawaited,valuetask-result-before-completion,valuetask-stored,valuetask-always-async %t -- -- -I%S/Inputs/models
// REQUIRES: checks

// The built-in asio model, with no configuration: awaitable<T> (standalone
// Asio and Boost.Asio) is lazy, move-only, awaited only as an rvalue, and
// consumed once: by co_await or by co_spawn, which takes it by value.

#include "asio.h"
#include <string>
#include <utility>
#include <vector>

asio::awaitable<int> compute(int x);
asio::awaitable<std::string> name();
asio::awaitable<void> work();
boost::asio::awaitable<int> bcompute(int x);
bool cond();
void take(asio::awaitable<int> a);

// ---- Silent: the library's idioms -----------------------------------------

asio::awaitable<int> ok() {
  auto a = compute(1);
  co_return co_await std::move(a);
}

asio::awaitable<int> ok_prvalue() { co_return co_await compute(1); }

void ok_spawn(asio::io_context &ctx) { asio::co_spawn(ctx, compute(1), asio::detached); }

void ok_spawn_moved(asio::io_context &ctx) {
  auto a = work();
  asio::co_spawn(ctx, std::move(a), asio::detached);
}

void ok_spawn_executor(asio::io_context &ctx) {
  auto a = compute(1);
  asio::co_spawn(ctx.get_executor(), std::move(a), asio::detached);
}

asio::awaitable<int> ok_spawn_use_awaitable(asio::io_context &ctx) {
  auto a = compute(1);
  co_return co_await asio::co_spawn(ctx, std::move(a), asio::use_awaitable);
}

int ok_spawn_future(asio::io_context &ctx) {
  auto f = asio::co_spawn(ctx, compute(1), asio::use_future);
  ctx.run();
  return f.get();
}

void ok_spawn_lambda(asio::io_context &ctx) {
  asio::co_spawn(ctx, []() -> asio::awaitable<void> { co_await work(); }, asio::detached);
}

asio::awaitable<int> ok_operators() {
  using namespace asio::experimental::awaitable_operators;
  auto [x, y] = co_await (compute(1) && compute(2));
  co_return x + y;
}

void ok_handed_over() {
  auto a = compute(1);
  take(std::move(a));
}

struct Session {
  asio::awaitable<void> loop;
  boost::asio::awaitable<int> reply;
};

template <class T> asio::awaitable<T> ok_template(asio::awaitable<T> a) { co_return co_await std::move(a); }

asio::awaitable<int> ok_lambda() {
  auto f = [](int x) -> asio::awaitable<int> {
    auto a = compute(x);
    co_return co_await std::move(a);
  };
  co_return co_await f(1);
}

asio::awaitable<int> ok_in_loop() {
  int sum = 0;
  for (int i = 0; i < 3; ++i) {
    auto a = compute(i);
    sum += co_await std::move(a);
  }
  co_return sum;
}

asio::awaitable<void> ok_tasks_spawned(asio::io_context &ctx) {
  std::vector<asio::awaitable<void>> jobs;
  for (int i = 0; i < 3; ++i)
    jobs.push_back(work());
  for (auto &job : jobs)
    asio::co_spawn(ctx, std::move(job), asio::detached);
  co_return;
}

boost::asio::awaitable<int> ok_boost() {
  auto a = bcompute(1);
  co_return co_await std::move(a);
}

void ok_boost_spawn(boost::asio::io_context &ctx) { boost::asio::co_spawn(ctx, bcompute(1), boost::asio::detached); }

// ---- Reported -------------------------------------------------------------

asio::awaitable<int> twice() {
  auto a = compute(1);
  int x = co_await std::move(a);
  x += co_await std::move(a);
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: asio::awaitable 'a' is consumed a second time; an asio::awaitable can be consumed only once: await it once [valuetask-double-await]
  co_return x;
}

asio::awaitable<int> spawned_then_awaited(asio::io_context &ctx) {
  auto a = compute(1);
  asio::co_spawn(ctx, std::move(a), asio::detached);
  co_return co_await std::move(a);
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: asio::awaitable 'a' is consumed a second time; an asio::awaitable can be consumed only once: await it once [valuetask-double-await]
}

void spawned_twice(asio::io_context &ctx) {
  auto a = work();
  asio::co_spawn(ctx, std::move(a), asio::detached);
  asio::co_spawn(ctx, std::move(a), asio::detached);
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: asio::awaitable 'a' is consumed a second time; an asio::awaitable can be consumed only once: await it once [valuetask-double-await]
}

asio::awaitable<int> awaited_after_take() {
  auto a = compute(1);
  take(std::move(a));
  co_return co_await std::move(a);
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: asio::awaitable 'a' is consumed a second time; an asio::awaitable can be consumed only once: await it once [valuetask-double-await]
}

void never_spawned() { auto a = compute(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:29: warning: asio::awaitable 'a' is not consumed on every path; a lazy asio::awaitable that is dropped never runs: co_await it, or pass it to co_spawn() [valuetask-unawaited]

void discarded_call() { compute(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: asio::awaitable returned by 'compute' is never awaited; a lazy asio::awaitable that is dropped never runs: co_await it [valuetask-unawaited]

void spawned_on_one_path(asio::io_context &ctx) {
  auto a = compute(1);
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: asio::awaitable 'a' is not consumed on every path; a lazy asio::awaitable that is dropped never runs: co_await it, or pass it to co_spawn() [valuetask-unawaited]
  if (cond())
    asio::co_spawn(ctx, std::move(a), asio::detached);
}

asio::awaitable<int> awaited_in_loop() {
  auto a = compute(1);
  int sum = 0;
  for (int i = 0; i < 3; ++i)
    sum += co_await std::move(a);
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: asio::awaitable 'a' is consumed a second time; an asio::awaitable can be consumed only once: await it once [valuetask-double-await]
  co_return sum;
}

template <class T> asio::awaitable<T> template_twice(asio::awaitable<T> a) {
  T x = co_await std::move(a);
  co_return x + co_await std::move(a);
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: asio::awaitable 'a' is consumed a second time; an asio::awaitable can be consumed only once: await it once [valuetask-double-await]
}

asio::awaitable<int> lambda_twice() {
  auto f = [](int x) -> asio::awaitable<int> {
    auto a = compute(x);
    int y = co_await std::move(a);
    co_return y + co_await std::move(a);
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: asio::awaitable 'a' is consumed a second time; an asio::awaitable can be consumed only once: await it once [valuetask-double-await]
  };
  co_return co_await f(1);
}

boost::asio::awaitable<int> boost_twice() {
  auto a = bcompute(1);
  int x = co_await std::move(a);
  x += co_await std::move(a);
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: boost::asio::awaitable 'a' is consumed a second time; a boost::asio::awaitable can be consumed only once: await it once [valuetask-double-await]
  co_return x;
}

boost::asio::awaitable<int> boost_spawned_then_awaited(boost::asio::io_context &ctx) {
  auto a = bcompute(1);
  boost::asio::co_spawn(ctx, std::move(a), boost::asio::detached);
  co_return co_await std::move(a);
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: boost::asio::awaitable 'a' is consumed a second time; a boost::asio::awaitable can be consumed only once: await it once [valuetask-double-await]
}

void boost_never_spawned() { auto a = bcompute(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:35: warning: boost::asio::awaitable 'a' is not consumed on every path; a lazy boost::asio::awaitable that is dropped never runs: co_await it, or pass it to co_spawn() [valuetask-unawaited]

void boost_discarded_call() { bcompute(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:31: warning: boost::asio::awaitable returned by 'bcompute' is never awaited; a lazy boost::asio::awaitable that is dropped never runs: co_await it [valuetask-unawaited]

asio::awaitable<int> overwritten() {
  auto a = compute(1);
  a = compute(2);
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: asio::awaitable 'a' is overwritten before it is consumed on some path; the old lazy asio::awaitable is dropped and never runs: co_await it first [valuetask-unawaited]
  co_return co_await std::move(a);
}

asio::awaitable<int> ok_reassigned_after_await() {
  auto a = compute(1);
  int x = co_await std::move(a);
  a = compute(2);
  co_return x + co_await std::move(a);
}
