// The shared state behind a CancellationTokenSource, its tokens and their
// registrations. Private to the runtime; the protocol is written out at the
// top of cancellation_state.cpp.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>

#include <vt/detail/cancellation_callback.hpp>
#include <vt/timer.hpp>

namespace vt::detail {

class CancellationState {
public:
  CancellationState() = default;
  CancellationState(const CancellationState&) = delete;
  CancellationState& operator=(const CancellationState&) = delete;

  bool is_cancellation_requested() const noexcept;
  bool can_be_canceled() const noexcept;
  /// Linked callbacks (registered, not started); walks the list.
  std::size_t registered_callback_count() const noexcept;

  /// Links `callback` as the newest. False (and not linked) if cancellation
  /// was already requested: the caller then runs it itself.
  bool try_add(CancellationCallbackBase* callback);
  /// Runs every linked callback once, newest first, on this thread. Only the
  /// first call does anything. Rethrows the first exception a callback threw.
  void cancel();
  /// cancel(), unless the source was closed meanwhile (a timer that fired
  /// while the source was being destroyed).
  void cancel_if_open();
  /// Unlinks and frees `callback` if it has not started; never waits.
  bool try_remove(CancellationCallbackBase* callback) noexcept;
  /// Unlinks (or waits for, or hands over) and frees `callback`.
  void release(CancellationCallbackBase* callback) noexcept;

  /// Records the pending cancel_after timer; returns the one it replaces.
  /// If the source is closed, returns `timer` itself so the caller stops it.
  TimerQueue::TimerId exchange_timer(TimerQueue::TimerId timer) noexcept;
  /// The source is gone: no cancel can come any more. Returns the pending
  /// timer (0 if none) for the caller to stop.
  TimerQueue::TimerId close_source() noexcept;

private:
  void unlink(CancellationCallbackBase* callback) noexcept;
  void run_callbacks(std::unique_lock<std::mutex>& lock);

  /// Bit layout of flags_.
  static constexpr unsigned requested_bit = 1u << 0;      // cancel() has begun
  static constexpr unsigned source_closed_bit = 1u << 1;  // the source was destroyed

  /// Written only under mutex_ (so it agrees with the list); read without the
  /// lock by the fast paths. Stores are release, loads acquire: a thread that
  /// sees requested_bit also sees everything the canceler wrote before
  /// cancel(), the same guarantee .NET gives.
  std::atomic<unsigned> flags_{0};

  /// Guards every field below and every node's bookkeeping fields.
  mutable std::mutex mutex_;
  /// Signalled each time a callback finishes, for release() on other threads.
  std::condition_variable callback_finished_;
  /// Newest linked callback (head of an intrusive doubly linked list).
  CancellationCallbackBase* newest_ = nullptr;
  /// The thread running the callbacks; written once by cancel().
  std::thread::id canceling_thread_;
  /// Pending cancel_after timer, 0 if none.
  TimerQueue::TimerId timer_ = 0;
};

} // namespace vt::detail
