// Semantic 9 (run): run() with a canceled token yields a canceled task
// without running the body, whether the token was canceled before the call or
// while the work sat in the queue.
// RUN: %cxx %s %vtlib -o %t && timeout 60 %t | FileCheck %s
#include <vt/vt.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

std::atomic<int> bodies_run{0};

template <typename T>
void report(const char *what, vt::Task<T> &task, const vt::CancellationToken &token) {
  task.wait();
  std::printf("%s: canceled %d faulted %d", what, task.is_canceled(), task.is_faulted());
  try {
    task.get();
    std::printf(", no exception");
  } catch (const vt::OperationCanceledError &e) {
    std::printf(", OperationCanceledError carrying the token: %d", e.token() == token);
  }
  std::printf(", bodies run %d\n", bodies_run.exchange(0));
}

int main() {
  vt::CancellationTokenSource canceled;
  canceled.cancel();

  vt::Task<int> before = vt::run([] { return ++bodies_run; }, canceled.token());
  report("canceled before run", before, canceled.token());
  // CHECK: canceled before run: canceled 1 faulted 0, OperationCanceledError carrying the token: 1, bodies run 0

  vt::ThreadPool pool(1);
  vt::Task<> on_pool = pool.run([] { ++bodies_run; }, canceled.token());
  report("canceled before ThreadPool::run", on_pool, canceled.token());
  // CHECK-NEXT: canceled before ThreadPool::run: canceled 1 faulted 0, OperationCanceledError carrying the token: 1, bodies run 0

  // Canceled while queued behind a busy worker.
  vt::CancellationTokenSource later;
  std::atomic<bool> release{false};
  vt::Task<> blocker = pool.run([&] {
    while (!release.load())
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  });
  vt::Task<int> queued = pool.run([] { return ++bodies_run; }, later.token());
  later.cancel();
  release.store(true);
  blocker.get();
  report("canceled while queued", queued, later.token());
  // CHECK-NEXT: canceled while queued: canceled 1 faulted 0, OperationCanceledError carrying the token: 1, bodies run 0

  // A task-returning body is unwrapped; an uncanceled token runs it.
  vt::CancellationTokenSource live;
  vt::Task<int> unwrapped = pool.run([]() -> vt::Task<int> { co_return ++bodies_run + 40; }, live.token());
  int value = unwrapped.get();
  std::printf("not canceled: %d, bodies run %d\n", value, bodies_run.exchange(0));
  // CHECK-NEXT: not canceled: 41, bodies run 1

  // A body that throws OperationCanceledError ends canceled, not faulted.
  vt::Task<> self_canceled = pool.run([&] { canceled.token().throw_if_cancellation_requested(); });
  report("body threw OperationCanceledError", self_canceled, canceled.token());
  // CHECK-NEXT: body threw OperationCanceledError: canceled 1 faulted 0, OperationCanceledError carrying the token: 1, bodies run 0
}
