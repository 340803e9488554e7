// Semantic 9: unregistered callbacks never run; unregister() reports whether
// it removed the callback before it ran, and never waits.
// RUN: %cxx %s %vtlib -o %t && timeout 60 %t | FileCheck %s

#include <vt/vt.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

using namespace std::chrono_literals;

int main() {
  {
    vt::CancellationTokenSource source;
    int runs = 0;
    auto kept = source.token().register_callback([&] { std::printf("kept ran\n"); });
    auto removed = source.token().register_callback([&] { ++runs; });
    std::printf("unregister before cancel: %d\n", removed.unregister());
    // CHECK: unregister before cancel: 1
    std::printf("second unregister: %d\n", removed.unregister());
    // CHECK-NEXT: second unregister: 0
    {
      auto dropped = source.token().register_callback([&] { ++runs; });
    }
    source.cancel();
    // CHECK-NEXT: kept ran
    std::printf("unregistered and destroyed callbacks ran %d times\n", runs);
    // CHECK-NEXT: unregistered and destroyed callbacks ran 0 times
    std::printf("unregister after it ran: %d\n", kept.unregister());
    // CHECK-NEXT: unregister after it ran: 0
  }

  {
    // A callback unregistering a later one (it runs first, being newer).
    vt::CancellationTokenSource source;
    int runs = 0;
    vt::CancellationRegistration older = source.token().register_callback([&] { ++runs; });
    bool removed_from_callback = false;
    auto newer = source.token().register_callback([&] { removed_from_callback = older.unregister(); });
    source.cancel();
    std::printf("removed from a callback: %d, its runs=%d\n", removed_from_callback, runs);
    // CHECK-NEXT: removed from a callback: 1, its runs=0
  }

  {
    // unregister() while the callback runs on another thread: false, at once.
    vt::CancellationTokenSource source;
    std::atomic<bool> started{false};
    std::atomic<bool> release{false};
    auto registration = source.token().register_callback([&] {
      started = true;
      while (!release)
        std::this_thread::sleep_for(1ms);
    });
    std::thread canceler([&] { source.cancel(); });
    while (!started)
      std::this_thread::sleep_for(1ms);
    const bool result = registration.unregister();
    std::printf("unregister while running: %d, callback still running: %d\n", result, !release.load());
    // CHECK-NEXT: unregister while running: 0, callback still running: 1
    release = true;
    canceler.join();
  }
  std::printf("done\n");
  // CHECK-NEXT: done
}
