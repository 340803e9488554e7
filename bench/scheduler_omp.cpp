// Issue 5, item 3: the OpenMP task/taskwait versions of the scheduler
// problems (the second peer of scheduler_vt.cpp). Spawn per call, no
// cut-off. Each benchmark opens one parallel region of scheduler_threads()
// threads; one thread (single) starts the problem, the team runs the tasks.
#include <omp.h>

#include <atomic>

#include "scheduler_problems.hpp"

namespace bench::omp_peer {

namespace {

long fib(int n) {
  if (n < 2)
    return n;
  long left = 0;
#pragma omp task shared(left) firstprivate(n) untied
  left = fib(n - 1);
  long right = fib(n - 2);
#pragma omp taskwait
  return left + right;
}

std::int64_t skynet(std::int64_t number, std::int64_t size) {
  if (size == 1)
    return number;
  std::int64_t sums[kSkynetFanout] = {};
  const std::int64_t child = size / kSkynetFanout;
  for (std::int64_t i = 0; i < kSkynetFanout; ++i) {
#pragma omp task shared(sums) firstprivate(i, number, child) untied
    sums[i] = skynet(number + i * child, child);
  }
#pragma omp taskwait
  std::int64_t total = 0;
  for (std::int64_t sum : sums)
    total += sum;
  return total;
}

long nqueens(const Board &board) {
  if (board.depth == board.n)
    return 1;
  long counts[32] = {};
  for (int column = 0; column < board.n; ++column) {
    if (!board.safe(column))
      continue;
#pragma omp task shared(counts, board) firstprivate(column) untied
    counts[column] = nqueens(board.with(column));
  }
#pragma omp taskwait
  long total = 0;
  for (int column = 0; column < board.n; ++column)
    total += counts[column];
  return total;
}

void hop(int remaining, std::atomic<int> &reached) {
  if (remaining == 0) {
    reached.store(1, std::memory_order_relaxed); // Read after the taskgroup.
    return;
  }
#pragma omp task firstprivate(remaining) shared(reached) untied
  hop(remaining - 1, reached);
}

/// Runs `body` on one thread of a team of scheduler_threads() threads.
template <typename Body>
void on_team(Body body) {
#pragma omp parallel num_threads(scheduler_threads())
#pragma omp single
  body();
}

void fib_bench(benchmark::State &state) {
  for (auto _ : state) {
    long result = 0;
    on_team([&] { result = fib(fib_n()); });
    expect_equal(state, result, fib_sequential(fib_n()));
  }
}

void skynet_bench(benchmark::State &state) {
  for (auto _ : state) {
    std::int64_t result = 0;
    on_team([&] { result = skynet(0, skynet_leaves()); });
    expect_equal(state, result, skynet_expected(skynet_leaves()));
  }
}

void nqueens_bench(benchmark::State &state) {
  Board empty;
  empty.n = nqueens_n();
  const long expected = nqueens_sequential(empty);
  for (auto _ : state) {
    long result = 0;
    on_team([&] { result = nqueens(empty); });
    expect_equal(state, result, expected);
  }
}

void chain_bench(benchmark::State &state) {
  for (auto _ : state) {
    std::atomic<int> reached{0};
    on_team([&] {
#pragma omp taskgroup
      hop(chain_hops(), reached);
    });
    expect_equal(state, reached.load(std::memory_order_relaxed), 1);
  }
  state.counters["ops"] = chain_hops();
}

void spawn_many_bench(benchmark::State &state) {
  for (auto _ : state) {
    std::atomic<int> left{spawn_many_count()};
    on_team([&] {
      for (int i = 0; i < spawn_many_count(); ++i) {
#pragma omp task shared(left)
        left.fetch_sub(1, std::memory_order_relaxed);
      }
#pragma omp taskwait
    });
    expect_equal(state, left.load(std::memory_order_relaxed), 0);
  }
  state.counters["ops"] = spawn_many_count();
}

} // namespace

void register_benchmarks() {
  add("scheduler/fib/omp", fib_bench, Clock::real)->Unit(benchmark::kMillisecond);
  add("scheduler/skynet/omp", skynet_bench, Clock::real)->Unit(benchmark::kMillisecond);
  add("scheduler/nqueens/omp", nqueens_bench, Clock::real)->Unit(benchmark::kMillisecond);
  add("scheduler/chain/omp", chain_bench, Clock::real)->Unit(benchmark::kMicrosecond);
  add("scheduler/spawn_many/omp", spawn_many_bench, Clock::real)->Unit(benchmark::kMicrosecond);
}

} // namespace bench::omp_peer
