// The machine's cross-core latency, printed beside the scheduler rows: one
// cache line bounced between two threads pinned to different cores. Every
// task a thread outside the pool hands to a worker crosses cores several
// times (its frame, its queue slot, its completion word), so this figure
// bounds what spawn-many can cost, and it differs between machines of the
// same kind by up to 4x (a shared VM's vCPUs may sit on near or far
// physical cores). No peer: it is context for the other rows, not a score.
#include <atomic>
#include <thread>

#include <pthread.h>
#include <sched.h>

#include "scheduler_problems.hpp"

namespace bench::machine {
namespace {

/// Best effort: unpinned (the figure then includes migrations) when the
/// machine has one core or the affinity call is refused.
void pin_to(unsigned core) {
  if (std::thread::hardware_concurrency() < 2)
    return;
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(core, &set);
  (void)pthread_setaffinity_np(pthread_self(), sizeof set, &set);
}

void round_trip_bench(benchmark::State &state) {
  const std::int64_t trips = size(10'000, 10);
  // The ball: odd values are the serve, even values the return; the value
  // also tells each side which trip it is on, so no trip is counted twice.
  alignas(64) std::atomic<std::int64_t> ball{0};
  std::atomic<bool> stop{false};
  // acquire/release: each side's store must be seen only after the line
  // moved, which is the cost being measured; no other data rides along.
  std::thread partner([&] {
    pin_to(1);
    std::int64_t expected = 1;
    while (!stop.load(std::memory_order_relaxed)) {
      if (ball.load(std::memory_order_acquire) == expected) {
        ball.store(expected + 1, std::memory_order_release);
        expected += 2;
      }
    }
  });
  pin_to(0);
  std::int64_t serve = 1;
  for (auto _ : state) {
    for (std::int64_t i = 0; i < trips; ++i, serve += 2) {
      ball.store(serve, std::memory_order_release);
      while (ball.load(std::memory_order_acquire) != serve + 1) {
      }
    }
  }
  stop.store(true, std::memory_order_relaxed);
  partner.join();
  // Unpin the main thread again: the benchmarks after this one start pools
  // from it.
  cpu_set_t all;
  CPU_ZERO(&all);
  for (unsigned core = 0; core < std::thread::hardware_concurrency(); ++core)
    CPU_SET(core, &all);
  (void)pthread_setaffinity_np(pthread_self(), sizeof all, &all);
  state.counters["ops"] = static_cast<double>(trips);
}

} // namespace

void register_benchmarks() {
  add("scheduler/core_round_trip/machine", round_trip_bench, Clock::real)->Unit(benchmark::kMicrosecond);
}

} // namespace bench::machine
