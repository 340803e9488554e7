// Semantic 6: code after `co_await` of an incomplete task is queued to the
// pool, never run inline inside set_result, cancel, or the completion of the
// task it awaits. On a one-thread pool the order of the log shows it: the
// completing work item finishes before the continuation starts.
// RUN: %cxx %s %vtlib -o %t && timeout 60 %t | FileCheck %s
#include <vt/vt.hpp>

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

std::mutex log_mutex;
std::vector<std::string> log_lines;
void log(const std::string &line) {
  std::lock_guard lock(log_mutex);
  log_lines.push_back(line);
}
void print_log() {
  for (auto &line : log_lines)
    std::printf("%s\n", line.c_str());
  log_lines.clear();
}

vt::Task<> await_and_log(vt::Task<> task, std::string name) {
  co_await task;
  log(name + " resumed");
}

vt::Task<> await_canceled(vt::Task<> task) {
  try {
    co_await task;
  } catch (const vt::OperationCanceledError &) {
    log("canceled continuation resumed");
  }
}

vt::Task<> inner(vt::Task<> gate) {
  co_await gate;
  log("inner completing");
}

int main() {
  vt::ThreadPool pool(1);

  // set_result on a pool worker: the continuation waits its turn.
  vt::TaskCompletionSource<> source;
  vt::Task<> awaiting = pool.run([&] { return await_and_log(source.task(), "after set_result"); });
  pool.run([&] {
    log("set_result called");
    source.set_result();
    log("set_result returned; completing work item ends");
  }).get();
  awaiting.get();
  print_log();
  // CHECK:      set_result called
  // CHECK-NEXT: set_result returned; completing work item ends
  // CHECK-NEXT: after set_result resumed

  // cancel on a pool worker: a delay canceled by the token.
  vt::CancellationTokenSource cts;
  vt::Task<> canceled = pool.run([&] { return await_canceled(vt::delay(std::chrono::hours(1), cts.token())); });
  pool.run([&] {
    log("cancel called");
    cts.cancel();
    log("cancel returned");
  }).get();
  canceled.get();
  print_log();
  // CHECK-NEXT: cancel called
  // CHECK-NEXT: cancel returned
  // CHECK-NEXT: canceled continuation resumed

  // Another task's completion: `outer` awaits `inner`, which completes on the
  // worker; outer resumes only after inner's completion has fully returned.
  vt::TaskCompletionSource<> gate;
  vt::Task<> chained = pool.run([&] { return await_and_log(inner(gate.task()), "outer"); });
  pool.run([&] {
    gate.set_result();
    log("gate opened");
  }).get();
  chained.get();
  print_log();
  // CHECK-NEXT: gate opened
  // CHECK-NEXT: inner completing
  // CHECK-NEXT: outer resumed

  // Completed from a thread outside the pool: the continuation does not run
  // on the completing thread.
  vt::TaskCompletionSource<> external;
  std::thread::id resumed_on;
  vt::Task<> remote = pool.run([&]() -> vt::Task<> {
    co_await external.task();
    resumed_on = std::this_thread::get_id();
  });
  std::thread completer([&] {
    external.set_result();
    remote.wait();
    std::printf("resumed on the completing thread: %d\n", resumed_on == std::this_thread::get_id());
  });
  completer.join();
  // CHECK-NEXT: resumed on the completing thread: 0
}
