// REQUIRES: checks
// RUN: %check_clang_tidy %s valuetask-stored %t -- \
// RUN:   -config="{CheckOptions: {ValueTaskTypes: '::vt::ValueTask;::net::Lazy', TaskTypes: '::vt::Task;::net::Shared'}}"

#include <vt/vt.hpp>

#include <memory>
#include <optional>
#include <vector>

namespace net {
template <class T> struct Lazy {};
template <class T> struct Shared {};

// A class annotated as a value task opts in without configuration; a value
// task class may hold value tasks of its own kind (its implementation).
struct [[clang::annotate("vt::value_task")]] Deferred {
  std::unique_ptr<Deferred> next_;
  struct Awaiter {
    std::optional<Lazy<int>> inner_;
  };
};
} // namespace net

struct Client {
  net::Lazy<int> lazy_;
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: value task stored in data member 'lazy_'; {{.*}} [valuetask-stored]
  std::vector<net::Deferred> deferred_;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: value task stored in data member 'deferred_'; {{.*}} [valuetask-stored]
  vt::ValueTask<int> still_a_value_task_;
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: value task stored in data member 'still_a_value_task_'; {{.*}} [valuetask-stored]
  net::Shared<int> shared_;
  std::vector<net::Shared<int>> many_shared_;
};
