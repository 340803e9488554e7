// Semantic 3: ManualResetValueTaskSource completes, is consumed, is reset and
// is reused, many rounds across threads; a stale version is rejected.
// RUN: %cxx %s %vtlib -o %t && timeout 60 %t | FileCheck %s
#include <vt/vt.hpp>

#include <atomic>
#include <cstdio>
#include <string_view>
#include <thread>

constexpr int kRounds = 2000;

vt::ManualResetValueTaskSource<int> source;
std::atomic<std::uint64_t> requested{~0ull}; // Version the producer should complete.

// The consumer: each round hands out a value task, asks the producer thread
// to complete it, awaits it, and resets the source for the next round.
vt::Task<long> consume_rounds() {
  long sum = 0;
  for (int round = 0; round < kRounds; ++round) {
    vt::ValueTask<int> value_task = source.value_task();
    requested.store(source.version(), std::memory_order_release);
    sum += co_await value_task;
    source.reset();
  }
  requested.store(~1ull, std::memory_order_release);
  co_return sum;
}

void produce_rounds() {
  int produced = 0;
  std::uint64_t last = ~0ull;
  for (;;) {
    std::uint64_t version = requested.load(std::memory_order_acquire);
    if (version == ~1ull)
      break;
    if (version == ~0ull || version == last) {
      std::this_thread::yield();
      continue;
    }
    last = version;
    source.set_result(++produced);
  }
}

int main() {
  std::thread producer(produce_rounds);
  vt::Task<long> consumer = vt::run([] { return consume_rounds(); });
  long sum = consumer.get();
  producer.join();
  std::printf("rounds %d sum %ld version %llu\n", kRounds, sum, (unsigned long long)source.version());
  // CHECK: rounds 2000 sum 2001000 version 2000

  // Stale: a value task from an earlier version cannot be consumed.
  vt::ValueTask<int> old = source.value_task();
  source.set_result(1);
  source.reset();
  try {
    (void)old.result();
    std::printf("stale result: no exception\n");
  } catch (const vt::InvalidOperationError &e) {
    std::printf("stale result: InvalidOperationError%s\n",
                std::string_view(e.what()).find("stale") != std::string_view::npos ? " (stale)" : "");
  }
  // CHECK-NEXT: stale result: InvalidOperationError (stale)
  vt::ValueTask<int> old_awaited = source.value_task();
  source.set_result(2);
  source.reset();
  vt::Task<int> awaiting = [](vt::ValueTask<int> v) -> vt::Task<int> { co_return co_await v; }(std::move(old_awaited));
  try {
    awaiting.get();
    std::printf("stale await: no exception\n");
  } catch (const vt::InvalidOperationError &) {
    std::printf("stale await: InvalidOperationError\n");
  }
  // CHECK-NEXT: stale await: InvalidOperationError

  // The current version works, and completing it twice is an error.
  vt::ValueTask<int> current = source.value_task();
  source.set_result(3);
  try {
    source.set_result(4);
  } catch (const vt::InvalidOperationError &) {
    std::printf("second set_result: InvalidOperationError\n");
  }
  std::printf("current result: %d\n", current.result());
  // CHECK-NEXT: second set_result: InvalidOperationError
  // CHECK-NEXT: current result: 3

  // Faults travel too.
  source.reset();
  vt::ValueTask<int> failing = source.value_task();
  source.set_exception(std::make_exception_ptr(std::runtime_error("boom")));
  try {
    (void)failing.result();
  } catch (const std::runtime_error &e) {
    std::printf("faulted result: %s\n", e.what());
  }
  // CHECK-NEXT: faulted result: boom
}
