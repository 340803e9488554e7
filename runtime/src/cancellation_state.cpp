// The cancellation protocol. One spin lock per state (a bit of flags_)
// guards the callback list and each node's phase; callbacks never run under
// it. The nodes live inside their CancellationRegistration objects, so
// nothing here allocates or frees.
//
// Register (CancellationToken::register_callback):
//   1. If the token cannot be canceled, return an empty registration.
//   2. If requested_bit is set (acquire), run the callback on this thread and
//      return an empty registration.
//   3. Store the callable in the registration's node; lock; if requested_bit
//      is set now, unlock, run the callback here, destroy it, return empty.
//   4. Otherwise link the node as the newest (phase listed), unlock; the
//      registration keeps a reference to the state.
//
// Cancel (CancellationTokenSource::cancel, a linked parent, the timer):
//   1. Lock. If requested_bit is already set, unlock and return (idempotent;
//      the first canceler runs the callbacks).
//   2. Record this thread as the canceling thread; set requested_bit
//      (release, still locked). From now on register runs callbacks inline
//      (step 2/3).
//   3. While a node is linked: unlink the newest (LIFO), mark it running,
//      point it at a `disposed` flag on this stack, unlock, invoke it
//      (catching any exception, keeping the first), lock; unless `disposed`
//      was set (the registration was disposed from inside the callback and
//      may be gone), mark it finished. If a disposer waits
//      (disposer_waits_bit), clear the bit, unlock, wake it (dispose step
//      3), lock. The lock taken after one callback also serves the next.
//   4. Unlock; rethrow the first exception, if any.
//
// Unregister (CancellationRegistration::unregister, never waits):
//   1. Lock. If the node is listed: unlink it, unlock, return true: it can
//      no longer run because only cancel step 3 takes listed nodes.
//   2. Otherwise (running or finished) unlock and return false; the
//      registration keeps its callable so that dispose can still wait.
//
// Dispose (CancellationRegistration::dispose and its destructor):
//   1. Lock. listed: unlink; the callback never runs. finished: nothing to
//      wait for. Either way unlock, and the caller destroys the callable.
//   2. running and this is the canceling thread: we are inside the callback
//      (cppcoro issue #221). Set the canceler's `disposed` flag, unlock and
//      return without waiting; the canceler will not touch the node again.
//   3. running on another thread: read finished_generation_ and set
//      disposer_waits_bit, unlock, sleep until the generation moves (cancel
//      step 3 bumps it after it marked a node finished under the lock, so
//      the bump cannot come before our read), lock, go to 1.
//
// Move (CancellationRegistration's move constructor and assignment):
//   1. Lock. listed: point the neighbours (or newest_) at the new node, move
//      the callable into it, unlock. The callback stays registered.
//   2. Otherwise unlock and dispose of the old registration (dispose steps
//      1-3); the new one is empty.
//
// Lifetimes: a registration holds a shared_ptr to the state from step 4
// until it is disposed of, and the canceler is always called through a
// shared_ptr its caller holds, so the state outlives every use of it here.
// A node is only touched by the canceler between steps 3's lock and unlock,
// or during its callback while the registration cannot be gone (a disposer
// on another thread waits; one on this thread sets `disposed`).
#include "cancellation_state.hpp"

#include <exception>

namespace vt::detail {

namespace {
void spin_pause() noexcept {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#else
  std::this_thread::yield();
#endif
}
} // namespace

unsigned CancellationState::lock() const noexcept {
  unsigned flags = flags_.load(std::memory_order_relaxed);
  for (int spins = 0;; ++spins) {
    // acquire: pairs with unlock()'s release, so the holder's list writes
    // are visible. relaxed on failure: we only retry.
    if ((flags & locked_bit) == 0 &&
        flags_.compare_exchange_weak(flags, flags | locked_bit, std::memory_order_acquire,
                                     std::memory_order_relaxed))
      return flags;
    if (spins < 64) {
      spin_pause();
    } else {
      std::this_thread::yield(); // The holder was descheduled.
    }
    flags = flags_.load(std::memory_order_relaxed);
  }
}

void CancellationState::unlock(unsigned flags) const noexcept {
  // release: publishes the list writes made under the lock to the next
  // holder, and the bits to acquire readers. A plain store suffices: only
  // the holder writes flags_ while locked_bit is set.
  flags_.store(flags & ~locked_bit, std::memory_order_release);
}

bool CancellationState::is_cancellation_requested() const noexcept {
  // acquire: pairs with the release store in cancel step 2 (see flags_).
  return (flags_.load(std::memory_order_acquire) & requested_bit) != 0;
}

bool CancellationState::can_be_canceled() const noexcept {
  // acquire: as above; once source_closed_bit is set without requested_bit,
  // neither bit changes again.
  const unsigned flags = flags_.load(std::memory_order_acquire);
  return (flags & requested_bit) != 0 || (flags & source_closed_bit) == 0;
}

std::size_t CancellationState::registered_callback_count() const noexcept {
  const unsigned flags = lock();
  std::size_t count = 0;
  for (const CancellationNode* node = newest_; node != nullptr; node = node->older_)
    ++count;
  unlock(flags);
  return count;
}

bool CancellationState::try_add(CancellationNode* node) noexcept {
  const unsigned flags = lock(); // Register step 3.
  if (flags & requested_bit) {
    unlock(flags);
    return false;
  }
  node->phase_ = CancellationNode::Phase::listed; // Step 4.
  node->older_ = newest_;
  node->newer_ = nullptr;
  if (newest_ != nullptr)
    newest_->newer_ = node;
  newest_ = node;
  unlock(flags);
  return true;
}

void CancellationState::unlink(CancellationNode* node) noexcept {
  if (node->newer_ != nullptr)
    node->newer_->older_ = node->older_;
  else
    newest_ = node->older_;
  if (node->older_ != nullptr)
    node->older_->newer_ = node->newer_;
  node->newer_ = node->older_ = nullptr;
  node->phase_ = CancellationNode::Phase::unlinked;
}

void CancellationState::cancel() { run_callbacks(lock()); }

void CancellationState::cancel_if_open() {
  const unsigned flags = lock();
  if (flags & source_closed_bit) {
    unlock(flags);
    return;
  }
  run_callbacks(flags);
}

void CancellationState::run_callbacks(unsigned flags) {
  if (flags & requested_bit) { // Step 1.
    unlock(flags);
    return;
  }
  // Step 2. release (the lock stays held): publishes the canceler's earlier
  // writes to lock-free readers of is_cancellation_requested().
  canceling_thread_ = std::this_thread::get_id();
  flags |= requested_bit;
  flags_.store(flags | locked_bit, std::memory_order_release);

  std::exception_ptr first_error; // Step 3.
  while (CancellationNode* node = newest_) {
    unlink(node);
    node->phase_ = CancellationNode::Phase::running;
    bool disposed = false;
    node->disposed_while_running_ = &disposed;
    unlock(flags);
    try {
      node->invoke();
    } catch (...) {
      if (!first_error)
        first_error = std::current_exception();
    }
    flags = lock();
    if (!disposed) {
      node->phase_ = CancellationNode::Phase::finished;
      node->disposed_while_running_ = nullptr;
    }
    if (flags & disposer_waits_bit) {
      flags &= ~disposer_waits_bit;
      unlock(flags);
      wake_disposers();
      flags = lock();
    }
  }
  unlock(flags); // Step 4.
  if (first_error)
    std::rethrow_exception(first_error);
}

void CancellationState::wake_disposers() noexcept {
  // release: orders the finished mark (already published by the unlock)
  // before the bump for a waiter that skips the lock; the waiter re-checks
  // under the lock anyway.
  finished_generation_.fetch_add(1, std::memory_order_release);
  finished_generation_.notify_all();
}

bool CancellationState::try_remove(CancellationNode* node) noexcept {
  const unsigned flags = lock(); // Unregister step 1.
  const bool listed = node->phase_ == CancellationNode::Phase::listed;
  if (listed)
    unlink(node);
  unlock(flags); // Step 2 when not listed.
  return listed;
}

bool CancellationState::release(CancellationNode* node) noexcept {
  using Phase = CancellationNode::Phase;
  unsigned flags = lock();
  for (;;) {
    switch (node->phase_) {
    case Phase::listed: // Dispose step 1.
      unlink(node);
      unlock(flags);
      return true;
    case Phase::unlinked:
    case Phase::finished:
      unlock(flags);
      return true;
    case Phase::running:
      if (canceling_thread_ == std::this_thread::get_id()) { // Step 2.
        *node->disposed_while_running_ = true;
        node->phase_ = Phase::unlinked;
        unlock(flags);
        return false;
      }
      break;
    }
    // Step 3. relaxed: read under the lock, before the canceler can take it
    // to mark the node finished and bump; the wait's acquire load pairs
    // with the bump.
    const std::uint32_t generation = finished_generation_.load(std::memory_order_relaxed);
    unlock(flags | disposer_waits_bit);
    finished_generation_.wait(generation, std::memory_order_acquire);
    flags = lock();
  }
}

bool CancellationState::relocate(CancellationNode* from, CancellationNode* to) noexcept {
  const unsigned flags = lock(); // Move step 1.
  if (from->phase_ != CancellationNode::Phase::listed) {
    unlock(flags); // Step 2 is the caller's.
    return false;
  }
  to->newer_ = from->newer_;
  to->older_ = from->older_;
  if (to->newer_ != nullptr)
    to->newer_->older_ = to;
  else
    newest_ = to;
  if (to->older_ != nullptr)
    to->older_->newer_ = to;
  to->phase_ = CancellationNode::Phase::listed;
  to->take_callable(*from);
  from->newer_ = from->older_ = nullptr;
  from->phase_ = CancellationNode::Phase::unlinked;
  unlock(flags);
  return true;
}

TimerQueue::TimerId CancellationState::exchange_timer(TimerQueue::TimerId timer) noexcept {
  const unsigned flags = lock();
  TimerQueue::TimerId replaced = timer;
  if ((flags & source_closed_bit) == 0) {
    replaced = timer_;
    timer_ = timer;
  }
  unlock(flags);
  return replaced;
}

TimerQueue::TimerId CancellationState::close_source() noexcept {
  const unsigned flags = lock();
  const TimerQueue::TimerId pending = timer_;
  timer_ = 0;
  // The unlock's release store publishes the closed bit: can_be_canceled()
  // readers that see it see a settled state.
  unlock(flags | source_closed_bit);
  return pending;
}

} // namespace vt::detail
