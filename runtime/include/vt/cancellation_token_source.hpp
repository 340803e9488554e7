// vt::CancellationTokenSource: the owner that cancels its tokens.
#pragma once

#include <atomic>
#include <chrono>
#include <initializer_list>
#include <memory>
#include <vector>

#include <vt/cancellation_registration.hpp>
#include <vt/cancellation_token.hpp>

namespace vt {

/// Move-only owner of a cancellation state. All members are safe to call
/// from several threads at once. A moved-from source may only be destroyed
/// or assigned to; other calls throw InvalidOperationError.
class CancellationTokenSource {
public:
  CancellationTokenSource();
  /// Cancels itself after `delay` (see cancel_after).
  explicit CancellationTokenSource(std::chrono::milliseconds delay);
  CancellationTokenSource(CancellationTokenSource&& other) noexcept;
  CancellationTokenSource& operator=(CancellationTokenSource&& other) noexcept;
  CancellationTokenSource(const CancellationTokenSource&) = delete;
  CancellationTokenSource& operator=(const CancellationTokenSource&) = delete;
  /// Stops a pending cancel_after timer and unregisters from linked parents
  /// (waiting for a parent callback running on another thread). Tokens stay
  /// valid; if never canceled they can no longer be canceled.
  ~CancellationTokenSource();

  CancellationToken token() const;
  bool is_cancellation_requested() const noexcept;

  /// Requests cancellation: runs every registered callback once, newest first,
  /// on this thread, before returning. Idempotent: later calls do nothing.
  /// If callbacks throw, all callbacks still run, then the first exception is
  /// rethrown from here.
  void cancel();

  /// Cancels from the timer thread after `delay` (0 means "as soon as the
  /// timer thread gets to it"). A later call replaces the pending deadline.
  /// Does nothing once canceled. Throws std::invalid_argument if negative.
  void cancel_after(std::chrono::milliseconds delay);

  /// A source that is canceled when any of `parents` is (at once if one
  /// already is), and that can also be canceled on its own.
  static CancellationTokenSource create_linked(std::initializer_list<CancellationToken> parents);

private:
  /// A source linked to `first_parent` (create_linked).
  explicit CancellationTokenSource(const CancellationToken& first_parent);
  const std::shared_ptr<detail::CancellationState>& checked_state() const;
  void close() noexcept;

  std::shared_ptr<detail::CancellationState> state_;
  /// Callbacks on the parents of a linked source; dropped before the state
  /// is closed so no parent can cancel a destroyed source. The first is held
  /// here (no allocation for the common one-parent link), any more in the
  /// vector.
  CancellationRegistration first_parent_;
  std::vector<CancellationRegistration> more_parents_;
  /// cancel_after scheduled a timer, which holds a weak reference to the
  /// state: close() must then always close it (the timer may still fire).
  /// Atomic (relaxed) only because cancel_after may race with itself on
  /// another thread; close() runs after every call on the source.
  std::atomic<bool> timer_scheduled_{false};
};

} // namespace vt
