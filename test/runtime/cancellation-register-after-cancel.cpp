// Semantic 9: registering on an already-canceled token runs the callback at
// once, on the registering thread, and returns an empty registration.
// RUN: %cxx %s %vtlib -o %t && timeout 60 %t | FileCheck %s

#include <vt/vt.hpp>

#include <cstdio>
#include <thread>

int main() {
  vt::CancellationTokenSource source;
  const vt::CancellationToken token = source.token();
  source.cancel();

  int runs = 0;
  std::thread::id ran_on;
  auto registration = token.register_callback([&] {
    ++runs;
    ran_on = std::this_thread::get_id();
  });
  std::printf("ran before register returned: %d, on registering thread: %d\n", runs,
              ran_on == std::this_thread::get_id());
  // CHECK: ran before register returned: 1, on registering thread: 1
  std::printf("empty registration: unregister=%d\n", registration.unregister());
  // CHECK-NEXT: empty registration: unregister=0

  // From another thread: runs on that thread.
  std::thread::id other;
  std::thread thread([&] {
    other = std::this_thread::get_id();
    auto inner = token.register_callback([&] {
      ++runs;
      ran_on = std::this_thread::get_id();
    });
  });
  thread.join();
  std::printf("second run on its registering thread: %d, runs=%d\n", ran_on == other, runs);
  // CHECK-NEXT: second run on its registering thread: 1, runs=2

  source.cancel();
  registration.dispose();
  std::printf("no rerun after another cancel: runs=%d\n", runs);
  // CHECK-NEXT: no rerun after another cancel: runs=2

  // An exception from an immediately-run callback reaches the registrant.
  try {
    auto throwing = token.register_callback([] { throw std::runtime_error("boom"); });
    std::printf("no throw\n");
  } catch (const std::runtime_error& error) {
    std::printf("register rethrew: %s\n", error.what());
  }
  // CHECK-NEXT: register rethrew: boom

  // The none token never runs anything.
  auto never = vt::CancellationToken::none().register_callback([&] { ++runs; });
  std::printf("none token: runs=%d\n", runs);
  // CHECK-NEXT: none token: runs=2
}
