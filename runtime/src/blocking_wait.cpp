// Blocking on a task (Task::wait/get via detail::wait_for).
//
// On a pool worker (HelpingWaiter):
//   1. The waiting worker registers a HelpingWaiter node on the task.
//   2. Until the node's flag is set it runs its pool's queued work (same
//      order as the worker loop), sleeping through the pool's two-phase
//      sleep when there is none (worker_loop.cpp, help_until), so a
//      one-thread pool cannot deadlock on work queued behind it.
//   3. The completer sets the flag and wakes all sleepers under the
//      notifier's mutex (the waiter cannot tell which sleeper it is).
//   4. The waiter, having seen the flag, takes the mutex once (handshake):
//      the completer is then out of the pool's notifier for good, so the
//      pool may be destroyed as soon as the wait returns.
//
// Outside any pool (BlockingWaiter):
//   1. Register a BlockingWaiter node on the task.
//   2. Sleep on its condition variable until `done`.
//   3. The completer sets `done` and signals under the node's mutex, so the
//      waiter cannot return (destroying the node) before it lets go.
#include <condition_variable>
#include <mutex>

#include "pool_core.hpp"

namespace vt::detail {

namespace {

struct HelpingWaiter : Continuation {
  explicit HelpingWaiter(PoolCore &pool_core) : core(&pool_core) { fire = &wake; }
  static void wake(Continuation *self) noexcept {
    auto *waiter = static_cast<HelpingWaiter *>(self);
    // Step 3. The node (on the waiter's stack) stays valid until the
    // handshake of step 4, which waits for this call to let go.
    waiter->core->set_done_and_wake(waiter->done);
  }
  PoolCore *core;
  std::atomic<bool> done{false};
};

struct BlockingWaiter : Continuation {
  BlockingWaiter() { fire = &wake; }
  static void wake(Continuation *self) noexcept {
    auto *waiter = static_cast<BlockingWaiter *>(self);
    std::lock_guard lock(waiter->mutex); // Step 3.
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
    if (list.add(&waiter))                            // Step 1.
      self->core.help_until(*self, waiter.done);      // Steps 2 and 4.
    return;
  }
  BlockingWaiter waiter;
  if (!list.add(&waiter)) // Step 1.
    return;
  std::unique_lock lock(waiter.mutex); // Step 2.
  waiter.condition.wait(lock, [&] { return waiter.done; });
}

} // namespace vt::detail
