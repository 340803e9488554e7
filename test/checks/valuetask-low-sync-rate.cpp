// REQUIRES: checks
// The profile's entries name this file (its copy, %t.cpp) and lines in it.
// RUN: sed 's|@FILE@|%t.cpp|g' %S/Inputs/profiles/low-sync-rate.json > %t.json
// RUN: %check_clang_tidy %s valuetask-low-sync-rate %t -- -config="{CheckOptions: {valuetask-low-sync-rate.ProfileFile: '%t.json'}}"
// Without a profile the check reports nothing:
// RUN: %check_clang_tidy -check-suffix=NONE %s valuetask-low-sync-rate %t
// The global option serves too:
// RUN: %check_clang_tidy %s valuetask-low-sync-rate %t -- -config="{CheckOptions: {ProfileFile: '%t.json'}}"

#include <vt/vt.hpp>

struct Product {
  int id = 0;
};
vt::Task<Product> load(int id);

// 3,720 of 12,000 calls were synchronous: a coroutine, so the return type
// can simply become the task.
vt::ValueTask<Product> get_product(int id) {
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'get_product' completed synchronously on 31% of 12,000 calls; a ValueTask pays off only when most calls complete synchronously; return Task<Product> [valuetask-low-sync-rate]
  // CHECK-FIXES: {{^}}vt::Task<Product> get_product(int id) {{{$}}
  if (id > 100)
    co_return Product{id};
  co_return co_await load(id);
}

// 20% of 5,000: a plain function's `return Product{...}` would not compile
// with a Task return type: advice without a fix.
vt::ValueTask<Product> plain_lookup(int id) {
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'plain_lookup' completed synchronously on 20% of 5,000 calls; a ValueTask pays off only when most calls complete synchronously; return Task<Product> [valuetask-low-sync-rate]
  // CHECK-FIXES: {{^}}vt::ValueTask<Product> plain_lookup(int id) {{{$}}
  if (id > 100)
    return Product{id};
  return load(id);
}

namespace shop {
class Cache {
public:
  // Two entries (say, two builds' signatures) are summed: 300 of 2,000.
  vt::ValueTask<int> find(int key) {
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'find' completed synchronously on 15% of 2,000 calls; a ValueTask pays off only when most calls complete synchronously; return Task<int> [valuetask-low-sync-rate]
    // CHECK-FIXES: {{^}}  vt::Task<int> find(int key) {{{$}}
    co_return key;
  }

  // Virtual: an override must keep its base's signature; no fix.
  virtual vt::ValueTask<int> fetch(int key) {
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'fetch' completed synchronously on 0% of 1,000 calls; a ValueTask pays off only when most calls complete synchronously; return Task<int> [valuetask-low-sync-rate]
    // CHECK-FIXES: {{^}}  virtual vt::ValueTask<int> fetch(int key) {{{$}}
    co_return key;
  }
};
} // namespace shop

// Declared twice: reported at the definition, no fix.
vt::ValueTask<int> declared_twice(int key);
vt::ValueTask<int> declared_twice(int key) {
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'declared_twice' completed synchronously on 49.9% of 1,000 calls; a ValueTask pays off only when most calls complete synchronously; return Task<int> [valuetask-low-sync-rate]
  // CHECK-FIXES: {{^}}vt::ValueTask<int> declared_twice(int key) {{{$}}
  co_return key;
}

// A template: every instantiation shares one entry, reported at the pattern.
template <typename T>
vt::ValueTask<T> generic_lookup(T key) {
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'generic_lookup' completed synchronously on 0.1% of 1,000 calls; a ValueTask pays off only when most calls complete synchronously; return Task<T> [valuetask-low-sync-rate]
  // CHECK-FIXES: {{^}}vt::Task<T> generic_lookup(T key) {{{$}}
  co_return key;
}
template vt::ValueTask<int> generic_lookup(int);

// --- No advice -------------------------------------------------------------

// Exactly 50%: not below MinSyncRate.
vt::ValueTask<int> half_synchronous(int key) { co_return key; }

// 10% but only 999 calls: below MinCalls.
vt::ValueTask<int> rarely_called(int key) { co_return key; }

// A Task with a low rate is what this check recommends already.
vt::Task<int> already_a_task(int key) { co_return key; }

// The entry's line lies outside this function: the code moved, the entry
// is stale and ignored.
vt::ValueTask<int> moved_function(int key) { co_return key; }

// Same name in another namespace: not the profiled function.
namespace other {
vt::ValueTask<Product> get_product(int id) { co_return Product{id}; }
} // namespace other
