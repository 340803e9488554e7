// A throwing callback does not stop the others: cancel() runs every callback,
// then rethrows the first exception (in running order, i.e. the newest).
// RUN: %cxx %s %vtlib -o %t && timeout 60 %t | FileCheck %s

#include <vt/vt.hpp>

#include <cstdio>
#include <stdexcept>

int main() {
  vt::CancellationTokenSource source;
  auto oldest = source.token().register_callback([] { std::printf("oldest ran\n"); });
  auto middle = source.token().register_callback([] { throw std::runtime_error("middle failed"); });
  auto newest = source.token().register_callback([] { throw std::runtime_error("newest failed"); });
  try {
    source.cancel();
    std::printf("no throw\n");
  } catch (const std::runtime_error& error) {
    std::printf("cancel rethrew: %s\n", error.what());
  }
  // CHECK: oldest ran
  // CHECK-NEXT: cancel rethrew: newest failed
  std::printf("canceled: %d\n", source.is_cancellation_requested());
  // CHECK-NEXT: canceled: 1
  source.cancel();
  std::printf("second cancel does not rethrow\n");
  // CHECK-NEXT: second cancel does not rethrow
}
