// The patterns valuetask-double-await reports, run against the runtime: in
// each, the second consumption throws InvalidOperationError ("... has
// already been consumed"). The fast path, which the check accepts, runs.
// RUN: %cxx %s %vtlib -o %t && timeout 60 %t | FileCheck %s
#include <vt/vt.hpp>

#include <cstdio>
#include <stdexcept>
#include <string_view>
#include <utility>

vt::ValueTask<int> fetch() { co_return 1; }

/// Runs one pattern to completion and prints what it returned or threw.
void run(const char *name, vt::Task<int> pattern) {
  try {
    std::printf("%s: returned %d\n", name, pattern.get());
  } catch (const vt::InvalidOperationError &error) {
    bool consumed = std::string_view(error.what()).find("already been consumed") != std::string_view::npos;
    std::printf("%s: InvalidOperationError%s\n", name, consumed ? ": already been consumed" : "");
  }
}

vt::Task<int> awaited_twice_in_a_row() {
  auto v = fetch();
  int x = co_await v;
  x += co_await v;
  co_return x;
}

vt::Task<int> consumed_in_then_and_after_if(bool condition) {
  auto v = fetch();
  int x = 0;
  if (condition)
    x = co_await v;
  x += co_await v;
  co_return x;
}

vt::Task<int> created_before_loop() {
  auto v = fetch();
  int x = 0;
  for (int i = 0; i < 3; ++i)
    x += co_await v;
  co_return x;
}

vt::Task<int> result_under_check_then_unconditional_await() {
  auto v = fetch();
  int x = 0;
  if (v.is_completed())
    x = v.result();
  x += co_await v;
  co_return x;
}

vt::Task<int> moved_then_original_awaited() {
  auto v = fetch();
  auto w = std::move(v);
  int x = co_await w;
  x += co_await v;
  co_return x;
}

vt::Task<int> consumed_in_try_and_in_handler() {
  auto v = fetch();
  try {
    int x = co_await v;
    if (x == 1)
      throw std::runtime_error("failure after the await");
  } catch (const std::runtime_error &) {
    vt::Task<int> fallback = v.as_task();
    (void)fallback;
  }
  co_return 0;
}

vt::Task<int> as_task_then_awaited() {
  auto v = fetch();
  vt::Task<int> task = v.as_task();
  int x = co_await task;
  x += co_await v;
  co_return x;
}

vt::Task<int> fast_path() {
  auto v = fetch();
  int x;
  if (v.is_completed())
    x = v.result();
  else
    x = co_await v;
  co_return x;
}

vt::Task<int> as_task_awaited_many_times() {
  auto v = fetch();
  vt::Task<int> task = v.as_task();
  int x = co_await task;
  x += co_await task;
  co_return x;
}

int main() {
  run("awaited twice in a row", awaited_twice_in_a_row());
  // CHECK: awaited twice in a row: InvalidOperationError: already been consumed
  run("consumed in then and after if", consumed_in_then_and_after_if(true));
  // CHECK-NEXT: consumed in then and after if: InvalidOperationError: already been consumed
  run("consumed after if, branch not taken", consumed_in_then_and_after_if(false));
  // CHECK-NEXT: consumed after if, branch not taken: returned 1
  run("created before loop", created_before_loop());
  // CHECK-NEXT: created before loop: InvalidOperationError: already been consumed
  run("result under check then await", result_under_check_then_unconditional_await());
  // CHECK-NEXT: result under check then await: InvalidOperationError: already been consumed
  run("moved then original awaited", moved_then_original_awaited());
  // CHECK-NEXT: moved then original awaited: InvalidOperationError: already been consumed
  run("consumed in try and in handler", consumed_in_try_and_in_handler());
  // CHECK-NEXT: consumed in try and in handler: InvalidOperationError: already been consumed
  run("as_task then awaited", as_task_then_awaited());
  // CHECK-NEXT: as_task then awaited: InvalidOperationError: already been consumed
  run("fast path", fast_path());
  // CHECK-NEXT: fast path: returned 1
  run("as_task awaited many times", as_task_awaited_many_times());
  // CHECK-NEXT: as_task awaited many times: returned 2
}
