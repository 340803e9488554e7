// Issue 5, benchmark 2: pooled coroutine frames. A ValueTask coroutine that
// really suspends (it reschedules itself on the pool) and resumes, awaited
// in a loop by a driver on a one-thread pool. With per-thread frame pooling
// (the default; the frame is also the value task's source, so this is
// .NET's PoolingAsyncValueTaskMethodBuilder) the steady state allocates
// nothing; without it, every call allocates its frame.
#include <vt/vt.hpp>

#include "common/alloc_counter.hpp"
#include "common/bench_main.hpp"

namespace {

vt::ValueTask<int> step(vt::ThreadPool &pool, int i) {
  co_await pool.schedule(); // Really suspends: queued, then resumed by the worker.
  co_return i;
}

/// Counts only the loop's own allocations (the benchmark thread is blocked
/// in get() meanwhile), not the per-iteration pool.run that starts it.
vt::Task<long> drive(vt::ThreadPool &pool, std::int64_t count, bench::AllocCount &loop_total) {
  long sum = 0;
  bench::AllocMeter meter;
  for (std::int64_t i = 0; i < count; ++i)
    sum += co_await step(pool, static_cast<int>(i));
  bench::AllocCount used = meter.since_start();
  loop_total.allocations += used.allocations;
  loop_total.bytes += used.bytes;
  co_return sum;
}

void run(benchmark::State &state, bool pooling) {
  vt::detail::set_frame_pooling(pooling);
  const std::int64_t count = bench::size(100'000, 100);
  vt::ThreadPool pool(1);
  bench::AllocCount warm_up, used;
  pool.run([&] { return drive(pool, count, warm_up); }).get(); // Reach the steady state.
  for (auto _ : state)
    benchmark::DoNotOptimize(pool.run([&] { return drive(pool, count, used); }).get());
  bench::set_per_op(state, static_cast<double>(count), used.allocations, used.bytes);
  vt::detail::set_frame_pooling(true);
}

void pooling_on(benchmark::State &state) { run(state, true); }
void pooling_off(benchmark::State &state) { run(state, false); }

} // namespace

void bench::register_benchmarks() {
  add("pooled_frames/suspend_resume/pooling_on", pooling_on, Clock::real)->Unit(benchmark::kMillisecond);
  add("pooled_frames/suspend_resume/pooling_off", pooling_off, Clock::real)->Unit(benchmark::kMillisecond);
}
