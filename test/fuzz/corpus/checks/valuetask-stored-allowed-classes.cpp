// REQUIRES: checks
// RUN: %check_clang_tidy %s valuetask-stored %t -- \
// RUN:   -config="{CheckOptions: {valuetask-stored.AllowedClasses: 'WhenBothAwaiter; ::lib::Combinator'}}"

#include <vt/vt.hpp>

#include <optional>
#include <vector>

// Classes that hold a value task by design (awaiters, combinators) are named
// in AllowedClasses: their members, nested classes and static members are
// not reported.
struct WhenBothAwaiter {
  vt::ValueTask<int> first_;
  vt::ValueTask<int> second_;
  struct State {
    std::optional<vt::ValueTask<int>> pending_;
  };
};

namespace lib {
template <class T> class Combinator {
  std::vector<vt::ValueTask<T>> parts_;
  static inline vt::ValueTask<int> shared_{0};
};
constexpr auto size_int = sizeof(Combinator<int>);
constexpr auto size_long = sizeof(Combinator<long>);

// Only the qualified name given is allowed, not a namesake elsewhere.
struct WhenBothAwaiter {
  vt::ValueTask<int> first_;
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: value task stored in data member 'first_'; {{.*}} [valuetask-stored]
};
} // namespace lib

// Members of the allowed class are exempt, not variables of its type's
// functions.
int helper() {
  static vt::ValueTask<int> still_reported{0};
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: value task stored in static variable 'still_reported'; {{.*}} [valuetask-stored]
  return 0;
}

struct NotAllowed {
  vt::ValueTask<int> pending_;
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: value task stored in data member 'pending_'; {{.*}} [valuetask-stored]
};
