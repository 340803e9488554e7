// The shared state behind a CancellationTokenSource, its tokens and their
// registrations. Private to the runtime; the protocol is written out at the
// top of cancellation_state.cpp.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <thread>

#include <vt/detail/cancellation_node.hpp>
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

  /// Links `node` as the newest. False (and not linked) if cancellation was
  /// already requested: the caller then runs it itself.
  bool try_add(CancellationNode* node) noexcept;
  /// Runs every linked callback once, newest first, on this thread. Only the
  /// first call does anything. Rethrows the first exception a callback threw.
  void cancel();
  /// cancel(), unless the source was closed meanwhile (a timer that fired
  /// while the source was being destroyed).
  void cancel_if_open();
  /// Unlinks `node` if it has not started; never waits.
  bool try_remove(CancellationNode* node) noexcept;
  /// Unlinks `node`, or waits for its callback to finish on another thread.
  /// False when called from inside that very callback: then nothing waits
  /// and the canceler no longer touches the node.
  bool release(CancellationNode* node) noexcept;
  /// Moves a listed node (with its callable) to `to`, keeping its place in
  /// the list. False, and nothing moved, if it is not listed any more.
  bool relocate(CancellationNode* from, CancellationNode* to) noexcept;

  /// Records the pending cancel_after timer; returns the one it replaces.
  /// If the source is closed, returns `timer` itself so the caller stops it.
  TimerQueue::TimerId exchange_timer(TimerQueue::TimerId timer) noexcept;
  /// The source is gone: no cancel can come any more. Returns the pending
  /// timer (0 if none) for the caller to stop.
  TimerQueue::TimerId close_source() noexcept;

private:
  unsigned lock() const noexcept;
  void unlock(unsigned flags) const noexcept;
  void unlink(CancellationNode* node) noexcept;
  void run_callbacks(unsigned flags);
  void wake_disposers() noexcept;

  /// Bit layout of flags_.
  static constexpr unsigned requested_bit = 1u << 0;      // cancel() has begun
  static constexpr unsigned source_closed_bit = 1u << 1;  // the source was destroyed
  static constexpr unsigned locked_bit = 1u << 2;         // the spin lock (below)
  static constexpr unsigned disposer_waits_bit = 1u << 3; // a dispose waits for a running callback

  /// The state's lock and its lock-free flags in one word, so registering
  /// costs one locked instruction (the lock's compare-exchange; unlocking is
  /// a plain release store). Who writes: only the lock holder changes the
  /// other bits, and it stores them with the unlock (or, for requested_bit,
  /// at once with release). Who reads: the fast paths load it with acquire:
  /// a thread that sees requested_bit also sees everything the canceler
  /// wrote before cancel(), the same guarantee .NET gives. The lock is only
  /// ever held for a few pointer writes (never while a callback runs), so
  /// waiting for it spins.
  mutable std::atomic<unsigned> flags_{0};

  /// Bumped when a callback finishes and disposer_waits_bit was set; a
  /// disposer on another thread sleeps on it (atomic wait) until its node
  /// is finished.
  std::atomic<std::uint32_t> finished_generation_{0};

  // Guarded by the lock:
  /// Newest linked node (head of an intrusive doubly linked list).
  CancellationNode* newest_ = nullptr;
  /// The thread running the callbacks; written once by cancel().
  std::thread::id canceling_thread_;
  /// Pending cancel_after timer, 0 if none.
  TimerQueue::TimerId timer_ = 0;
};

} // namespace vt::detail
