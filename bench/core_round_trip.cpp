// The machine's cross-core latency, printed beside the scheduler rows: one
// cache line bounced between two threads pinned to different cores. Every
// task a thread outside the pool hands to a worker crosses cores several
// times (its frame, its queue slot, its completion word), so this figure
// bounds what spawn-many can cost, and on a shared VM it can change from one
// hour to the next (docs/runtime.md, "spawn-many from outside the pool").
// No peer: it is context for the other rows, not a score.
#include <atomic>
#include <thread>

#include <pthread.h>
#include <sched.h>

#include "scheduler_problems.hpp"

namespace bench::machine {
namespace {

void pin_to(int cpu) {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  (void)pthread_setaffinity_np(pthread_self(), sizeof set, &set);
}

/// The first two CPUs this thread may run on, or false if it may run on
/// fewer (taskset, a container): two spinning threads on one CPU would only
/// meet at each preemption.
bool two_allowed_cpus(const cpu_set_t &allowed, int &first, int &second) {
  first = second = -1;
  for (int cpu = 0; cpu < CPU_SETSIZE && second < 0; ++cpu)
    if (CPU_ISSET(cpu, &allowed))
      (first < 0 ? first : second) = cpu;
  return second >= 0;
}

void round_trip_bench(benchmark::State &state) {
  const std::int64_t trips = size(10'000, 10);
  cpu_set_t original;
  int near = -1, far = -1;
  if (pthread_getaffinity_np(pthread_self(), sizeof original, &original) != 0 ||
      !two_allowed_cpus(original, near, far)) {
    state.SkipWithError("needs two CPUs to run on");
    return;
  }
  // The ball: odd values are the serve, even values the return; the value
  // also tells each side which trip it is on, so no trip is counted twice.
  alignas(64) std::atomic<std::int64_t> ball{0};
  std::atomic<bool> stop{false};
  // acquire/release: each side's store must be seen only after the line
  // moved, which is the cost being measured; no other data rides along.
  std::thread partner([&] {
    pin_to(far);
    std::int64_t expected = 1;
    while (!stop.load(std::memory_order_relaxed)) {
      if (ball.load(std::memory_order_acquire) == expected) {
        ball.store(expected + 1, std::memory_order_release);
        expected += 2;
      }
    }
  });
  pin_to(near);
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
  // Give the main thread its own affinity back (which may be narrower than
  // every core, under taskset or a container): the benchmarks after this
  // one start pools from it, and their workers inherit it.
  (void)pthread_setaffinity_np(pthread_self(), sizeof original, &original);
  state.counters["ops"] = static_cast<double>(trips);
}

} // namespace

void register_benchmarks() {
  add("scheduler/core_round_trip/machine", round_trip_bench, Clock::real)->Unit(benchmark::kMicrosecond);
}

} // namespace bench::machine
