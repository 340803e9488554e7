// Semantic 9 (delay): delay() completes after its duration, or ends early,
// canceled, when its token is canceled; an already-canceled token cancels at
// once.
// RUN: %cxx %s %vtlib -o %t && timeout 60 %t | FileCheck %s
#include <vt/vt.hpp>

#include <chrono>
#include <cstdio>
#include <thread>

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

long elapsed_ms(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

void report(const char *what, vt::Task<> &task, const vt::CancellationToken &token) {
  std::printf("%s: canceled %d", what, task.is_canceled());
  try {
    task.get();
    std::printf(", completed normally\n");
  } catch (const vt::OperationCanceledError &e) {
    std::printf(", OperationCanceledError carrying the token: %d\n", e.token() == token);
  }
}

vt::Task<const char *> await_delay(vt::Task<> delay) {
  try {
    co_await delay;
    co_return "elapsed";
  } catch (const vt::OperationCanceledError &) {
    co_return "canceled";
  }
}

int main() {
  Clock::time_point start = Clock::now();
  vt::Task<> plain = vt::delay(50ms);
  std::printf("plain delay completed at once: %d\n", plain.is_completed());
  plain.get();
  std::printf("plain delay waited at least 50ms: %d\n", elapsed_ms(start) >= 50);
  // CHECK: plain delay completed at once: 0
  // CHECK-NEXT: plain delay waited at least 50ms: 1

  vt::CancellationTokenSource cts;
  start = Clock::now();
  vt::Task<> long_delay = vt::delay(std::chrono::hours(1), cts.token());
  vt::Task<const char *> awaiting = await_delay(long_delay);
  std::thread canceler([&] {
    std::this_thread::sleep_for(20ms);
    cts.cancel();
  });
  long_delay.wait();
  canceler.join();
  std::printf("canceled delay ended early: %d\n", elapsed_ms(start) < 10'000);
  report("canceled delay", long_delay, cts.token());
  std::printf("awaiter saw: %s\n", awaiting.get());
  // CHECK-NEXT: canceled delay ended early: 1
  // CHECK-NEXT: canceled delay: canceled 1, OperationCanceledError carrying the token: 1
  // CHECK-NEXT: awaiter saw: canceled

  vt::Task<> already = vt::delay(std::chrono::hours(1), cts.token());
  std::printf("already canceled token completes at once: %d\n", already.is_completed());
  report("already canceled", already, cts.token());
  // CHECK-NEXT: already canceled token completes at once: 1
  // CHECK-NEXT: already canceled: canceled 1, OperationCanceledError carrying the token: 1

  vt::CancellationTokenSource unused;
  vt::Task<> not_canceled = vt::delay(10ms, unused.token());
  report("token never canceled", not_canceled, unused.token());
  // CHECK-NEXT: token never canceled: canceled 0, completed normally

  vt::CancellationTokenSource timed(30ms); // cancel_after through the constructor
  start = Clock::now();
  vt::Task<> raced = vt::delay(std::chrono::hours(1), timed.token());
  raced.wait();
  std::printf("canceled by cancel_after: %d, early: %d\n", raced.is_canceled(), elapsed_ms(start) < 10'000);
  // CHECK-NEXT: canceled by cancel_after: 1, early: 1
}
