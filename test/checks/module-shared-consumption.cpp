// RUN: %check_clang_tidy %s valuetask-double-await,valuetask-result-before-completion,valuetask-unawaited %t -- -config='{CheckOptions: {valuetask-double-await.ValueTaskTypes: "::lib::Future"}}'
// REQUIRES: checks

// The three flow checks share one consumption analysis per function
// (checks/utils/SharedConsumption.h), but a check configured with other
// value-task types must still get its own: here double-await knows only
// lib::Future, the other two only vt::ValueTask. Whichever check analyses a
// function first, each reports what its own types say, in the same function.

#include <vt/vt.hpp>

namespace lib {
template <typename T> struct Future {
  Future(Future &&) noexcept;
  ~Future();
  bool is_completed() const;
  T result();
  vt::Task<T> as_task();
  auto operator co_await() { return vt::ValueTask<T>(T()).operator co_await(); }
};
} // namespace lib

lib::Future<int> load();
vt::ValueTask<int> fetch();

vt::Task<int> each_check_its_own_types() {
  lib::Future<int> f = load();
  int x = co_await f;
  x += co_await f;
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: value task 'f' is consumed a second time{{.*}} [valuetask-double-await]
  vt::ValueTask<int> v = fetch();
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: value task 'v' is not consumed on every path{{.*}} [valuetask-unawaited]
  vt::ValueTask<int> w = fetch();
  x += w.result();
// CHECK-MESSAGES: :[[@LINE-1]]:10: warning: result() is called on value task 'w' that may not be complete{{.*}} [valuetask-result-before-completion]
  x += co_await w;
  co_return x;
}

// Every value task consumed once: no check reports anything here, so no
// finding of the function above leaks into this one.
vt::Task<int> nothing_to_report() {
  lib::Future<int> f = load();
  vt::ValueTask<int> v = fetch();
  co_return co_await f + co_await v;
}
