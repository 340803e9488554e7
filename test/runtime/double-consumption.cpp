// Semantic 2: every second consumption throws InvalidOperationError
// ("already been consumed"), for value-, task- and source-backed value tasks.
// RUN: %cxx %s %vtlib -o %t && timeout 60 %t | FileCheck %s
#include <vt/vt.hpp>

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

enum class Backing { value, task, source };

vt::ManualResetValueTaskSource<int> source;

vt::ValueTask<int> make(Backing backing) {
  switch (backing) {
  case Backing::value:
    return vt::ValueTask<int>(42);
  case Backing::task:
    return vt::ValueTask<int>(vt::from_result(42));
  case Backing::source:
    source.reset();
    source.set_result(42);
    return source.value_task();
  }
  return 0;
}

// Runs the second consumption and reports what it threw.
void expect_consumed(const char *what, const std::function<void()> &second) {
  try {
    second();
    std::printf("%s: no exception\n", what);
  } catch (const vt::InvalidOperationError &e) {
    bool mentions = std::string_view(e.what()).find("already been consumed") != std::string_view::npos;
    std::printf("%s: InvalidOperationError%s\n", what, mentions ? " already been consumed" : " (other message)");
  }
}

vt::Task<int> await_lvalue(vt::ValueTask<int> &value_task) { co_return co_await value_task; }
vt::Task<int> await_rvalue(vt::ValueTask<int> &value_task) { co_return co_await std::move(value_task); }

void run_all(Backing backing, const char *name) {
  std::string prefix(name);
  {
    auto v = make(backing);
    std::printf("%s first await: %d\n", name, await_lvalue(v).get());
    expect_consumed((prefix + " await twice").c_str(), [&] { await_lvalue(v).get(); });
  }
  {
    auto v = make(backing);
    std::printf("%s first rvalue await: %d\n", name, await_rvalue(v).get());
    expect_consumed((prefix + " rvalue await twice").c_str(), [&] { await_rvalue(v).get(); });
  }
  {
    auto v = make(backing);
    std::printf("%s first result: %d\n", name, v.result());
    expect_consumed((prefix + " result twice").c_str(), [&] { (void)v.result(); });
  }
  {
    auto v = make(backing);
    vt::Task<int> task = v.as_task();
    std::printf("%s as_task: %d %d\n", name, task.get(), task.get());
    expect_consumed((prefix + " await after as_task").c_str(), [&] { await_lvalue(v).get(); });
  }
  {
    auto v = make(backing);
    vt::ValueTask<int> moved = std::move(v);
    expect_consumed((prefix + " result after move").c_str(), [&] { (void)v.result(); });
    expect_consumed((prefix + " await after move").c_str(), [&] { await_lvalue(v).get(); });
    std::printf("%s moved-to result: %d\n", name, moved.result());
  }
}

int main() {
  run_all(Backing::value, "value");
  // CHECK:      value first await: 42
  // CHECK-NEXT: value await twice: InvalidOperationError already been consumed
  // CHECK-NEXT: value first rvalue await: 42
  // CHECK-NEXT: value rvalue await twice: InvalidOperationError already been consumed
  // CHECK-NEXT: value first result: 42
  // CHECK-NEXT: value result twice: InvalidOperationError already been consumed
  // CHECK-NEXT: value as_task: 42 42
  // CHECK-NEXT: value await after as_task: InvalidOperationError already been consumed
  // CHECK-NEXT: value result after move: InvalidOperationError already been consumed
  // CHECK-NEXT: value await after move: InvalidOperationError already been consumed
  // CHECK-NEXT: value moved-to result: 42
  run_all(Backing::task, "task");
  // CHECK-NEXT: task first await: 42
  // CHECK-NEXT: task await twice: InvalidOperationError already been consumed
  // CHECK-NEXT: task first rvalue await: 42
  // CHECK-NEXT: task rvalue await twice: InvalidOperationError already been consumed
  // CHECK-NEXT: task first result: 42
  // CHECK-NEXT: task result twice: InvalidOperationError already been consumed
  // CHECK-NEXT: task as_task: 42 42
  // CHECK-NEXT: task await after as_task: InvalidOperationError already been consumed
  // CHECK-NEXT: task result after move: InvalidOperationError already been consumed
  // CHECK-NEXT: task await after move: InvalidOperationError already been consumed
  // CHECK-NEXT: task moved-to result: 42
  run_all(Backing::source, "source");
  // CHECK-NEXT: source first await: 42
  // CHECK-NEXT: source await twice: InvalidOperationError already been consumed
  // CHECK-NEXT: source first rvalue await: 42
  // CHECK-NEXT: source rvalue await twice: InvalidOperationError already been consumed
  // CHECK-NEXT: source first result: 42
  // CHECK-NEXT: source result twice: InvalidOperationError already been consumed
  // CHECK-NEXT: source as_task: 42 42
  // CHECK-NEXT: source await after as_task: InvalidOperationError already been consumed
  // CHECK-NEXT: source result after move: InvalidOperationError already been consumed
  // CHECK-NEXT: source await after move: InvalidOperationError already been consumed
  // CHECK-NEXT: source moved-to result: 42

  // A consumption attempt that throws still consumes.
  vt::TaskCompletionSource<int> pending;
  vt::ValueTask<int> early(pending.task());
  try {
    (void)early.result();
  } catch (const vt::InvalidOperationError &e) {
    std::printf("result before completion: InvalidOperationError\n");
  }
  // CHECK-NEXT: result before completion: InvalidOperationError
  pending.set_result(5);
  expect_consumed("result after failed result", [&] { (void)early.result(); });
  // CHECK-NEXT: result after failed result: InvalidOperationError already been consumed

  // A pending task-backed value task awaited once works.
  vt::TaskCompletionSource<int> later;
  vt::ValueTask<int> once(later.task());
  vt::Task<int> awaiting = await_lvalue(once);
  std::printf("awaiting completed before set_result: %d\n", awaiting.is_completed());
  later.set_result(9);
  std::printf("task-backed awaited once: %d\n", awaiting.get());
  // CHECK-NEXT: awaiting completed before set_result: 0
  // CHECK-NEXT: task-backed awaited once: 9
}
