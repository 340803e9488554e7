// REQUIRES: checks
// RUN: %check_clang_tidy %s valuetask-always-async %t -- \
// RUN:   -config="{CheckOptions: {ValueTaskTypes: '::vt::ValueTask;::net::Lazy', TaskTypes: '::vt::Task;::net::Shared'}}"
// The fixed file still compiles:
// RUN: %cxx -fsyntax-only %t.cpp

#include <vt/vt.hpp>

namespace net {
template <class T> struct Shared {};
template <class T> struct Lazy {
  Lazy(T);
  Lazy(Shared<T>);
};
Shared<int> start();
} // namespace net

// The suggested task type is the one beside the value task type: net::Shared
// for net::Lazy, and the fix swaps the template name only.
net::Lazy<int> wraps_shared() {
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: function 'wraps_shared' returns a value task but never completes synchronously; every return wraps a task: return net::Shared<int> instead [valuetask-always-async]
  // CHECK-FIXES: net::Shared<int> wraps_shared() {
  return net::Lazy<int>(net::start());
  // CHECK-FIXES: return net::start();
}

net::Lazy<int> ready() { return net::Lazy<int>(7); }

// A class annotated as a value task, with no configured task type in its
// namespace: the message names the first task type, and there is no fix.
namespace other {
template <class T> struct [[clang::annotate("vt::value_task")]] Deferred {
  Deferred(vt::Task<T>);
};
} // namespace other

other::Deferred<int> wraps_vt_task(vt::Task<int> task) {
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: function 'wraps_vt_task' returns a value task but never completes synchronously; every return wraps a task: return vt::Task<int> instead [valuetask-always-async]
  // CHECK-FIXES: other::Deferred<int> wraps_vt_task(vt::Task<int> task) {
  return other::Deferred<int>(task);
  // CHECK-FIXES: return other::Deferred<int>(task);
}

// vt::ValueTask is still a value task with the option set.
vt::ValueTask<int> still_checked(vt::Task<int> task) { return task; }
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: function 'still_checked' {{.*}}: return vt::Task<int> instead [valuetask-always-async]
// CHECK-FIXES: vt::Task<int> still_checked(vt::Task<int> task) { return task; }
