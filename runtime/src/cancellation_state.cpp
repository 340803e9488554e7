// The cancellation protocol. One mutex per state guards the callback list and
// each node's phase; callbacks never run under it. flags_ mirrors the
// requested/closed bits for lock-free reads.
//
// Register (CancellationToken::register_callback):
//   1. If the token cannot be canceled, return an empty registration.
//   2. If requested_bit is set (acquire), run the callback on this thread and
//      return an empty registration (no allocation).
//   3. Allocate the node; lock; if requested_bit is set now, unlock, run the
//      callback here, free the node, return empty.
//   4. Otherwise link the node as the newest (phase listed), unlock, return a
//      registration that owns the node.
//
// Cancel (CancellationTokenSource::cancel, a linked parent, the timer):
//   1. Lock. If requested_bit is already set, unlock and return (idempotent;
//      the first canceler runs the callbacks).
//   2. Record this thread as the canceling thread; set requested_bit
//      (release). From now on register runs callbacks inline (step 2/3).
//   3. While a node is linked: unlink the newest (LIFO), mark it running,
//      unlock, invoke it (catching any exception, keeping the first), lock,
//      mark it finished, free it if its registration was disposed from inside
//      it (orphaned), notify callback_finished_.
//   4. Unlock; rethrow the first exception, if any.
//
// Unregister (CancellationRegistration::unregister, never waits):
//   1. Lock. If the node is listed: unlink it, unlock, free it, return true:
//      it can no longer run because only cancel step 3 takes listed nodes.
//   2. Otherwise (running or finished) unlock and return false; the
//      registration keeps the node so that dispose can still wait.
//
// Dispose (CancellationRegistration::dispose and its destructor):
//   1. Lock. listed: unlink; the callback never runs. Go to 4.
//   2. running and this is the canceling thread: we are inside the callback
//      (cppcoro issue #221). Mark the node orphaned, unlock, return: cancel
//      step 3 frees it when the callback returns. No wait, no deadlock.
//   3. running on another thread: wait on callback_finished_ until the node
//      is finished. finished: nothing to wait for.
//   4. Unlock and free the node (destroying the callable outside the lock).
//
// The node is freed exactly once: by unregister/dispose, or by the canceler
// for an orphaned node; the two are decided under the mutex. The state
// outlives every node because each registration holds a shared_ptr to it,
// and the canceler is always called through a shared_ptr its caller holds.
#include "cancellation_state.hpp"

#include <exception>

namespace vt::detail {

bool CancellationState::is_cancellation_requested() const noexcept {
  // acquire: pairs with the release store in cancel() (see flags_).
  return (flags_.load(std::memory_order_acquire) & requested_bit) != 0;
}

bool CancellationState::can_be_canceled() const noexcept {
  // acquire: as above; once source_closed_bit is set without requested_bit,
  // neither bit changes again.
  const unsigned flags = flags_.load(std::memory_order_acquire);
  return (flags & requested_bit) != 0 || (flags & source_closed_bit) == 0;
}

std::size_t CancellationState::registered_callback_count() const noexcept {
  std::lock_guard lock(mutex_);
  std::size_t count = 0;
  for (const CancellationCallbackBase* callback = newest_; callback != nullptr; callback = callback->older_)
    ++count;
  return count;
}

bool CancellationState::try_add(CancellationCallbackBase* callback) {
  std::lock_guard lock(mutex_);
  // relaxed: flags_ is only written under mutex_, which we hold.
  if (flags_.load(std::memory_order_relaxed) & requested_bit)
    return false;
  callback->phase_ = CancellationCallbackBase::Phase::listed;
  callback->older_ = newest_;
  callback->newer_ = nullptr;
  if (newest_ != nullptr)
    newest_->newer_ = callback;
  newest_ = callback;
  return true;
}

void CancellationState::unlink(CancellationCallbackBase* callback) noexcept {
  if (callback->newer_ != nullptr)
    callback->newer_->older_ = callback->older_;
  else
    newest_ = callback->older_;
  if (callback->older_ != nullptr)
    callback->older_->newer_ = callback->newer_;
  callback->newer_ = callback->older_ = nullptr;
}

void CancellationState::cancel() {
  std::unique_lock lock(mutex_);
  run_callbacks(lock);
}

void CancellationState::cancel_if_open() {
  std::unique_lock lock(mutex_);
  // relaxed: written only under mutex_, which we hold.
  if (flags_.load(std::memory_order_relaxed) & source_closed_bit)
    return;
  run_callbacks(lock);
}

void CancellationState::run_callbacks(std::unique_lock<std::mutex>& lock) {
  // Step 1. relaxed: written only under mutex_, which we hold.
  const unsigned flags = flags_.load(std::memory_order_relaxed);
  if (flags & requested_bit)
    return;
  // Step 2. release: publishes the canceler's earlier writes to lock-free
  // readers of is_cancellation_requested().
  canceling_thread_ = std::this_thread::get_id();
  flags_.store(flags | requested_bit, std::memory_order_release);

  // Step 3.
  std::exception_ptr first_error;
  while (CancellationCallbackBase* callback = newest_) {
    unlink(callback);
    callback->phase_ = CancellationCallbackBase::Phase::running;
    lock.unlock();
    try {
      callback->invoke();
    } catch (...) {
      if (!first_error)
        first_error = std::current_exception();
    }
    lock.lock();
    callback->phase_ = CancellationCallbackBase::Phase::finished;
    if (callback->orphaned_) {
      lock.unlock();
      delete callback;
      lock.lock();
    }
    callback_finished_.notify_all();
  }

  // Step 4.
  lock.unlock();
  if (first_error)
    std::rethrow_exception(first_error);
}

bool CancellationState::try_remove(CancellationCallbackBase* callback) noexcept {
  std::unique_lock lock(mutex_);
  if (callback->phase_ != CancellationCallbackBase::Phase::listed)
    return false;
  unlink(callback);
  lock.unlock();
  delete callback;
  return true;
}

void CancellationState::release(CancellationCallbackBase* callback) noexcept {
  using Phase = CancellationCallbackBase::Phase;
  std::unique_lock lock(mutex_);
  switch (callback->phase_) {
  case Phase::listed:
    unlink(callback);
    break;
  case Phase::running:
    if (canceling_thread_ == std::this_thread::get_id()) {
      callback->orphaned_ = true;
      return;
    }
    callback_finished_.wait(lock, [callback] { return callback->phase_ == Phase::finished; });
    break;
  case Phase::finished:
    break;
  }
  lock.unlock();
  delete callback;
}

TimerQueue::TimerId CancellationState::exchange_timer(TimerQueue::TimerId timer) noexcept {
  std::lock_guard lock(mutex_);
  // relaxed: written only under mutex_, which we hold.
  if (flags_.load(std::memory_order_relaxed) & source_closed_bit)
    return timer;
  const TimerQueue::TimerId replaced = timer_;
  timer_ = timer;
  return replaced;
}

TimerQueue::TimerId CancellationState::close_source() noexcept {
  std::lock_guard lock(mutex_);
  // relaxed load: we hold mutex_. release store: can_be_canceled() readers
  // that see the closed bit see a settled state.
  flags_.store(flags_.load(std::memory_order_relaxed) | source_closed_bit, std::memory_order_release);
  const TimerQueue::TimerId pending = timer_;
  timer_ = 0;
  return pending;
}

} // namespace vt::detail
