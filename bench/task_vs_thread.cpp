// Issue 5, benchmark 4: the seeds' "a thread is more expensive than a task".
// Start and join 10,000 tasks on the pool, against starting and joining
// 10,000 std::threads (all started, then all joined).
#include <vt/vt.hpp>

#include <system_error>
#include <thread>
#include <vector>

#include "common/alloc_counter.hpp"
#include "common/bench_main.hpp"

namespace {

int count() { return static_cast<int>(bench::size(10'000, 10)); }

void tasks(benchmark::State &state) {
  vt::ThreadPool pool(std::max(1u, std::thread::hardware_concurrency()));
  std::atomic<long> ran{0};
  bench::AllocMeter meter;
  for (auto _ : state) {
    std::vector<vt::Task<>> started;
    started.reserve(count());
    for (int i = 0; i < count(); ++i)
      started.push_back(pool.run([&ran] { ran.fetch_add(1, std::memory_order_relaxed); }));
    for (auto &task : started)
      task.get();
  }
  auto used = meter.since_start();
  bench::set_per_op(state, count(), used.allocations, used.bytes);
}

void threads(benchmark::State &state) {
  std::atomic<long> ran{0};
  bench::AllocMeter meter;
  for (auto _ : state) {
    std::vector<std::thread> started;
    started.reserve(count());
    try {
      for (int i = 0; i < count(); ++i)
        started.emplace_back([&ran] { ran.fetch_add(1, std::memory_order_relaxed); });
    } catch (const std::system_error &) {
      state.SkipWithError("could not start that many threads");
    }
    for (auto &thread : started)
      thread.join();
  }
  auto used = meter.since_start();
  bench::set_per_op(state, count(), used.allocations, used.bytes);
}

} // namespace

void bench::register_benchmarks() {
  add("task_vs_thread/start_join/task", tasks, Clock::real)->Unit(benchmark::kMillisecond);
  add("task_vs_thread/start_join/thread", threads, Clock::real)->Unit(benchmark::kMillisecond);
}
