// Semantic 9: cancel_after fires from the timer thread; a destroyed source's
// pending timer never fires.
// RUN: %cxx %s %vtlib -o %t && timeout 60 %t | FileCheck %s

#include <vt/vt.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

template <class Predicate>
bool wait_until(Predicate done, std::chrono::milliseconds limit = 10s) {
  const auto deadline = Clock::now() + limit;
  while (!done()) {
    if (Clock::now() > deadline)
      return false;
    std::this_thread::sleep_for(1ms);
  }
  return true;
}

int main() {
  {
    vt::CancellationTokenSource source;
    std::atomic<bool> on_other_thread{false};
    const auto main_thread = std::this_thread::get_id();
    auto registration = source.token().register_callback(
        [&] { on_other_thread = std::this_thread::get_id() != main_thread; });
    const auto start = Clock::now();
    source.cancel_after(100ms);
    std::printf("canceled at once: %d\n", source.is_cancellation_requested());
    // CHECK: canceled at once: 0
    const bool fired = wait_until([&] { return source.is_cancellation_requested(); });
    const auto elapsed = Clock::now() - start;
    std::printf("fired: %d, not early: %d, callback on timer thread: %d\n", fired, elapsed >= 100ms,
                wait_until([&] { return on_other_thread.load(); }));
    // CHECK-NEXT: fired: 1, not early: 1, callback on timer thread: 1
  }

  {
    // The constructor that takes a delay.
    vt::CancellationTokenSource source(50ms);
    const vt::CancellationToken token = source.token();
    std::printf("delay constructor fired: %d\n", wait_until([&] { return token.is_cancellation_requested(); }));
    // CHECK-NEXT: delay constructor fired: 1
  }

  {
    // A later cancel_after replaces the pending deadline.
    vt::CancellationTokenSource source(200ms);
    source.cancel_after(10s);
    std::this_thread::sleep_for(500ms);
    std::printf("replaced deadline kept it alive: %d\n", !source.is_cancellation_requested());
    // CHECK-NEXT: replaced deadline kept it alive: 1
    source.cancel_after(0ms);
    std::printf("zero delay fired: %d\n", wait_until([&] { return source.is_cancellation_requested(); }));
    // CHECK-NEXT: zero delay fired: 1
  }

  {
    // Destroying the source stops its timer: the surviving token is never
    // canceled and its callback never runs (and nothing touches freed memory).
    vt::CancellationToken token;
    std::atomic<int> runs{0};
    vt::CancellationRegistration registration;
    {
      vt::CancellationTokenSource source(200ms);
      token = source.token();
      registration = token.register_callback([&] { ++runs; });
    }
    std::this_thread::sleep_for(500ms);
    std::printf("destroyed source: canceled=%d can_be_canceled=%d runs=%d\n", token.is_cancellation_requested(),
                token.can_be_canceled(), runs.load());
    // CHECK-NEXT: destroyed source: canceled=0 can_be_canceled=0 runs=0
  }

  {
    // Sources and tokens all gone with a timer pending: nothing fires.
    for (int i = 0; i < 100; ++i)
      vt::CancellationTokenSource source(std::chrono::milliseconds(i % 5));
    std::this_thread::sleep_for(100ms);
    std::printf("short-lived sources survived\n");
    // CHECK-NEXT: short-lived sources survived
  }

  try {
    vt::CancellationTokenSource source;
    source.cancel_after(-1ms);
    std::printf("no throw\n");
  } catch (const std::invalid_argument& error) {
    std::printf("negative delay: %s\n", error.what());
  }
  // CHECK-NEXT: negative delay: cancel_after: the delay must not be negative

  // Exit with a timer still pending far in the future: clean shutdown.
  static vt::CancellationTokenSource pending(1h);
  std::printf("exit with a pending timer\n");
  // CHECK-NEXT: exit with a pending timer
}
