// The patterns valuetask-unawaited reports, run against the runtime: each
// drops a pending value task, which reaches the unobserved handler (its
// result and any error are lost). The consumed variants report nothing.
// RUN: %cxx %s %vtlib -o %t && timeout 60 %t | FileCheck %s
#include <vt/vt.hpp>

#include <atomic>
#include <cstdio>
#include <string_view>
#include <tuple>
#include <utility>

std::atomic<int> reports{0};
vt::TaskCompletionSource<int> gate;

/// Pending until the gate opens.
vt::ValueTask<int> fetch() { co_return co_await gate.task(); }

void show(const char *what) { std::printf("%s: %d report(s)\n", what, reports.exchange(0)); }

void discarded_with_void_cast() { (void)fetch(); }

void discarded_with_std_ignore() { std::ignore = fetch(); }

void local_never_consumed() {
  auto v = fetch();
}

vt::Task<int> local_skipped_by_early_return(bool early) {
  auto v = fetch();
  if (early)
    co_return -1;
  co_return co_await v;
}

void local_overwritten_before_consumption() {
  auto v = fetch();
  v = fetch();
  vt::Task<int> kept = v.as_task();
  (void)kept;
}

void local_handed_to_as_task() {
  auto v = fetch();
  vt::Task<int> kept = v.as_task();
  (void)kept;
}

int main() {
  vt::set_unobserved_handler([](std::string_view message) {
    reports.fetch_add(1);
    std::printf("handler: %.*s\n", static_cast<int>(message.size()), message.data());
  });

  discarded_with_void_cast();
  // CHECK: handler: a pending vt::ValueTask was destroyed without being consumed
  show("discarded with (void)");
  // CHECK-NEXT: discarded with (void): 1 report(s)

  discarded_with_std_ignore();
  // CHECK-NEXT: handler: a pending vt::ValueTask was destroyed without being consumed
  show("discarded with std::ignore");
  // CHECK-NEXT: discarded with std::ignore: 1 report(s)

  local_never_consumed();
  // CHECK-NEXT: handler: a pending vt::ValueTask was destroyed without being consumed
  show("local never consumed");
  // CHECK-NEXT: local never consumed: 1 report(s)

  vt::Task<int> early = local_skipped_by_early_return(true);
  // CHECK-NEXT: handler: a pending vt::ValueTask was destroyed without being consumed
  show("local skipped by an early return");
  // CHECK-NEXT: local skipped by an early return: 1 report(s)

  local_overwritten_before_consumption();
  // CHECK-NEXT: handler: a pending vt::ValueTask was destroyed without being consumed
  show("local overwritten before consumption");
  // CHECK-NEXT: local overwritten before consumption: 1 report(s)

  local_handed_to_as_task();
  show("local consumed by as_task");
  // CHECK-NEXT: local consumed by as_task: 0 report(s)

  vt::Task<int> awaited = local_skipped_by_early_return(false);
  gate.set_result(7);
  std::printf("awaited on every path: %d\n", awaited.get());
  // CHECK-NEXT: awaited on every path: 7
  std::printf("early return: %d\n", early.get());
  // CHECK-NEXT: early return: -1
  vt::run([] { return 0; }).get();
  show("after the gate opened");
  // CHECK-NEXT: after the gate opened: 0
}
