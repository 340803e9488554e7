// The pool's global queue: work queued from outside the pool, oldest first.
//
// Protocol:
//   Push (any thread):
//     1. Lock; append to the ring.
//     2. Publish the new size, still under the lock; unlock.
//     3. The caller then notifies the pool's notifier (notifier.hpp, N2).
//   Pop (workers):
//     1. Peek at the published size without the lock (seq_cst): 0 means
//        nothing to take, so idle workers stay off the mutex.
//     2. Otherwise lock, take the oldest items (a batch: see try_pop_batch),
//        publish the size (relaxed).
// A worker that found the queue empty and is going to sleep re-checks it
// after announcing itself (notifier W2); step 2 of a push and that peek are
// the two halves of the notifier's store-load race.
#pragma once

#include <atomic>
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <span>
#include <vector>

#include "spin_lock.hpp"

namespace vt::detail {

/// The global queue's storage: a FIFO ring that grows by doubling and never
/// shrinks, so steady-state pushes and pops allocate nothing (std::deque
/// allocates a block every few dozen items). Not synchronised.
class GlobalRing {
public:
  bool empty() const noexcept { return count_ == 0; }
  std::size_t size() const noexcept { return count_; }
  void push_back(std::coroutine_handle<> handle);
  std::coroutine_handle<> pop_front() noexcept;

private:
  void grow();

  static constexpr std::size_t kInitialCapacity = 256;
  std::vector<std::coroutine_handle<>> slots_ = std::vector<std::coroutine_handle<>>(kInitialCapacity);
  std::size_t head_ = 0;
  std::size_t count_ = 0;
};

class GlobalQueue {
public:
  /// Push steps 1-2 (the caller does step 3).
  void push(std::coroutine_handle<> handle);
  /// Pop steps 1-2: moves the oldest min(size / share + 1, out.size())
  /// items to `out`, oldest first, and returns how many (0 when the queue
  /// looked empty). One lock per batch instead of one per item: a worker
  /// that drains work queued from outside takes its share at once, so the
  /// producer and the workers meet on the mutex once per batch.
  std::size_t try_pop_batch(std::span<std::coroutine_handle<>> out, std::size_t share);
  /// Items pushed so far (a statistic).
  std::uint64_t pushes() const noexcept { return pushes_.load(std::memory_order_relaxed); }

private:
  SpinLock mutex_;
  GlobalRing ring_; // Guarded by mutex_.
  /// Written under mutex_ (push step 2, pop step 2), read without it (pop
  /// step 1 and a sleeping worker's re-check). On the lock's cache line on
  /// purpose: a pusher has just taken that line for the lock, so publishing
  /// the size costs it no second line.
  std::atomic<std::size_t> size_{0};
  /// Written under mutex_ only, so a relaxed load and store (no locked
  /// instruction); read by ThreadPool::stats() without it (a statistic).
  std::atomic<std::uint64_t> pushes_{0};
};

} // namespace vt::detail
