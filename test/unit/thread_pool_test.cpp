// ThreadPool: construction, run/schedule/yield, nested work, shutdown that
// drains the queues, and counters that add up.
#include <vt/vt.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <latch>
#include <memory>
#include <mutex>
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
  if (seen_queued_at >= 0) {
    EXPECT_LE(ran_at - seen_queued_at, static_cast<long>(vt::ThreadPool::global_queue_interval) + 1);
  }
}

// Work queued from outside goes to the outside thread's own injection
// queue (runtime/src/injection_queue.hpp). These cover its protocol where it
// can go wrong: growth past the first ring, several producers at once, more
// producer threads than the pool has queues for, threads that exit with
// items still queued, and a thread that outlives a pool it posted to.

/// Holds the only worker of a pool until released, so items pile up.
struct WorkerGate {
  explicit WorkerGate(vt::ThreadPool &pool) {
    (void)pool.run([this] {
      entered.store(true);
      entered.notify_one();
      open.wait(false);
    });
    entered.wait(false);
  }
  void release() {
    open.store(true);
    open.notify_one();
  }
  std::atomic<bool> entered{false};
  std::atomic<bool> open{false};
};

TEST(ThreadPool, OutsideItemsRunOldestFirstPastTheFirstRing) {
  vt::ThreadPool pool(1);
  WorkerGate gate(pool);
  constexpr int kItems = 5000; // Well past the queue's first ring (256).
  std::vector<int> order;      // Written by the single worker only.
  std::vector<vt::Task<>> items;
  for (int i = 0; i < kItems; ++i)
    items.push_back(pool.run([&order, i] { order.push_back(i); }));
  gate.release();
  for (auto &item : items)
    item.get();
  ASSERT_EQ(order.size(), static_cast<std::size_t>(kItems));
  for (int i = 0; i < kItems; ++i)
    ASSERT_EQ(order[i], i) << "outside items ran out of order";
  EXPECT_EQ(pool.stats().global_pushes, static_cast<std::uint64_t>(kItems) + 1);
}

TEST(ThreadPool, OutsideBurstsWhileWorkersTakeBatches) {
  // Producers push while several workers race for the same queues (the
  // compare-exchange of W4, growth while workers read the old ring): every
  // item runs exactly once.
  vt::ThreadPool pool(3);
  constexpr int kThreads = 2;
  constexpr int kItems = 20'000;
  std::vector<std::unique_ptr<std::atomic<int>[]>> runs;
  for (int t = 0; t < kThreads; ++t) {
    runs.push_back(std::make_unique<std::atomic<int>[]>(kItems));
    for (int i = 0; i < kItems; ++i)
      runs[t][i].store(0);
  }
  std::atomic<int> ran{0};
  std::vector<std::thread> producers;
  for (int t = 0; t < kThreads; ++t)
    producers.emplace_back([&, t] {
      for (int i = 0; i < kItems; ++i)
        (void)pool.run([&, t, i] {
          runs[t][i].fetch_add(1);
          ran.fetch_add(1);
        });
    });
  for (auto &producer : producers)
    producer.join();
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (ran.load() < kThreads * kItems && std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  ASSERT_EQ(ran.load(), kThreads * kItems);
  for (int t = 0; t < kThreads; ++t)
    for (int i = 0; i < kItems; ++i)
      ASSERT_EQ(runs[t][i].load(), 1) << "producer " << t << ", item " << i;
}

TEST(ThreadPool, EachOutsideThreadKeepsItsOrder) {
  vt::ThreadPool pool(1);
  WorkerGate gate(pool);
  constexpr int kThreads = 4;
  constexpr int kItems = 1000;
  std::vector<std::vector<int>> order(kThreads); // Written by the worker only.
  std::vector<vt::Task<>> items[kThreads];
  std::vector<std::thread> producers;
  for (int t = 0; t < kThreads; ++t)
    producers.emplace_back([&, t] {
      for (int i = 0; i < kItems; ++i)
        items[t].push_back(pool.run([&order, t, i] { order[t].push_back(i); }));
    });
  for (auto &producer : producers)
    producer.join(); // Their queues now belong to no thread; the items stay.
  gate.release();
  for (auto &list : items)
    for (auto &item : list)
      item.get();
  for (int t = 0; t < kThreads; ++t) {
    ASSERT_EQ(order[t].size(), static_cast<std::size_t>(kItems));
    for (int i = 0; i < kItems; ++i)
      ASSERT_EQ(order[t][i], i) << "producer " << t << "'s items ran out of order";
  }
}

TEST(ThreadPool, MoreOutsideThreadsThanQueuesAndThreadsThatExitEarly) {
  vt::ThreadPool pool(2);
  std::atomic<int> ran{0};
  // 100 live producers at once (more than a pool has queues for: the rest
  // share the global queue), then 300 short-lived ones that exit as soon as
  // they have queued (their queues are adopted by later threads).
  constexpr int kLive = 100;
  std::latch all_posted(kLive);
  std::latch may_exit(1);
  std::vector<std::thread> live;
  for (int t = 0; t < kLive; ++t)
    live.emplace_back([&] {
      for (int i = 0; i < 20; ++i)
        (void)pool.run([&] { ran.fetch_add(1); });
      all_posted.count_down();
      may_exit.wait();
    });
  all_posted.wait();
  may_exit.count_down();
  for (auto &thread : live)
    thread.join();
  for (int t = 0; t < 300; ++t)
    std::thread([&] {
      for (int i = 0; i < 20; ++i)
        (void)pool.run([&] { ran.fetch_add(1); });
    }).join();
  constexpr int kExpected = (kLive + 300) * 20;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (ran.load() < kExpected && std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  EXPECT_EQ(ran.load(), kExpected);
  EXPECT_EQ(pool.stats().global_pushes, static_cast<std::uint64_t>(kExpected));
}

TEST(ThreadPool, AnOutsideThreadOutlivesThePoolsItPostedTo) {
  // The same thread posts to a pool, which dies, then to new pools (one may
  // reuse the dead pool's address), and exits after all of them.
  std::thread([] {
    for (int round = 0; round < 20; ++round) {
      auto pool = std::make_unique<vt::ThreadPool>(1);
      long sum = 0;
      for (int i = 0; i < 50; ++i)
        sum += pool->run([i] { return i; }).get();
      EXPECT_EQ(sum, 49L * 50 / 2);
      if (round % 2 == 0) { // Die with this thread's queue still bound to it.
        (void)pool->run([] {});
      }
    }
  }).join();
}

} // namespace
