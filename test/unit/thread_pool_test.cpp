// ThreadPool: construction, run/schedule/yield, nested work, shutdown that
// drains the queues, and counters that add up.
#include <vt/vt.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace {

vt::Task<long> fib(int n) {
  if (n < 2)
    co_return n;
  vt::Task<long> left = vt::detail::current_pool()->run([n] { return fib(n - 1); });
  long right = co_await fib(n - 2);
  co_return co_await left + right;
}

TEST(ThreadPool, ThreadCount) {
  vt::ThreadPool pool(3);
  EXPECT_EQ(pool.thread_count(), 3u);
  EXPECT_THROW(vt::ThreadPool(0), std::invalid_argument);
  EXPECT_EQ(vt::ThreadPool::default_pool().thread_count(), std::max(1u, std::thread::hardware_concurrency()));
}

TEST(ThreadPool, RunReturnsValuesAndExceptions) {
  vt::ThreadPool pool(2);
  EXPECT_EQ(pool.run([] { return 6 * 7; }).get(), 42);
  vt::Task<int> failing = pool.run([]() -> int { throw std::runtime_error("boom"); });
  EXPECT_THROW(failing.get(), std::runtime_error);
  EXPECT_TRUE(failing.is_faulted());
}

TEST(ThreadPool, ScheduleResumesOnAWorker) {
  vt::ThreadPool pool(2);
  auto hop = [](vt::ThreadPool &target) -> vt::Task<bool> {
    co_await target.schedule();
    co_return vt::detail::current_pool() == &target;
  };
  EXPECT_TRUE(hop(pool).get());
}

TEST(ThreadPool, YieldRequeuesAndComesBack) {
  vt::ThreadPool pool(2);
  vt::Task<int> yielder = pool.run([&]() -> vt::Task<int> {
    int count = 0;
    for (int i = 0; i < 1000; ++i) {
      co_await vt::yield();
      if (vt::detail::current_pool() == &pool)
        ++count;
    }
    co_return count;
  });
  EXPECT_EQ(yielder.get(), 1000);
}

TEST(ThreadPool, YieldGoesToTheBackOfTheQueue) {
  vt::ThreadPool pool(1);
  std::vector<int> order;
  pool.run([&] {
    (void)pool.run([&] { order.push_back(2); }); // Queued before the yield.
    return [](std::vector<int> &log) -> vt::Task<> {
      log.push_back(1);
      co_await vt::yield();
      log.push_back(3);
    }(order);
  }).get();
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
}

TEST(ThreadPool, YieldOffPoolAlwaysSuspends) {
  std::thread::id caller = std::this_thread::get_id();
  auto hop = [caller]() -> vt::Task<bool> {
    co_await vt::yield();
    co_return std::this_thread::get_id() != caller;
  };
  EXPECT_TRUE(hop().get());
}

TEST(ThreadPool, NestedCoroutinesOnSeveralWorkers) {
  vt::ThreadPool pool(4);
  EXPECT_EQ(pool.run([] { return fib(22); }).get(), 17711);
  vt::ThreadPoolStats stats = pool.stats();
  EXPECT_EQ(stats.local_pops + stats.global_pops + stats.steals, stats.local_pushes + stats.global_pushes);
}

TEST(ThreadPool, ManyOutsideCallersAllComplete) {
  vt::ThreadPool pool(2);
  std::atomic<long> sum{0};
  std::vector<std::thread> callers;
  for (int c = 0; c < 4; ++c)
    callers.emplace_back([&] {
      for (int i = 0; i < 2000; ++i)
        sum += pool.run([i] { return i; }).get();
    });
  for (auto &caller : callers)
    caller.join();
  EXPECT_EQ(sum.load(), 4L * (1999L * 2000L / 2));
  EXPECT_EQ(pool.stats().global_pushes, 8000u);
}

TEST(ThreadPool, DestructorRunsEverythingQueued) {
  std::atomic<int> ran{0};
  {
    vt::ThreadPool pool(1);
    for (int i = 0; i < 500; ++i)
      (void)pool.run([&] {
        ++ran;
        (void)vt::detail::current_pool()->run([&] { ++ran; }); // Queued by the work itself.
      });
  }
  EXPECT_EQ(ran.load(), 1000);
}

TEST(ThreadPool, IdlePoolSleepsAndWakes) {
  vt::ThreadPool pool(2);
  for (int i = 0; i < 50; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    EXPECT_EQ(pool.run([i] { return i; }).get(), i);
  }
}

// Fairness (vt/thread_pool.hpp, docs/runtime.md): a worker whose items keep
// queueing work on its own deque still takes work queued from outside, and
// within global_queue_interval local items. One worker, so nobody else could
// take the outside item. A pool that reads the global queue only when its
// deque is empty fails this: the outside item waits until the flood gives up.
TEST(ThreadPool, OutsideWorkRunsWhileAWorkerFloodsItsDeque) {
  vt::ThreadPool pool(1);
  std::atomic<long> hops{0};            // Written by the worker only.
  std::atomic<bool> outside_queued{false};
  std::atomic<bool> outside_ran{false};
  long seen_queued_at = -1;             // Worker only.
  long ran_at = -1;                     // Worker only; read after get().
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  vt::Task<bool> flood = pool.run([&]() -> vt::Task<bool> {
    while (!outside_ran.load(std::memory_order_acquire)) {
      if (std::chrono::steady_clock::now() > give_up)
        co_return false;
      co_await pool.schedule(); // From the worker: onto its own deque.
      const long hop = hops.load(std::memory_order_relaxed) + 1;
      hops.store(hop, std::memory_order_relaxed);
      // acquire: the outside item is in the global queue from here on.
      if (seen_queued_at < 0 && outside_queued.load(std::memory_order_acquire))
        seen_queued_at = hop;
    }
    co_return true;
  });
  while (hops.load(std::memory_order_relaxed) < 100)
    std::this_thread::yield(); // The flood is under way.
  vt::Task<> outside = pool.run([&] {
    ran_at = hops.load(std::memory_order_relaxed);
    outside_ran.store(true, std::memory_order_release);
  });
  outside_queued.store(true, std::memory_order_release);
  EXPECT_TRUE(flood.get()) << "the outside item did not run while the worker flooded its deque";
  outside.get();
  // The flood may not have seen the flag yet when the item ran (sooner still).
  if (seen_queued_at >= 0)
    EXPECT_LE(ran_at - seen_queued_at, static_cast<long>(vt::ThreadPool::global_queue_interval) + 1);
}

} // namespace
