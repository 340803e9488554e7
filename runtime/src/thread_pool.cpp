// The work-stealing pool. Public contract in <vt/thread_pool.hpp>.
//
// Worker loop (each worker, until shutdown):
//   1. Take work: own next slot, then own deque, newest first (LIFO; hot in
//      cache) -> global
//      queue, oldest first (FIFO; fairness to outside callers) -> steal ONE
//      item, the oldest, from another worker, starting at a random victim
//      (spreads thieves so they do not all hit worker 0).
//   2. Found something: resume it, go to 1.
//   3. Nothing: spin a few rounds of step 1 (cheap when work arrives within
//      microseconds), then sleep through the notifier's two-phase protocol
//      (see notifier.hpp): prepare_wait, re-check every queue and the stop
//      flag, commit_wait. Every push (global or local) calls notify_one
//      after the item is visible, so no wake-up is lost. (notify_one costs
//      a push a compiler fence and a load when nobody sleeps: the real
//      fence is paid by the sleeper, see asymmetric_fence.hpp.)
//
// The next slot (like Go's runnext): one handle, owner only, no atomics.
//   1. A coroutine that completes at its final suspend point on worker W
//      publishes through complete_from_final_suspend, which flags W.
//   2. While flagged, a continuation W posts to its own pool goes to the
//      slot; a handle already there moves to W's deque (where thieves can
//      reach it), so the slot always holds the newest item and the LIFO
//      order is the deque's order.
//   3. The completing frame then returns to W's loop (the only resumer of
//      a suspended coroutine), whose next find_work takes the slot first.
//      So the slot is never stuck behind running work, a continuation still
//      runs only after its completer has returned (semantic 6), and the
//      hand-over skips the deque's atomic push and pop (the pop's locked
//      exchange) and the notifier.
//
// Shutdown (~ThreadPool, called from outside the pool):
//   1. Set `stopping_` (seq_cst).
//   2. notify_all: sleepers wake, re-check, and see the flag.
//   3. Workers leave only when steps 1-3 of the loop find no work and the
//      flag is set, so everything queued before (and by) the last items
//      still runs.
//   4. Join every worker; then the queues are empty and are destroyed.
//
// Blocking on a worker (Task::wait/get via detail::wait_for):
//   1. The waiting worker registers a HelpingWaiter node on the task.
//   2. Until the node's flag is set it runs its pool's queued work (same
//      order as the loop), sleeping on the pool's notifier when there is
//      none, so a one-thread pool cannot deadlock on work queued behind it.
//   3. The completer sets the flag and wakes all sleepers under the
//      notifier's mutex (the waiter cannot tell which sleeper it is).
//   4. The waiter, having seen the flag, takes the mutex once (handshake):
//      the completer is then out of the pool's notifier for good, so the
//      pool may be destroyed as soon as the wait returns.
#include <vt/thread_pool.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#include <vt/work_stealing_deque.hpp>

#include "notifier.hpp"

namespace vt::detail {

namespace {

/// Single-writer counter: only its worker increments it, anyone may read.
class Counter {
public:
  void increment() noexcept {
    // relaxed load+store instead of fetch_add: one writer, so no lost
    // updates, and no locked instruction on the hot path.
    value_.store(value_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  }
  std::uint64_t read() const noexcept { return value_.load(std::memory_order_relaxed); }

private:
  std::atomic<std::uint64_t> value_{0};
};

constexpr int kSpinRounds = 32;
constexpr std::size_t kInitialDequeCapacity = 256;

/// The global queue's storage: a FIFO ring that grows by doubling and never
/// shrinks, so steady-state pushes and pops allocate nothing (std::deque
/// allocates a block every few dozen items). Guarded by the pool's mutex.
class GlobalRing {
public:
  bool empty() const noexcept { return count_ == 0; }
  std::size_t size() const noexcept { return count_; }

  void push_back(std::coroutine_handle<> handle) {
    if (count_ == slots_.size())
      grow();
    slots_[(head_ + count_) & (slots_.size() - 1)] = handle;
    ++count_;
  }

  std::coroutine_handle<> pop_front() noexcept {
    std::coroutine_handle<> handle = slots_[head_];
    head_ = (head_ + 1) & (slots_.size() - 1);
    --count_;
    return handle;
  }

private:
  void grow() {
    std::vector<std::coroutine_handle<>> bigger(slots_.size() * 2);
    for (std::size_t i = 0; i < count_; ++i)
      bigger[i] = slots_[(head_ + i) & (slots_.size() - 1)];
    slots_ = std::move(bigger);
    head_ = 0;
  }

  std::vector<std::coroutine_handle<>> slots_ = std::vector<std::coroutine_handle<>>(kInitialDequeCapacity);
  std::size_t head_ = 0;
  std::size_t count_ = 0;
};

} // namespace

struct alignas(64) Worker {
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
  std::coroutine_handle<> next_slot;     // Owner only (see "next slot").
  bool completing_frame = false;         // Owner only: step 1 is running.
  Counter local_pushes;
  Counter local_pops;
  Counter global_pops;
  Counter steals;
  std::uint64_t random_state; // Owner only.
  std::thread thread;
};

namespace {
// The worker the calling thread is, if any. Written once by each worker
// thread at start; read only by the same thread. initial-exec: read on
// every post, and the default model for -fPIC code calls __tls_get_addr.
[[gnu::tls_model("initial-exec")]] thread_local Worker *tls_worker = nullptr;
} // namespace

class PoolCore {
public:
  PoolCore(ThreadPool &pool, unsigned threads) : pool_(pool) {
    enable_asymmetric_fences(); // Before any worker can sleep (notifier.hpp).
    workers_.reserve(threads);
    for (unsigned i = 0; i < threads; ++i)
      workers_.push_back(std::make_unique<Worker>(*this, i));
    // Start threads only once every Worker exists: thieves index workers_.
    for (auto &worker : workers_)
      worker->thread = std::thread([this, w = worker.get()] { run_worker(*w); });
  }

  void shutdown() {
    // Shutdown step 1. seq_cst: pairs with the worker's prepare_wait and
    // seq_cst load of the flag, the same Dekker race as a push (notifier.hpp).
    stopping_.store(true, std::memory_order_seq_cst);
    notifier_.notify_all();                           // Step 2.
    for (auto &worker : workers_)                     // Step 4.
      worker->thread.join();
  }

  ThreadPool &pool() noexcept { return pool_; }
  unsigned thread_count() const noexcept { return static_cast<unsigned>(workers_.size()); }

  void post(std::coroutine_handle<> handle) {
    Worker *self = tls_worker;
    if (self == nullptr || &self->core != this)
      return post_global(handle);
    if (self->completing_frame) { // Next slot, step 2.
      self->local_pushes.increment();
      handle = std::exchange(self->next_slot, handle);
      if (!handle)
        return; // Nobody else can take it: no wake-up needed.
      self->local.push(handle);
      notifier_.notify_one();
      return;
    }
    self->local.push(handle);
    self->local_pushes.increment();
    notifier_.notify_one();
  }

  void post_global(std::coroutine_handle<> handle) {
    {
      std::lock_guard lock(global_mutex_);
      global_.push_back(handle);
      // seq_cst: a sleeping worker's re-check reads it after its seq_cst
      // announcement (notifier protocol); relaxed would let it miss this.
      global_size_.store(global_.size(), std::memory_order_seq_cst);
    }
    // relaxed: a statistic, read by stats() only.
    global_pushes_.fetch_add(1, std::memory_order_relaxed);
    notifier_.notify_one();
  }

  /// Loop step 1 (local, global, steal). Null when nothing was found.
  std::coroutine_handle<> find_work(Worker &self) {
    if (self.next_slot) { // Next slot, step 3.
      self.local_pops.increment();
      return std::exchange(self.next_slot, nullptr);
    }
    if (auto item = self.local.pop()) {
      self.local_pops.increment();
      return *item;
    }
    if (auto item = pop_global()) {
      self.global_pops.increment();
      return item;
    }
    return steal(self);
  }

  /// Runs queued work on `self` until `done` is set (blocking waits).
  void help_until(Worker &self, const std::atomic<bool> &done) {
    // acquire: pairs with the completer's store, so the result is visible.
    while (!done.load(std::memory_order_acquire)) {
      if (auto item = find_work(self)) {
        item.resume();
        continue;
      }
      std::uint64_t epoch = notifier_.prepare_wait();
      // seq_cst: after our seq_cst announcement (prepare_wait), either we
      // see done or the completer sees us waiting (set_done_and_wake).
      if (done.load(std::memory_order_seq_cst)) {
        notifier_.cancel_wait();
        break;
      }
      if (auto item = find_work(self)) {
        notifier_.cancel_wait();
        item.resume();
        continue;
      }
      notifier_.commit_wait(epoch);
    }
    // The completer may still be inside set_done_and_wake (a timer thread,
    // say); once this returns, the caller may go on to destroy the pool.
    notifier_.handshake();
  }

  /// Sets `done` and wakes every sleeper (the helping waiter among them).
  void set_done_and_wake(std::atomic<bool> &done) {
    // seq_cst: the waiter's half is prepare_wait + a seq_cst load of done.
    notifier_.set_and_notify_all([&] { done.store(true, std::memory_order_seq_cst); });
  }

  ThreadPoolStats stats() const noexcept {
    ThreadPoolStats total;
    total.global_pushes = global_pushes_.load(std::memory_order_relaxed);
    for (const auto &worker : workers_) {
      total.local_pushes += worker->local_pushes.read();
      total.local_pops += worker->local_pops.read();
      total.global_pops += worker->global_pops.read();
      total.steals += worker->steals.read();
    }
    return total;
  }

private:
  void run_worker(Worker &self) {
    tls_worker = &self;
    for (;;) {
      if (auto item = find_work(self)) { // Loop steps 1 and 2.
        item.resume();
        continue;
      }
      if (auto item = spin(self)) {
        item.resume();
        continue;
      }
      std::uint64_t epoch = notifier_.prepare_wait(); // Step 3: sleep.
      if (auto item = find_work(self)) {
        notifier_.cancel_wait();
        item.resume();
        continue;
      }
      // Shutdown step 3. seq_cst: see shutdown().
      if (stopping_.load(std::memory_order_seq_cst)) {
        notifier_.cancel_wait();
        break;
      }
      notifier_.commit_wait(epoch);
    }
    tls_worker = nullptr;
  }

  std::coroutine_handle<> spin(Worker &self) {
    for (int round = 0; round < kSpinRounds; ++round) {
      if (auto item = find_work(self))
        return item;
      std::this_thread::yield();
    }
    return nullptr;
  }

  std::coroutine_handle<> pop_global() {
    // seq_cst: see post(). An unlocked peek keeps idle workers off the lock.
    if (global_size_.load(std::memory_order_seq_cst) == 0)
      return nullptr;
    std::lock_guard lock(global_mutex_);
    if (global_.empty())
      return nullptr;
    std::coroutine_handle<> item = global_.pop_front();
    // relaxed: a smaller size can only make a peeker skip an item that the
    // pusher's notify will wake someone for anyway.
    global_size_.store(global_.size(), std::memory_order_relaxed);
    return item;
  }

  std::coroutine_handle<> steal(Worker &self) {
    const std::size_t count = workers_.size();
    if (count < 2)
      return nullptr;
    const std::size_t start = self.next_random() % count;
    for (std::size_t i = 0; i < count; ++i) {
      Worker &victim = *workers_[(start + i) % count];
      if (&victim == &self)
        continue;
      if (auto item = victim.local.steal()) {
        self.steals.increment();
        return *item;
      }
    }
    return nullptr;
  }

  ThreadPool &pool_;
  std::vector<std::unique_ptr<Worker>> workers_; // Fixed after construction.
  std::mutex global_mutex_;
  GlobalRing global_; // Guarded by global_mutex_.
  std::atomic<std::size_t> global_size_{0};    // Written under the mutex.
  std::atomic<std::uint64_t> global_pushes_{0};
  std::atomic<bool> stopping_{false};
  Notifier notifier_;
};

ThreadPool *current_pool() noexcept {
  Worker *self = tls_worker;
  return self != nullptr ? &self->core.pool() : nullptr;
}

ThreadPool &current_or_default_pool() {
  ThreadPool *pool = current_pool();
  return pool != nullptr ? *pool : ThreadPool::default_pool();
}

void post(ThreadPool &pool, std::coroutine_handle<> handle) { pool.post(handle); }

void complete_from_final_suspend(CompletionList &list) noexcept {
  Worker *self = tls_worker;
  if (self == nullptr) {
    list.complete();
    return;
  }
  self->completing_frame = true; // Next slot, step 1.
  list.complete();
  self->completing_frame = false;
}

void post_global(ThreadPool &pool, std::coroutine_handle<> handle) { pool.core_->post_global(handle); }

namespace {

/// A worker blocked in wait_for: runs pool work until `done`.
struct HelpingWaiter : Continuation {
  explicit HelpingWaiter(PoolCore &pool_core) : core(&pool_core) { fire = &wake; }
  static void wake(Continuation *self) noexcept {
    auto *waiter = static_cast<HelpingWaiter *>(self);
    // The node (on the waiter's stack) stays valid until the handshake at
    // the end of help_until, which waits for this call to let go.
    waiter->core->set_done_and_wake(waiter->done);
  }
  PoolCore *core;
  std::atomic<bool> done{false};
};

/// A thread outside any pool blocked in wait_for.
struct BlockingWaiter : Continuation {
  BlockingWaiter() { fire = &wake; }
  static void wake(Continuation *self) noexcept {
    auto *waiter = static_cast<BlockingWaiter *>(self);
    // Signal under the lock: the waiter cannot return (and destroy the
    // condition variable) before we unlock.
    std::lock_guard lock(waiter->mutex);
    waiter->done = true;
    waiter->condition.notify_one();
  }
  std::mutex mutex;
  std::condition_variable condition;
  bool done = false; // Guarded by mutex.
};

} // namespace

void wait_for(CompletionList &list) {
  if (list.is_completed())
    return;
  if (Worker *self = tls_worker) {
    HelpingWaiter waiter(self->core);
    if (list.add(&waiter))
      self->core.help_until(*self, waiter.done);
    return;
  }
  BlockingWaiter waiter;
  if (!list.add(&waiter))
    return;
  std::unique_lock lock(waiter.mutex);
  waiter.condition.wait(lock, [&] { return waiter.done; });
}

} // namespace vt::detail

namespace vt {

ThreadPool::ThreadPool(unsigned threads) {
  if (threads == 0)
    throw std::invalid_argument("vt::ThreadPool: thread count must be at least 1");
  core_ = std::make_unique<detail::PoolCore>(*this, threads);
}

ThreadPool::~ThreadPool() { core_->shutdown(); }

ThreadPool &ThreadPool::default_pool() {
  // Never destroyed: continuations may be posted to it from other threads
  // (timer, user threads) while static destructors run at exit.
  static ThreadPool *const pool = new ThreadPool(std::max(1u, std::thread::hardware_concurrency()));
  return *pool;
}

unsigned ThreadPool::thread_count() const noexcept { return core_->thread_count(); }

ThreadPoolStats ThreadPool::stats() const noexcept { return core_->stats(); }

void ThreadPool::post(std::coroutine_handle<> handle) { core_->post(handle); }

} // namespace vt
