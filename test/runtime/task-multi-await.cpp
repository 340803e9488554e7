// Semantic 5: a Task is awaited many times and from copies; its exception
// reaches every awaiter and get(); when_all and when_any.
// RUN: %cxx %s %vtlib -o %t && timeout 60 %t | FileCheck %s
#include <vt/vt.hpp>

#include <atomic>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

vt::Task<int> add_one(vt::Task<int> source) { co_return co_await source + 1; }

vt::Task<std::string> describe(vt::Task<int> source) {
  try {
    co_return "value " + std::to_string(co_await source);
  } catch (const std::exception &e) {
    co_return std::string("caught ") + e.what();
  }
}

vt::Task<int> after(vt::Task<> gate, int value) {
  co_await gate;
  co_return value;
}

int main() {
  // Ten awaiters on one pending task, each from its own copy, plus direct
  // get() calls and a second await of the same copy.
  vt::TaskCompletionSource<int> source;
  vt::Task<int> shared = source.task();
  std::vector<vt::Task<int>> awaiters;
  for (int i = 0; i < 10; ++i)
    awaiters.push_back(add_one(vt::Task<int>(shared)));
  vt::Task<int> twice = [](vt::Task<int> t) -> vt::Task<int> { co_return co_await t + co_await t; }(shared);
  source.set_result(41);
  int total = 0;
  for (auto &awaiter : awaiters)
    total += awaiter.get();
  std::printf("10 awaiters: %d; same copy twice: %d; get twice: %d %d\n", total, twice.get(), shared.get(), shared.get());
  // CHECK: 10 awaiters: 420; same copy twice: 82; get twice: 41 41

  // A fault reaches every awaiter and every get().
  vt::TaskCompletionSource<int> failing;
  vt::Task<std::string> first = describe(failing.task());
  vt::Task<std::string> second = describe(failing.task());
  failing.set_exception(std::make_exception_ptr(std::runtime_error("boom")));
  std::printf("%s / %s\n", first.get().c_str(), second.get().c_str());
  // CHECK-NEXT: caught boom / caught boom
  for (int i = 0; i < 2; ++i) {
    try {
      failing.task().get();
    } catch (const std::runtime_error &e) {
      std::printf("get %d: %s\n", i, e.what());
    }
  }
  // CHECK-NEXT: get 0: boom
  // CHECK-NEXT: get 1: boom
  vt::Task<int> faulted = failing.task();
  std::printf("faulted %d completed %d successfully %d canceled %d\n", faulted.is_faulted(), faulted.is_completed(),
              faulted.is_completed_successfully(), faulted.is_canceled());
  // CHECK-NEXT: faulted 1 completed 1 successfully 0 canceled 0

  // when_all: tuple (void gives monostate), vector, vector of void.
  vt::TaskCompletionSource<> gate;
  auto tuple_task = vt::when_all(after(gate.task(), 1), vt::from_result(std::string("two")), gate.task());
  auto vector_task = vt::when_all(std::vector<vt::Task<int>>{after(gate.task(), 3), after(gate.task(), 4)});
  auto void_task = vt::when_all(std::vector<vt::Task<>>{gate.task(), gate.task()});
  std::printf("when_all completed before gate: %d %d %d\n", tuple_task.is_completed(), vector_task.is_completed(),
              void_task.is_completed());
  // CHECK-NEXT: when_all completed before gate: 0 0 0
  gate.set_result();
  auto [one, two, none] = tuple_task.get();
  (void)none;
  auto values = vector_task.get();
  void_task.get();
  std::printf("when_all: %d %s %d %d\n", one, two.c_str(), values[0], values[1]);
  // CHECK-NEXT: when_all: 1 two 3 4

  // when_all: the first fault in argument order, after everything completed.
  auto mixed = vt::when_all(std::vector<vt::Task<int>>{
      vt::from_result(1), vt::from_exception<int>(std::make_exception_ptr(std::runtime_error("first"))),
      vt::from_exception<int>(std::make_exception_ptr(std::runtime_error("second")))});
  try {
    mixed.get();
  } catch (const std::runtime_error &e) {
    std::printf("when_all fault: %s\n", e.what());
  }
  // CHECK-NEXT: when_all fault: first

  // when_any: the first to complete, as a task.
  vt::TaskCompletionSource<int> slow, fast;
  auto any = vt::when_any(std::vector<vt::Task<int>>{slow.task(), fast.task()});
  std::printf("when_any completed before any input: %d\n", any.is_completed());
  fast.set_result(2);
  vt::Task<int> winner = any.get();
  slow.set_result(1);
  std::printf("when_any winner: %d (is fast: %d)\n", winner.get(), winner == fast.task());
  // CHECK-NEXT: when_any completed before any input: 0
  // CHECK-NEXT: when_any winner: 2 (is fast: 1)
  auto already = vt::when_any(std::vector<vt::Task<int>>{slow.task(), fast.task()}).get();
  std::printf("when_any over completed inputs: %d\n", already.get());
  // CHECK-NEXT: when_any over completed inputs: 1
}
