// REQUIRES: checks
// RUN: %check_clang_tidy %s 'valuetask-*' %t

// NOLINT, NOLINTNEXTLINE and NOLINTBEGIN/NOLINTEND suppress the valuetask-*
// checks like any clang-tidy check: all of them, or the ones named.

#include <vt/vt.hpp>

vt::Task<int> fetch();
vt::ValueTask<int> load();

struct Suppressed {
  vt::ValueTask<int> bare_; // NOLINT
  vt::ValueTask<int> named_; // NOLINT(valuetask-stored)
  vt::ValueTask<int> glob_; // NOLINT(valuetask-*)
  vt::ValueTask<int> listed_; // NOLINT(bugprone-use-after-move, valuetask-stored)
  // NOLINTNEXTLINE
  vt::ValueTask<int> next_line_;
  // NOLINTNEXTLINE(valuetask-stored)
  vt::ValueTask<int> next_line_named_;
};

struct NotSuppressed {
  vt::ValueTask<int> other_check_; // NOLINT(bugprone-use-after-move)
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: value task stored in data member 'other_check_'; {{.*}} [valuetask-stored]
  vt::ValueTask<int> other_valuetask_check_; // NOLINT(valuetask-always-async)
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: value task stored in data member 'other_valuetask_check_'; {{.*}} [valuetask-stored]
  // NOLINTNEXTLINE
  int unrelated_;
  vt::ValueTask<int> after_next_line_;
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: value task stored in data member 'after_next_line_'; {{.*}} [valuetask-stored]
};

vt::ValueTask<int> always_async_bare() { // NOLINT
  co_return co_await fetch();
}

// NOLINTNEXTLINE(valuetask-always-async)
vt::ValueTask<int> always_async_next_line() { co_return co_await fetch(); }

vt::ValueTask<int> always_async_reported() {
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: function 'always_async_reported' returns a value task but never completes synchronously; {{.*}} [valuetask-always-async]
  co_return co_await fetch();
}

// NOLINTBEGIN
vt::ValueTask<int> in_block_global{0};
vt::ValueTask<int> in_block_function() { co_return co_await fetch(); }
// NOLINTEND

// NOLINTBEGIN(valuetask-stored)
vt::ValueTask<int> in_named_block_global{0};
vt::ValueTask<int> in_named_block_function() { co_return co_await fetch(); }
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: function 'in_named_block_function' {{.*}} [valuetask-always-async]
// NOLINTEND(valuetask-stored)

vt::ValueTask<int> after_block_global{0};
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: value task stored in global variable 'after_block_global'; {{.*}} [valuetask-stored]

// The flow checks honour the same comments.
vt::Task<int> flow_checks() {
  vt::ValueTask<int> twice = load();
  int a = co_await twice;
  int b = co_await twice; // NOLINT(valuetask-double-await)
  vt::ValueTask<int> again = load();
  int c = co_await again;
  // NOLINTNEXTLINE(valuetask-double-await)
  int d = co_await again;
  vt::ValueTask<int> reported = load();
  int e = co_await reported;
  int f = co_await reported;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: value task 'reported' is consumed a second time; {{.*}} [valuetask-double-await]
  // NOLINTBEGIN(valuetask-unawaited, valuetask-result-before-completion)
  load();
  vt::ValueTask<int> early = load();
  int g = early.result();
  // NOLINTEND(valuetask-unawaited, valuetask-result-before-completion)
  co_return a + b + c + d + e + f + g;
}
