// RUN: %check_clang_tidy %s valuetask-unawaited %t -- -config='{CheckOptions: {valuetask-unawaited.AllowExplicitDiscard: true}}'
// REQUIRES: checks

#include <vt/vt.hpp>
#include <tuple>

vt::ValueTask<int> fetch();

void explicit_discards_are_allowed() {
  (void)fetch();
  static_cast<void>(fetch());
  std::ignore = fetch();
}

void silent_discards_are_still_flagged() {
  fetch();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: value task returned by 'fetch' is never awaited; a dropped value task loses its result and its errors: co_await it [valuetask-unawaited]
}

vt::ValueTask<int> unconsumed_locals_are_still_flagged() {
  auto v = fetch();
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: value task 'v' is not consumed on every path; a dropped value task loses its result and its errors: co_await it, or call result() or as_task() on it [valuetask-unawaited]
  co_return 0;
}
