// vt::CancellationRegistration: owns one callback registered on a token.
#pragma once

#include <memory>

#include <vt/detail/cancellation_callback.hpp>

namespace vt {

class CancellationToken;

/// Move-only RAII handle returned by CancellationToken::register_callback.
/// Destroying it (or calling dispose()) unregisters the callback and, if the
/// callback is running right now on another thread, waits until it returns,
/// so the callback never outlives what it captured. From inside the callback
/// itself it does not wait (that would deadlock). An empty registration (the
/// token could not be canceled, or was already canceled) does nothing.
class CancellationRegistration {
public:
  CancellationRegistration() noexcept = default;
  CancellationRegistration(CancellationRegistration&& other) noexcept;
  CancellationRegistration& operator=(CancellationRegistration&& other) noexcept;
  CancellationRegistration(const CancellationRegistration&) = delete;
  CancellationRegistration& operator=(const CancellationRegistration&) = delete;
  ~CancellationRegistration();

  /// Removes the callback if it has not started. Returns true if it was
  /// removed before running (it will then never run); false if it already
  /// ran, is running, or nothing is registered. Never waits.
  bool unregister() noexcept;

  /// Unregisters, waiting for a callback running on another thread. Leaves
  /// the registration empty.
  void dispose() noexcept;

private:
  friend class CancellationToken;
  CancellationRegistration(std::shared_ptr<detail::CancellationState> state,
                           detail::CancellationCallbackBase* callback) noexcept;

  std::shared_ptr<detail::CancellationState> state_;
  /// Owned by this registration until dispose() (or handed to the canceling
  /// thread when disposed from inside the running callback).
  detail::CancellationCallbackBase* callback_ = nullptr;
};

} // namespace vt
