// The patterns valuetask-result-before-completion reports, run against the
// runtime: result() on a pending value task throws InvalidOperationError
// ("... has not completed yet"). Reads the check accepts succeed.
// RUN: %cxx %s %vtlib -o %t && timeout 60 %t | FileCheck %s
#include <vt/vt.hpp>

#include <cassert>
#include <cstdio>
#include <functional>
#include <string_view>

vt::TaskCompletionSource<int> gate;

/// Pending until the gate opens.
vt::ValueTask<int> fetch() { return vt::ValueTask<int>(gate.task()); }

void run(const char *name, const std::function<int()> &pattern) {
  try {
    std::printf("%s: returned %d\n", name, pattern());
  } catch (const vt::InvalidOperationError &error) {
    bool pending = std::string_view(error.what()).find("has not completed yet") != std::string_view::npos;
    std::printf("%s: InvalidOperationError%s\n", name, pending ? ": has not completed yet" : "");
  }
}

int read_without_check() {
  auto v = fetch();
  return v.result();
}

int read_straight_off_a_call() { return fetch().result(); }

int assert_after_the_read() {
  auto v = fetch();
  int x = v.result();
  assert(v.is_completed());
  return x;
}

int dominating_check() {
  auto v = fetch();
  if (v.is_completed())
    return v.result();
  vt::Task<int> later = v.as_task();
  return -1;
}

int constructed_from_a_value() {
  vt::ValueTask<int> v(42);
  return v.result();
}

int main() {
  run("read without check", read_without_check);
  // CHECK: read without check: InvalidOperationError: has not completed yet
  run("read straight off a call", read_straight_off_a_call);
  // CHECK-NEXT: read straight off a call: InvalidOperationError: has not completed yet
  run("assert after the read", assert_after_the_read);
  // CHECK-NEXT: assert after the read: InvalidOperationError: has not completed yet
  run("dominating check, pending", dominating_check);
  // CHECK-NEXT: dominating check, pending: returned -1
  run("constructed from a value", constructed_from_a_value);
  // CHECK-NEXT: constructed from a value: returned 42
  gate.set_result(5);
  run("dominating check, complete", dominating_check);
  // CHECK-NEXT: dominating check, complete: returned 5
  run("read without check, complete", read_without_check);
  // CHECK-NEXT: read without check, complete: returned 5
}
