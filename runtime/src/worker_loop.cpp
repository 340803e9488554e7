// The pool's workers. Public contract in <vt/thread_pool.hpp>; the other
// mechanisms are listed in pool_core.hpp.
//
// Worker loop (each worker, until shutdown):
//   1. Take work (find_work): own next slot, then own deque, newest first
//      (LIFO; hot in cache) -> global queue, oldest first (FIFO) -> steal
//      ONE item, the oldest, from another worker, starting at a random
//      victim (spreads thieves so they do not all hit worker 0). Fairness:
//      after ThreadPool::global_queue_interval local items in a row, the
//      global queue is tried before the local ones (below).
//   2. Found something: resume it, go to 1.
//   3. Nothing, and the pool is stopping: leave (shutdown step 3).
//   4. Nothing: spin a few rounds of step 1 (cheap when work arrives within
//      microseconds), then sleep (sleep_unless, the one two-phase sleep of
//      the pool), then go to 1.
//
// Sleep (sleep_unless(leave), used by the loop and by help_until):
//   1. prepare_wait: announce this worker to the notifier (notifier.hpp W1).
//   2. If leave() holds (the pool stops, the awaited task completed):
//      cancel_wait and return nothing; the caller re-tests its condition.
//   3. Re-check every queue (W2): work found -> cancel_wait, return it.
//   4. commit_wait (W3) until a notify moves the epoch; return nothing.
//   Every push (global or local) calls notify_one after the item is
//   visible, and whoever makes leave() true notifies too, so no wake-up is
//   lost. (notify_one costs a push a compiler fence and a load when nobody
//   sleeps: the real fence is paid by the sleeper, see asymmetric_fence.hpp.)
//
// Fairness (like Tokio's global_queue_interval): a worker whose items keep
// queueing more local work would otherwise never look at the global queue,
// and work queued from outside would wait for as long as the flood lasts.
//   1. Each local item taken (next slot or deque) adds 1 to the worker's
//      local_streak; an item from the global queue or a steal resets it.
//   2. When local_streak reaches global_queue_interval, step 1 of the loop
//      tries the global queue first (resetting the streak either way).
// So an outside item waits behind at most global_queue_interval local items
// of each worker; the check costs one seq_cst load every that many items.
//
// Global batch (like Tokio's take from its injection queue): a worker that
// takes from the global queues takes its share, not one item.
//   1. Take the oldest min(size / workers + 1, kGlobalBatch) items of the
//      first non-empty global queue, looking at the outside threads'
//      injection queues and the shared queue round robin, from a cursor
//      that moves on every look (injection_queue.hpp W1-W4; global_queue.hpp
//      pop step 2), so no outside thread's queue waits behind another's.
//   2. Run the oldest; push the others to the own deque newest first, so
//      the LIFO pops still take them oldest first, and thieves (FIFO end)
//      take the newest of the batch. They count as global pops and again
//      as local pushes, so the stats' balance still holds.
//   3. Notify once, so a sleeping worker can come and steal from the batch.
// Why: a producer outside the pool pushing many small items otherwise meets
// every worker on the global queue's mutex once per item; with the batch the
// workers lock once per share, and the rest of the handoff is the deque's.
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
//   3. A worker leaves only when step 1 of the loop found no work and the
//      flag is set, so everything queued before (and by) the last items
//      still runs.
//   4. Join every worker; then the queues are empty and are destroyed.
#include <array>
#include <utility>

#include "pool_core.hpp"

namespace vt::detail {

namespace {
constexpr int kSpinRounds = 32;
/// The most items one take from the global queue moves (global batch).
constexpr std::size_t kGlobalBatch = 32;
} // namespace

constinit thread_local Worker *tls_worker = nullptr;

namespace {
/// Pool ids for the injection queues' thread-local bindings: never reused,
/// so a binding to a dead pool never matches a new one at the same address.
std::atomic<std::uint64_t> next_pool_id{1}; // relaxed: only uniqueness matters.
} // namespace

PoolCore::PoolCore(ThreadPool &pool, unsigned threads)
    : pool_(pool), injectors_(next_pool_id.fetch_add(1, std::memory_order_relaxed)) {
  enable_asymmetric_fences(); // Before any worker can sleep (notifier.hpp).
  workers_.reserve(threads);
  for (unsigned i = 0; i < threads; ++i)
    workers_.push_back(std::make_unique<Worker>(*this, i));
  // Start threads only once every Worker exists: thieves index workers_.
  for (auto &worker : workers_)
    worker->thread = std::thread([this, w = worker.get()] { run_worker(*w); });
}

void PoolCore::shutdown() {
  // Shutdown step 1. seq_cst: pairs with the sleeper's prepare_wait and
  // seq_cst load of the flag, the same Dekker race as a push (notifier.hpp).
  stopping_.store(true, std::memory_order_seq_cst);
  notifier_.notify_all();       // Step 2.
  for (auto &worker : workers_) // Step 4.
    worker->thread.join();
}

void PoolCore::post(std::coroutine_handle<> handle) {
  Worker *self = tls_worker;
  if (self == nullptr || &self->core != this)
    return post_from_outside(handle);
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

void PoolCore::post_from_outside(std::coroutine_handle<> handle) {
  InjectionQueue *queue = injectors_.queue_for_this_thread();
  if (queue == nullptr)
    return post_global(handle);
  queue->push(handle);    // Injection queue steps P1-P3.
  notifier_.notify_one(); // P4.
}

void PoolCore::post_global(std::coroutine_handle<> handle) {
  global_.push(handle);   // Global queue push steps 1-2.
  notifier_.notify_one(); // Step 3.
}

std::coroutine_handle<> PoolCore::find_work(Worker &self) {
  if (self.local_streak >= ThreadPool::global_queue_interval) { // Fairness, step 2.
    self.local_streak = 0;
    if (auto item = take_global(self))
      return item;
  }
  if (self.next_slot) { // Next slot, step 3.
    ++self.local_streak; // Fairness, step 1.
    self.local_pops.increment();
    return std::exchange(self.next_slot, nullptr);
  }
  if (auto item = self.local.pop()) {
    ++self.local_streak;
    self.local_pops.increment();
    return *item;
  }
  if (auto item = take_global(self))
    return item;
  return steal(self);
}

std::coroutine_handle<> PoolCore::take_global(Worker &self) {
  std::array<std::coroutine_handle<>, kGlobalBatch> batch; // Global batch, step 1.
  const std::size_t injectors = injectors_.count();
  const std::size_t queues = injectors + 1; // The shared queue is the last.
  std::size_t count = 0;
  for (std::size_t i = 0; i < queues && count == 0; ++i) {
    const std::size_t which = (self.global_cursor + i) % queues;
    count = which == injectors ? global_.try_pop_batch(batch, workers_.size())
                               : injectors_.at(which)->take_batch(batch, workers_.size());
  }
  ++self.global_cursor;
  if (count == 0)
    return nullptr;
  self.local_streak = 0;
  self.global_pops.add(count);
  if (count == 1)
    return batch[0];
  for (std::size_t i = count - 1; i > 0; --i) // Step 2.
    self.local.push(batch[i]);
  self.local_pushes.add(count - 1);
  notifier_.notify_one(); // Step 3.
  return batch[0];
}

std::coroutine_handle<> PoolCore::steal(Worker &self) {
  const std::size_t count = workers_.size();
  if (count < 2)
    return nullptr;
  const std::size_t start = self.next_random() % count;
  for (std::size_t i = 0; i < count; ++i) {
    Worker &victim = *workers_[(start + i) % count];
    if (&victim == &self)
      continue;
    if (auto item = victim.local.steal()) {
      self.local_streak = 0;
      self.steals.increment();
      return *item;
    }
  }
  return nullptr;
}

std::coroutine_handle<> PoolCore::spin(Worker &self) {
  for (int round = 0; round < kSpinRounds; ++round) {
    if (auto item = find_work(self))
      return item;
    std::this_thread::yield();
  }
  return nullptr;
}

template <typename Leave>
std::coroutine_handle<> PoolCore::sleep_unless(Worker &self, const Leave &leave) {
  const std::uint64_t epoch = notifier_.prepare_wait(); // Sleep step 1.
  if (leave()) {                                        // Step 2.
    notifier_.cancel_wait();
    return nullptr;
  }
  if (auto item = find_work(self)) { // Step 3.
    notifier_.cancel_wait();
    return item;
  }
  notifier_.commit_wait(epoch); // Step 4.
  return nullptr;
}

void PoolCore::run_worker(Worker &self) {
  tls_worker = &self;
  // Sleep step 2's condition. seq_cst: see shutdown().
  const auto stopping = [this] { return stopping_.load(std::memory_order_seq_cst); };
  for (;;) {
    std::coroutine_handle<> item = find_work(self); // Loop step 1.
    if (!item && stopping())                        // Step 3.
      break;
    if (!item)
      item = spin(self); // Step 4.
    if (!item)
      item = sleep_unless(self, stopping);
    if (item)
      item.resume(); // Step 2.
  }
  tls_worker = nullptr;
}

void PoolCore::help_until(Worker &self, const std::atomic<bool> &done) {
  // seq_cst: after our seq_cst announcement (sleep step 1), either we see
  // done or the completer sees us waiting (set_done_and_wake).
  const auto is_done = [&done] { return done.load(std::memory_order_seq_cst); };
  // acquire: pairs with the completer's store, so the result is visible.
  while (!done.load(std::memory_order_acquire)) {
    std::coroutine_handle<> item = find_work(self);
    if (!item)
      item = sleep_unless(self, is_done);
    if (item)
      item.resume();
  }
  // The completer may still be inside set_done_and_wake (a timer thread,
  // say); once this returns, the caller may go on to destroy the pool.
  notifier_.handshake();
}

void PoolCore::set_done_and_wake(std::atomic<bool> &done) {
  // seq_cst: the waiter's half is prepare_wait + a seq_cst load of done.
  notifier_.set_and_notify_all([&] { done.store(true, std::memory_order_seq_cst); });
}

ThreadPoolStats PoolCore::stats() const noexcept {
  ThreadPoolStats total;
  total.global_pushes = global_.pushes() + injectors_.pushes();
  for (const auto &worker : workers_) {
    total.local_pushes += worker->local_pushes.read();
    total.local_pops += worker->local_pops.read();
    total.global_pops += worker->global_pops.read();
    total.steals += worker->steals.read();
  }
  return total;
}

ThreadPool *current_pool() noexcept {
  Worker *self = tls_worker;
  return self != nullptr ? &self->core.pool() : nullptr;
}

ThreadPool &current_or_default_pool() {
  ThreadPool *pool = current_pool();
  return pool != nullptr ? *pool : ThreadPool::default_pool();
}

void post(ThreadPool &pool, std::coroutine_handle<> handle) { pool.post(handle); }

bool complete_from_final_suspend(CompletionList &list) noexcept {
  Worker *self = tls_worker;
  if (self == nullptr)
    return list.complete();
  self->completing_frame = true; // Next slot, step 1.
  const bool abandoned = list.complete();
  self->completing_frame = false;
  return abandoned;
}

} // namespace vt::detail
