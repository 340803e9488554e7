// The per-thread coroutine frame pool (runtime/src/frame_allocator.cpp):
// steady-state async value tasks allocate nothing, pooling can be switched
// off, and frames may be freed on another thread than the one that
// allocated them, or after that thread exited. Run under ASan too (make
// test-asan): a pooled block used after free, freed twice or leaked at
// thread exit is reported there.
#include <vt/vt.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <new>
#include <thread>
#include <vector>

#include "counting_new.hpp"

namespace {

using counting_new::allocations_now;

vt::ValueTask<int> step(vt::ThreadPool &pool, int i) {
  co_await pool.schedule();
  co_return i;
}

vt::Task<long> drive(vt::ThreadPool &pool, int count) {
  long sum = 0;
  for (int i = 0; i < count; ++i)
    sum += co_await step(pool, i);
  co_return sum;
}

/// Allocations made by one run of `count` suspending value-task calls.
std::uint64_t allocations_for(vt::ThreadPool &pool, int count) {
  std::uint64_t before = allocations_now();
  EXPECT_EQ(pool.run([&] { return drive(pool, count); }).get(), static_cast<long>(count) * (count - 1) / 2);
  return allocations_now() - before;
}

struct PoolingRestorer {
  ~PoolingRestorer() { vt::detail::set_frame_pooling(true); }
};

TEST(FramePool, OnByDefault) { EXPECT_TRUE(vt::detail::frame_pooling()); }

TEST(FramePool, SteadyStateAsyncValueTasksAllocateNothingPerCall) {
  if (!VT_TEST_COUNTS_ALLOCATIONS)
    GTEST_SKIP() << "operator new is not ours to count under ThreadSanitizer";
  vt::ThreadPool pool(1);
  allocations_for(pool, 100); // Warm the worker's and this thread's caches.
  std::uint64_t few = allocations_for(pool, 10);
  std::uint64_t many = allocations_for(pool, 10'000);
  // A run's own bookkeeping may allocate once in a while (the global
  // queue's blocks); 10,000 calls instead of 10 must not add any per call.
  EXPECT_LE(many, few + 2) << "allocations grew with the number of calls";
}

TEST(FramePool, WithoutPoolingEveryCallAllocatesItsFrame) {
  if (!VT_TEST_COUNTS_ALLOCATIONS)
    GTEST_SKIP() << "operator new is not ours to count under ThreadSanitizer";
  PoolingRestorer restore;
  vt::ThreadPool pool(1);
  vt::detail::set_frame_pooling(false);
  EXPECT_GE(allocations_for(pool, 1'000), 1'000u);
}

TEST(FramePool, SwitchingWhileFramesAreAliveIsSafe) {
  PoolingRestorer restore;
  std::vector<std::pair<void *, std::size_t>> frames;
  for (std::size_t size : {24u, 64u, 65u, 200u, 1000u, 2048u, 5000u}) {
    void *frame = vt::detail::allocate_frame(size);
    std::memset(frame, 0xAB, size); // The whole requested size is ours.
    frames.emplace_back(frame, size);
  }
  vt::detail::set_frame_pooling(false);
  for (auto [frame, size] : frames)
    vt::detail::deallocate_frame(frame, size);
  frames.clear();
  for (std::size_t size : {24u, 200u, 5000u})
    frames.emplace_back(vt::detail::allocate_frame(size), size);
  vt::detail::set_frame_pooling(true);
  for (auto [frame, size] : frames)
    vt::detail::deallocate_frame(frame, size);
  // A pooled block of a class serves any size of that class.
  void *small = vt::detail::allocate_frame(65);
  vt::detail::deallocate_frame(small, 65);
  void *large = vt::detail::allocate_frame(128);
  std::memset(large, 0xCD, 128);
  vt::detail::deallocate_frame(large, 128);
}

TEST(FramePool, FramesFreedOnAnotherThread) {
  constexpr int kFrames = 2'000;
  std::vector<void *> frames(kFrames);
  std::thread producer([&] {
    for (auto &frame : frames) {
      frame = vt::detail::allocate_frame(96);
      std::memset(frame, 1, 96);
    }
  });
  producer.join(); // The producer's cache dies with it; its frames live on.
  std::thread consumer([&] {
    for (void *frame : frames)
      vt::detail::deallocate_frame(frame, 96); // Into the consumer's cache, then freed at its exit.
  });
  consumer.join();
}

TEST(FramePool, TheDepotBringsFramesFreedElsewhereBackToTheProducer) {
  // A producer whose frames all die on another thread (spawn-many from
  // outside a pool) gets them back through the depot instead of calling
  // operator new for each one.
  if (!VT_TEST_COUNTS_ALLOCATIONS)
    GTEST_SKIP() << "operator new is not ours to count under ThreadSanitizer";
  constexpr int kFrames = 4'000;
  constexpr std::size_t kSize = 1'984; // A class nothing else here uses.
  std::vector<void *> frames(kFrames);
  for (auto &frame : frames)
    frame = vt::detail::allocate_frame(kSize);
  std::thread consumer([&] {
    for (void *frame : frames)
      vt::detail::deallocate_frame(frame, kSize);
  });
  consumer.join(); // Its full lists went to the depot, in batches.
  const std::uint64_t before = allocations_now();
  for (auto &frame : frames)
    frame = vt::detail::allocate_frame(kSize);
  const std::uint64_t fresh = allocations_now() - before;
  for (void *frame : frames)
    vt::detail::deallocate_frame(frame, kSize);
  RecordProperty("fresh_allocations", static_cast<int>(fresh));
  EXPECT_LE(fresh, static_cast<std::uint64_t>(kFrames) / 2) << "frames freed on the consumer did not come back";
}

TEST(FramePool, CoroutinesCompletedAcrossThreadsAndExitedThreads) {
  constexpr int kTasks = 500;
  std::vector<vt::TaskCompletionSource<int>> sources(kTasks);
  std::vector<vt::Task<int>> waiting;
  {
    vt::ThreadPool pool(2);
    std::thread starter([&] {
      // Frames allocated on a thread that exits before they are freed.
      for (auto &source : sources)
        waiting.push_back(pool.run([&source]() -> vt::Task<int> { co_return co_await source.task() + 1; }));
    });
    starter.join();
    std::thread completer([&] {
      for (int i = 0; i < kTasks; ++i)
        sources[i].set_result(i);
    });
    completer.join();
    long sum = 0;
    for (auto &task : waiting)
      sum += task.get();
    EXPECT_EQ(sum, static_cast<long>(kTasks) * (kTasks - 1) / 2 + kTasks);
  }
  waiting.clear(); // Last references dropped on the main thread.
}

} // namespace
