// The pool's private core, shared by its mechanisms:
//   injection_queue.{hpp,cpp} work queued from outside the pool: a queue
//                           per outside thread, pushed without locks;
//   global_queue.{hpp,cpp}  the shared queue: yields, and outside threads
//                           without a queue of their own;
//   worker_loop.cpp         the workers: taking work, stealing, sleeping,
//                           shutdown, and the next slot;
//   blocking_wait.cpp       threads blocked in Task::wait/get (wait_for);
//   thread_pool.cpp         the public vt::ThreadPool over this core.
#pragma once

#include <atomic>
#include <coroutine>
#include <cstdint>
#include <memory>
#include <thread>
#include <vector>

#include <vt/thread_pool.hpp>
#include <vt/work_stealing_deque.hpp>

#include "global_queue.hpp"
#include "injection_queue.hpp"
#include "notifier.hpp"

namespace vt::detail {

/// Single-writer counter: only its worker increments it, anyone may read.
class Counter {
public:
  void increment() noexcept { add(1); }
  void add(std::uint64_t amount) noexcept {
    // relaxed load+store instead of fetch_add: one writer, so no lost
    // updates, and no locked instruction on the hot path.
    value_.store(value_.load(std::memory_order_relaxed) + amount, std::memory_order_relaxed);
  }
  std::uint64_t read() const noexcept { return value_.load(std::memory_order_relaxed); }

private:
  std::atomic<std::uint64_t> value_{0};
};

class PoolCore;

struct alignas(64) Worker {
  static constexpr std::size_t kInitialDequeCapacity = 256;

  Worker(PoolCore &owner, unsigned number)
      : core(owner), index(number), random_state(0x9E3779B97F4A7C15ull * (number + 1)) {}

  std::uint64_t next_random() noexcept { // xorshift64: victim choice only.
    random_state ^= random_state << 13;
    random_state ^= random_state >> 7;
    random_state ^= random_state << 17;
    return random_state;
  }

  PoolCore &core;
  const unsigned index;
  WorkStealingDeque<std::coroutine_handle<>> local{kInitialDequeCapacity};
  std::coroutine_handle<> next_slot; // Owner only (see "next slot").
  bool completing_frame = false;     // Owner only: next slot step 1 is running.
  /// Owner only: local items taken since the global queue was last looked
  /// at (see "fairness" in worker_loop.cpp).
  unsigned local_streak = 0;
  /// Owner only: where the next look at the global queues starts (they are
  /// taken round robin, see "global batch" in worker_loop.cpp).
  std::size_t global_cursor = 0;
  Counter local_pushes;
  Counter local_pops;
  Counter global_pops;
  Counter steals;
  std::uint64_t random_state; // Owner only.
  std::thread thread;
};

// The worker the calling thread is, if any. Written once by each worker
// thread at start; read only by the same thread. constinit, so other units
// read it directly (no TLS wrapper call); initial-exec: read on every post,
// and the default model for -fPIC code calls __tls_get_addr.
[[gnu::tls_model("initial-exec")]] extern constinit thread_local Worker *tls_worker;

class PoolCore {
public:
  PoolCore(ThreadPool &pool, unsigned threads);
  void shutdown();

  ThreadPool &pool() noexcept { return pool_; }
  unsigned thread_count() const noexcept { return static_cast<unsigned>(workers_.size()); }
  ThreadPoolStats stats() const noexcept;

  void post(std::coroutine_handle<> handle);
  /// From a thread outside the pool: its injection queue, else the shared one.
  void post_from_outside(std::coroutine_handle<> handle);
  void post_global(std::coroutine_handle<> handle);

  /// Runs queued work on `self` until `done` is set (blocking waits).
  void help_until(Worker &self, const std::atomic<bool> &done);
  /// Sets `done` and wakes every sleeper (the helping waiter among them).
  void set_done_and_wake(std::atomic<bool> &done);

private:
  void run_worker(Worker &self);
  std::coroutine_handle<> find_work(Worker &self);
  std::coroutine_handle<> take_global(Worker &self);
  std::coroutine_handle<> steal(Worker &self);
  std::coroutine_handle<> spin(Worker &self);
  template <typename Leave>
  std::coroutine_handle<> sleep_unless(Worker &self, const Leave &leave);

  ThreadPool &pool_;
  std::vector<std::unique_ptr<Worker>> workers_; // Fixed after construction.
  GlobalQueue global_;
  InjectorRegistry injectors_;
  std::atomic<bool> stopping_{false};
  Notifier notifier_;
};

} // namespace vt::detail
