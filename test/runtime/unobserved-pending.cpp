// Semantic 4: a pending value task destroyed unconsumed reaches the
// unobserved handler exactly once; a ready one never does. A faulted task
// whose exception nobody observed is reported when its last handle goes.
// RUN: %cxx %s %vtlib -o %t && timeout 60 %t | FileCheck %s
#include <vt/vt.hpp>

#include <atomic>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>

std::atomic<int> reports{0};

vt::ValueTask<int> pending_coroutine(vt::Task<int> gate) { co_return co_await gate; }

void show(const char *what) { std::printf("%s: %d\n", what, reports.exchange(0)); }

int main() {
  vt::set_unobserved_handler([](std::string_view message) {
    reports.fetch_add(1);
    std::printf("handler: %.*s\n", static_cast<int>(message.size()), message.data());
  });

  { vt::ValueTask<int> ready(1); }
  { vt::ValueTask<> ready_void; }
  show("ready value dropped");
  // CHECK: ready value dropped: 0

  vt::ManualResetValueTaskSource<int> source;
  { vt::ValueTask<int> pending = source.value_task(); }
  // CHECK-NEXT: handler: a pending vt::ValueTask was destroyed without being consumed
  show("pending source-backed dropped");
  // CHECK-NEXT: pending source-backed dropped: 1

  source.set_result(1);
  { vt::ValueTask<int> completed = source.value_task(); }
  show("completed source-backed dropped");
  // CHECK-NEXT: completed source-backed dropped: 0

  vt::TaskCompletionSource<int> gate;
  { vt::ValueTask<int> pending(gate.task()); }
  // CHECK-NEXT: handler: a pending vt::ValueTask
  show("pending task-backed dropped");
  // CHECK-NEXT: pending task-backed dropped: 1

  { vt::ValueTask<int> pending = pending_coroutine(gate.task()); }
  // CHECK-NEXT: handler: a pending vt::ValueTask
  show("pending coroutine dropped");
  // CHECK-NEXT: pending coroutine dropped: 1

  { // Moved-from counts as consumed; the moved-to one reports once.
    vt::ValueTask<int> first(gate.task());
    vt::ValueTask<int> second = std::move(first);
  }
  // CHECK-NEXT: handler: a pending vt::ValueTask
  show("pending moved then dropped");
  // CHECK-NEXT: pending moved then dropped: 1

  { vt::ValueTask<int> completed(vt::from_result(3)); }
  show("completed task-backed dropped");
  // CHECK-NEXT: completed task-backed dropped: 0

  gate.set_result(2); // The dropped coroutine finishes (and frees itself).
  vt::run([] { return 0; }).get();
  show("after the gate opened");
  // CHECK-NEXT: after the gate opened: 0

  { vt::Task<> faulted = vt::from_exception(std::make_exception_ptr(std::runtime_error("lost"))); }
  // CHECK-NEXT: handler: a faulted vt::Task was destroyed without its exception being observed: lost
  show("faulted task never observed");
  // CHECK-NEXT: faulted task never observed: 1

  {
    vt::Task<> faulted = vt::from_exception(std::make_exception_ptr(std::runtime_error("seen")));
    try {
      faulted.get();
    } catch (const std::runtime_error &) {
    }
  }
  show("faulted task observed by get");
  // CHECK-NEXT: faulted task observed by get: 0

  { vt::Task<> canceled = vt::from_canceled(vt::CancellationToken::none()); }
  show("canceled task dropped");
  // CHECK-NEXT: canceled task dropped: 0
}
