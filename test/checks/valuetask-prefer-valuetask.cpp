// REQUIRES: checks
// The profile's entries name this file (its copy, %t.cpp) and lines in it.
// RUN: sed 's|@FILE@|%t.cpp|g' %S/Inputs/profiles/prefer-valuetask.json > %t.json
// RUN: %check_clang_tidy %s valuetask-prefer-valuetask %t -- -config="{CheckOptions: {valuetask-prefer-valuetask.ProfileFile: '%t.json'}}"
// Without a profile the check reports nothing:
// RUN: %check_clang_tidy -check-suffix=NONE %s valuetask-prefer-valuetask %t

#include <string>
#include <vt/vt.hpp>

vt::Task<std::string> fetch_config(std::string key);

// 9,990,000 of 10,000,000 calls found the value in memory.
vt::Task<std::string> get_config(std::string key) {
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'get_config' completed synchronously on 99.9% of 10,000,000 calls; returning ValueTask<std::string> would avoid about 9,990,000 allocations [valuetask-prefer-valuetask]
  if (key.empty())
    co_return "default";
  co_return co_await fetch_config(key);
}

namespace gateway {
struct Response {
  int status = 200;
};
class Router {
public:
  // Exactly 70%: at PreferSyncRate.
  vt::Task<Response> route(int request) {
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'route' completed synchronously on 70% of 1,000 calls; returning ValueTask<Response> would avoid about 700 allocations [valuetask-prefer-valuetask]
    co_return Response{request};
  }
};
} // namespace gateway

// A share that rounds to 100% is not shown as 100%.
vt::Task<int> almost_always(int key) {
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'almost_always' completed synchronously on 99.99% of 20,000 calls; returning ValueTask<int> would avoid about 19,998 allocations [valuetask-prefer-valuetask]
  co_return key;
}

// Task<void>: the suggestion keeps the written arguments.
vt::Task<> touch() {
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'touch' completed synchronously on 100% of 1,000 calls; returning ValueTask<> would avoid about 1,000 allocations [valuetask-prefer-valuetask]
  co_return;
}

// --- No advice -------------------------------------------------------------

// 69.9%: below PreferSyncRate.
vt::Task<int> mostly_cached(int key) { co_return key; }

// Always synchronous but only 999 calls: below MinCalls.
vt::Task<int> rarely_called(int key) { co_return key; }

// Already a value task.
vt::ValueTask<int> already_a_value_task(int key) { co_return key; }

// Measured while it still returned a ValueTask: those counts do not judge
// the Task it returns now.
vt::Task<int> converted_to_task(int key) { co_return key; }
