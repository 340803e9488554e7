// Issue 5, item 3: the oneTBB task_group versions of the scheduler
// problems (the peer of scheduler_vt.cpp). Spawn per call, no cut-off.
#include <tbb/global_control.h>
#include <tbb/task.h>
#include <tbb/task_arena.h>
#include <tbb/task_group.h>

#include <atomic>

#include "scheduler_problems.hpp"

namespace bench::tbb_peer {

namespace {

long fib(int n) {
  if (n < 2)
    return n;
  long left = 0;
  tbb::task_group group;
  group.run([&] { left = fib(n - 1); });
  long right = fib(n - 2);
  group.wait();
  return left + right;
}

std::int64_t skynet(std::int64_t number, std::int64_t size) {
  if (size == 1)
    return number;
  std::int64_t sums[kSkynetFanout] = {};
  const std::int64_t child = size / kSkynetFanout;
  tbb::task_group group;
  for (std::int64_t i = 0; i < kSkynetFanout; ++i)
    group.run([&sums, i, number, child] { sums[i] = skynet(number + i * child, child); });
  group.wait();
  std::int64_t total = 0;
  for (std::int64_t sum : sums)
    total += sum;
  return total;
}

long nqueens(const Board &board) {
  if (board.depth == board.n)
    return 1;
  long counts[32] = {};
  tbb::task_group group;
  for (int column = 0; column < board.n; ++column)
    if (board.safe(column))
      group.run([&counts, &board, column] { counts[column] = nqueens(board.with(column)); });
  group.wait();
  long total = 0;
  for (int column = 0; column < board.n; ++column)
    total += counts[column];
  return total;
}

void hop(tbb::task_group &group, int remaining, std::atomic<int> &reached) {
  if (remaining == 0) {
    reached.store(1, std::memory_order_relaxed); // Read after group.wait().
    return;
  }
  group.run([&group, remaining, &reached] { hop(group, remaining - 1, reached); });
}

/// A one-slot hand-over between two tasks using oneTBB's resumable tasks
/// (the peer of vt's value-task ping-pong). `state_` is 0 (empty), 1 (a
/// signal is waiting) or the waiting task's suspend point.
class Baton {
public:
  void wait() {
    std::uintptr_t signaled = 1;
    // acquire: the signaler's writes before signal() are visible after.
    if (state_.compare_exchange_strong(signaled, 0, std::memory_order_acquire))
      return;
    tbb::task::suspend([this](tbb::task::suspend_point point) {
      std::uintptr_t empty = 0;
      // acq_rel: publish the suspend point to signal(); or, on failure, see
      // the signal that raced in, take it and resume at once.
      if (!state_.compare_exchange_strong(empty, reinterpret_cast<std::uintptr_t>(point),
                                          std::memory_order_acq_rel)) {
        state_.store(0, std::memory_order_relaxed); // Only we touch it now.
        tbb::task::resume(point);
      }
    });
  }
  void signal() {
    std::uintptr_t empty = 0;
    // acq_rel: publish our writes to the waiter, or read its suspend point.
    if (state_.compare_exchange_strong(empty, 1, std::memory_order_acq_rel))
      return;
    state_.store(0, std::memory_order_relaxed); // Only we touch it now.
    tbb::task::resume(reinterpret_cast<tbb::task::suspend_point>(empty));
  }

private:
  std::atomic<std::uintptr_t> state_{0};
};

/// At most scheduler_threads() threads in TBB, the benchmark thread included.
void limit_threads() {
  static tbb::global_control limit(tbb::global_control::max_allowed_parallelism, scheduler_threads());
}

/// Runs `body` in an arena of scheduler_threads() threads.
template <typename Body>
void in_arena(Body body) {
  limit_threads();
  static tbb::task_arena arena(static_cast<int>(scheduler_threads()));
  arena.execute(body);
}

void fib_bench(benchmark::State &state) {
  in_arena([&] {
    for (auto _ : state)
      expect_equal(state, fib(fib_n()), fib_sequential(fib_n()));
  });
}

void skynet_bench(benchmark::State &state) {
  in_arena([&] {
    for (auto _ : state)
      expect_equal(state, skynet(0, skynet_leaves()), skynet_expected(skynet_leaves()));
  });
}

void nqueens_bench(benchmark::State &state) {
  Board empty;
  empty.n = nqueens_n();
  const long expected = nqueens_sequential(empty);
  in_arena([&] {
    for (auto _ : state)
      expect_equal(state, nqueens(empty), expected);
  });
}

void chain_bench(benchmark::State &state) {
  in_arena([&] {
    for (auto _ : state) {
      std::atomic<int> reached{0};
      tbb::task_group group;
      group.run([&] { hop(group, chain_hops(), reached); });
      group.wait();
      expect_equal(state, reached.load(std::memory_order_relaxed), 1);
    }
  });
  state.counters["ops"] = chain_hops();
}

void spawn_many_bench(benchmark::State &state) {
  // Spawned from the benchmark thread, which is outside the arena's
  // workers. (TBB's wait then lets that thread join in: its design.)
  limit_threads();
  for (auto _ : state) {
    std::atomic<int> left{spawn_many_count()};
    tbb::task_group group;
    for (int i = 0; i < spawn_many_count(); ++i)
      group.run([&left] { left.fetch_sub(1, std::memory_order_relaxed); });
    group.wait();
    expect_equal(state, left.load(std::memory_order_relaxed), 0);
  }
  state.counters["ops"] = spawn_many_count();
}

void ping_pong_bench(benchmark::State &state) {
  const int rounds = ping_pong_rounds();
  in_arena([&] {
    for (auto _ : state) {
      Baton ping, pong;
      tbb::task_group group;
      group.run([&] {
        for (int round = 0; round < rounds; ++round) {
          pong.wait();
          ping.signal();
        }
      });
      group.run([&] {
        for (int round = 0; round < rounds; ++round) {
          pong.signal();
          ping.wait();
        }
      });
      group.wait();
    }
  });
  state.counters["ops"] = rounds;
}

void yield_many_bench(benchmark::State &state) {
  const unsigned tasks = scheduler_threads();
  in_arena([&] {
    for (auto _ : state) {
      tbb::task_group group;
      for (unsigned i = 0; i < tasks; ++i)
        group.run([] {
          // TBB's yield: suspend and put the task straight back in the arena.
          for (int n = 0; n < yield_count(); ++n)
            tbb::task::suspend([](tbb::task::suspend_point point) { tbb::task::resume(point); });
        });
      group.wait();
    }
  });
  state.counters["ops"] = static_cast<double>(tasks) * yield_count();
}

} // namespace

void register_benchmarks() {
  add("scheduler/fib/tbb", fib_bench, Clock::real)->Unit(benchmark::kMillisecond);
  add("scheduler/skynet/tbb", skynet_bench, Clock::real)->Unit(benchmark::kMillisecond);
  add("scheduler/nqueens/tbb", nqueens_bench, Clock::real)->Unit(benchmark::kMillisecond);
  add("scheduler/chain/tbb", chain_bench, Clock::real)->Unit(benchmark::kMicrosecond);
  add("scheduler/spawn_many/tbb", spawn_many_bench, Clock::real)->Unit(benchmark::kMicrosecond);
  add("scheduler/ping_pong/tbb", ping_pong_bench, Clock::real)->Unit(benchmark::kMicrosecond);
  add("scheduler/yield_many/tbb", yield_many_bench, Clock::real)->Unit(benchmark::kMicrosecond);
}

} // namespace bench::tbb_peer
