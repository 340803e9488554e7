// Semantic 9: disposing a registration waits for its callback running on
// another thread, but not when called from inside that callback (cppcoro
// issue #221: a callback destroying its own registration).
// RUN: %cxx %s %vtlib -o %t && timeout 60 %t | FileCheck %s

#include <vt/vt.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <thread>

using namespace std::chrono_literals;

void dispose_waits_for_running_callback(bool by_destructor) {
  vt::CancellationTokenSource source;
  std::atomic<bool> started{false};
  std::atomic<bool> finished{false};
  std::optional<vt::CancellationRegistration> registration = source.token().register_callback([&] {
    started = true;
    std::this_thread::sleep_for(200ms);
    finished = true;
  });
  std::thread canceler([&] { source.cancel(); });
  while (!started)
    std::this_thread::sleep_for(1ms);
  if (by_destructor)
    registration.reset();
  else
    registration->dispose();
  std::printf("%s returned after the callback finished: %d\n", by_destructor ? "destructor" : "dispose",
              finished.load());
  canceler.join();
}

int main() {
  dispose_waits_for_running_callback(false);
  // CHECK: dispose returned after the callback finished: 1
  dispose_waits_for_running_callback(true);
  // CHECK-NEXT: destructor returned after the callback finished: 1

  {
    // The callback destroys its own registration (it owns what it captured).
    vt::CancellationTokenSource source;
    auto registration = std::make_unique<vt::CancellationRegistration>();
    *registration = source.token().register_callback([&registration] {
      registration.reset();
      std::printf("destroyed own registration inside callback\n");
    });
    std::thread canceler([&] { source.cancel(); });
    canceler.join();
    // CHECK-NEXT: destroyed own registration inside callback
  }

  {
    // Same, disposing explicitly, on the main thread.
    vt::CancellationTokenSource source;
    vt::CancellationRegistration registration;
    registration = source.token().register_callback([&registration] {
      registration.dispose();
      std::printf("disposed own registration inside callback\n");
    });
    source.cancel();
    // CHECK-NEXT: disposed own registration inside callback
  }

  {
    // A callback destroying the source that is canceling it.
    auto source = std::make_unique<vt::CancellationTokenSource>();
    auto registration = source->token().register_callback([&source] { source.reset(); });
    source->cancel();
    std::printf("source destroyed by its callback: %d\n", source == nullptr);
    // CHECK-NEXT: source destroyed by its callback: 1
  }
}
