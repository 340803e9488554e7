// The pattern valuetask-stored reports, run against the runtime: a value task
// kept in a data member is reachable by every caller, so the second caller's
// await throws InvalidOperationError ("... has already been consumed"). The
// fix the check suggests, keeping a vt::Task (as_task()), serves every caller.
// RUN: %cxx %s %vtlib -o %t && timeout 60 %t | FileCheck %s
#include <vt/vt.hpp>

#include <cstdio>
#include <string_view>
#include <utility>
#include <vector>

vt::ValueTask<int> load_config() { co_return 42; }

/// Keeps the value task itself: what valuetask-stored reports.
class StoredValueTask {
public:
  StoredValueTask() : pending_(load_config()) {}
  vt::Task<int> value() { co_return co_await std::move(pending_); }

private:
  vt::ValueTask<int> pending_; // NOLINT(valuetask-stored): the misuse shown here
};

/// Keeps a task: what the check asks for.
class StoredTask {
public:
  StoredTask() : pending_(load_config().as_task()) {}
  vt::Task<int> value() { co_return co_await pending_; }

private:
  vt::Task<int> pending_;
};

template <class Holder> void ask_twice(const char *name) {
  Holder holder;
  for (int caller = 1; caller <= 2; ++caller) {
    try {
      std::printf("%s: caller %d got %d\n", name, caller, holder.value().get());
    } catch (const vt::InvalidOperationError &error) {
      bool consumed = std::string_view(error.what()).find("already been consumed") != std::string_view::npos;
      std::printf("%s: caller %d: InvalidOperationError%s\n", name, caller,
                  consumed ? ": already been consumed" : "");
    }
  }
}

/// A local collection of value tasks, walked twice.
void collection_walked_twice() {
  std::vector<vt::ValueTask<int>> parts; // NOLINT(valuetask-stored): the misuse shown here
  parts.push_back(load_config());
  parts.push_back(load_config());
  for (int pass = 1; pass <= 2; ++pass) {
    try {
      int sum = 0;
      for (auto &part : parts)
        sum += part.result();
      std::printf("collection: pass %d summed %d\n", pass, sum);
    } catch (const vt::InvalidOperationError &error) {
      bool consumed = std::string_view(error.what()).find("already been consumed") != std::string_view::npos;
      std::printf("collection: pass %d: InvalidOperationError%s\n", pass,
                  consumed ? ": already been consumed" : "");
    }
  }
}

int main() {
  ask_twice<StoredValueTask>("value task member");
  // CHECK: value task member: caller 1 got 42
  // CHECK-NEXT: value task member: caller 2: InvalidOperationError: already been consumed
  ask_twice<StoredTask>("task member");
  // CHECK-NEXT: task member: caller 1 got 42
  // CHECK-NEXT: task member: caller 2 got 42
  collection_walked_twice();
  // CHECK-NEXT: collection: pass 1 summed 84
  // CHECK-NEXT: collection: pass 2: InvalidOperationError: already been consumed
}
