// Issue 5, item 3: the scheduler problems on vt::ThreadPool, registered
// next to their oneTBB and OpenMP peers (same binary, same run, same thread
// count). Forking is the public API ThreadPool::spawn(fn, args...): fn's one
// coroutine frame is queued to the pool (the worker's local deque when
// called from inside it). "fib_run" solves the same fib(30) with the older
// pool.run(f), which wraps f in a second coroutine that hops to the pool.
#include <vt/vt.hpp>

#include <array>
#include <atomic>

#include "scheduler_problems.hpp"

namespace bench {
namespace tbb_peer {
void register_benchmarks();
}
namespace omp_peer {
void register_benchmarks();
}
namespace machine {
void register_benchmarks();
}
} // namespace bench

namespace {

using bench::Board;

vt::Task<long> fib(vt::ThreadPool &pool, int n) {
  if (n < 2)
    co_return n;
  vt::Task<long> left = pool.spawn(fib, pool, n - 1);
  long right = co_await fib(pool, n - 2);
  co_return co_await left + right;
}

vt::Task<long> fib_run(vt::ThreadPool &pool, int n) {
  if (n < 2)
    co_return n;
  vt::Task<long> left = pool.run([&pool, n] { return fib_run(pool, n - 1); });
  long right = co_await fib_run(pool, n - 2);
  co_return co_await left + right;
}

vt::Task<std::int64_t> skynet(vt::ThreadPool &pool, std::int64_t number, std::int64_t size) {
  if (size == 1)
    co_return number;
  const std::int64_t child = size / bench::kSkynetFanout;
  std::array<vt::Task<std::int64_t>, bench::kSkynetFanout> children;
  for (std::int64_t i = 0; i < bench::kSkynetFanout; ++i)
    children[i] = pool.spawn(skynet, pool, number + i * child, child);
  std::int64_t total = 0;
  for (auto &task : children)
    total += co_await task;
  co_return total;
}

vt::Task<long> nqueens(vt::ThreadPool &pool, Board board) {
  if (board.depth == board.n)
    co_return 1;
  std::array<vt::Task<long>, 32> children;
  for (int column = 0; column < board.n; ++column)
    if (board.safe(column))
      children[column] = pool.spawn(nqueens, pool, board.with(column));
  long total = 0;
  for (int column = 0; column < board.n; ++column)
    if (children[column].valid())
      total += co_await children[column];
  co_return total;
}

void hop(vt::ThreadPool &pool, int remaining, vt::TaskCompletionSource<> &done) {
  if (remaining == 0) {
    done.set_result();
    return;
  }
  (void)pool.run([&pool, remaining, &done] { hop(pool, remaining - 1, done); });
}

/// Two tasks hand a baton back and forth through reusable value-task
/// sources: each hand-over completes the other's pending value task, whose
/// continuation is queued to the pool.
struct Baton {
  vt::ManualResetValueTaskSource<> arrived;
  vt::ValueTask<> wait() { return arrived.value_task(); }
};

vt::Task<> serve(Baton &mine, Baton &theirs, int rounds) {
  for (int round = 0; round < rounds; ++round) {
    theirs.arrived.set_result();
    co_await mine.wait();
    mine.arrived.reset();
  }
}

vt::Task<> answer(Baton &mine, Baton &theirs, int rounds) {
  for (int round = 0; round < rounds; ++round) {
    co_await mine.wait();
    mine.arrived.reset();
    theirs.arrived.set_result();
  }
}

vt::Task<> yield_repeatedly(int count) {
  for (int i = 0; i < count; ++i)
    co_await vt::yield();
}

void fib_bench(benchmark::State &state) {
  vt::ThreadPool pool(bench::scheduler_threads());
  for (auto _ : state)
    bench::expect_equal(state, pool.spawn(fib, pool, bench::fib_n()).get(), bench::fib_sequential(bench::fib_n()));
}

void fib_run_bench(benchmark::State &state) {
  vt::ThreadPool pool(bench::scheduler_threads());
  for (auto _ : state)
    bench::expect_equal(state, pool.run([&] { return fib_run(pool, bench::fib_n()); }).get(),
                        bench::fib_sequential(bench::fib_n()));
}

void skynet_bench(benchmark::State &state) {
  vt::ThreadPool pool(bench::scheduler_threads());
  for (auto _ : state)
    bench::expect_equal(state, pool.spawn(skynet, pool, 0, bench::skynet_leaves()).get(),
                        bench::skynet_expected(bench::skynet_leaves()));
}

void nqueens_bench(benchmark::State &state) {
  vt::ThreadPool pool(bench::scheduler_threads());
  Board empty;
  empty.n = bench::nqueens_n();
  const long expected = bench::nqueens_sequential(empty);
  for (auto _ : state)
    bench::expect_equal(state, pool.spawn(nqueens, pool, empty).get(), expected);
}

void chain_bench(benchmark::State &state) {
  vt::ThreadPool pool(bench::scheduler_threads());
  for (auto _ : state) {
    vt::TaskCompletionSource<> done;
    (void)pool.run([&] { hop(pool, bench::chain_hops(), done); });
    done.task().get();
  }
  state.counters["ops"] = bench::chain_hops();
}

void spawn_many_bench(benchmark::State &state) {
  vt::ThreadPool pool(bench::scheduler_threads());
  for (auto _ : state) {
    vt::TaskCompletionSource<> done;
    std::atomic<int> left{bench::spawn_many_count()};
    for (int i = 0; i < bench::spawn_many_count(); ++i)
      (void)pool.run([&] {
        // acq_rel: the last decrement sees every other task's work.
        if (left.fetch_sub(1, std::memory_order_acq_rel) == 1)
          done.set_result();
      });
    done.task().get();
  }
  state.counters["ops"] = bench::spawn_many_count();
}

void ping_pong_bench(benchmark::State &state) {
  vt::ThreadPool pool(bench::scheduler_threads());
  const int rounds = bench::ping_pong_rounds();
  for (auto _ : state) {
    Baton ping, pong;
    vt::Task<> responder = pool.run([&] { return answer(pong, ping, rounds); });
    vt::Task<> server = pool.run([&] { return serve(ping, pong, rounds); });
    server.get();
    responder.get();
  }
  state.counters["ops"] = rounds;
}

void yield_many_bench(benchmark::State &state) {
  vt::ThreadPool pool(bench::scheduler_threads());
  const unsigned tasks = bench::scheduler_threads();
  for (auto _ : state) {
    std::vector<vt::Task<>> yielders;
    for (unsigned i = 0; i < tasks; ++i)
      yielders.push_back(pool.run([] { return yield_repeatedly(bench::yield_count()); }));
    vt::when_all(std::move(yielders)).get();
  }
  state.counters["ops"] = static_cast<double>(tasks) * bench::yield_count();
}

} // namespace

void bench::register_benchmarks() {
  add("scheduler/fib/vt", fib_bench, Clock::real)->Unit(benchmark::kMillisecond);
  add("scheduler/fib_run/vt", fib_run_bench, Clock::real)->Unit(benchmark::kMillisecond);
  add("scheduler/skynet/vt", skynet_bench, Clock::real)->Unit(benchmark::kMillisecond);
  add("scheduler/nqueens/vt", nqueens_bench, Clock::real)->Unit(benchmark::kMillisecond);
  add("scheduler/chain/vt", chain_bench, Clock::real)->Unit(benchmark::kMicrosecond);
  add("scheduler/spawn_many/vt", spawn_many_bench, Clock::real)->Unit(benchmark::kMicrosecond);
  add("scheduler/ping_pong/vt", ping_pong_bench, Clock::real)->Unit(benchmark::kMicrosecond);
  add("scheduler/yield_many/vt", yield_many_bench, Clock::real)->Unit(benchmark::kMicrosecond);
  tbb_peer::register_benchmarks();
  omp_peer::register_benchmarks();
  machine::register_benchmarks();
}
