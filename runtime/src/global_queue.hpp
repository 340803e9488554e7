// The pool's global queue: work queued from outside the pool, oldest first.
//
// Protocol:
//   Push (any thread):
//     1. Lock; append to the ring.
//     2. Publish the new size (seq_cst), still under the lock; unlock.
//     3. The caller then notifies the pool's notifier (notifier.hpp, N2).
//   Pop (workers):
//     1. Peek at the published size without the lock (seq_cst): 0 means
//        nothing to take, so idle workers stay off the mutex.
//     2. Otherwise lock, take the oldest item, publish the size (relaxed).
// A worker that found the queue empty and is going to sleep re-checks it
// after announcing itself (notifier W2); step 2 of a push and that peek are
// the two halves of the notifier's store-load race.
#pragma once

#include <atomic>
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

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
  /// Pop steps 1-2. Null when the queue looked empty.
  std::coroutine_handle<> try_pop();
  /// Items pushed so far (a statistic).
  std::uint64_t pushes() const noexcept { return pushes_.load(std::memory_order_relaxed); }

private:
  std::mutex mutex_;
  GlobalRing ring_; // Guarded by mutex_.
  /// Written under mutex_ (push step 2, pop step 2), read without it (pop
  /// step 1 and a sleeping worker's re-check).
  std::atomic<std::size_t> size_{0};
  /// relaxed everywhere: a statistic, read by ThreadPool::stats() only.
  std::atomic<std::uint64_t> pushes_{0};
};

} // namespace vt::detail
