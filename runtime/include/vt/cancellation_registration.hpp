// vt::CancellationRegistration: owns one callback registered on a token.
#pragma once

#include <memory>
#include <utility>

#include <vt/detail/cancellation_node.hpp>

namespace vt {

class CancellationToken;

/// Move-only RAII handle returned by CancellationToken::register_callback.
/// It holds the callback itself (no allocation for a callable of up to four
/// pointers with a noexcept move; a bigger one is boxed on the heap).
/// Destroying it (or calling dispose()) unregisters the callback and, if the
/// callback is running right now on another thread, waits until it returns,
/// so the callback never outlives what it captured. From inside the callback
/// itself it does not wait (that would deadlock); destroying the
/// registration there destroys the callable under its own feet, as for
/// std::stop_callback, so the callback must not touch its captures after
/// that. An empty registration (the token could not be canceled, or was
/// already canceled) does nothing.
///
/// Moving a registration whose callback is listed moves the callback (it
/// stays registered, in the new object). Moving one whose callback already
/// ran or is running disposes of the source object (waiting as dispose()
/// does) and leaves the target empty.
class CancellationRegistration {
public:
  CancellationRegistration() noexcept = default;
  CancellationRegistration(CancellationRegistration &&other) noexcept;
  CancellationRegistration &operator=(CancellationRegistration &&other) noexcept;
  CancellationRegistration(const CancellationRegistration &) = delete;
  CancellationRegistration &operator=(const CancellationRegistration &) = delete;
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

  /// Register steps 3-4 (runtime/src/cancellation_state.cpp): stores the
  /// callable here, then links it, or runs it at once if the token was
  /// canceled meanwhile (the registration is then empty).
  template <class F, class G>
  CancellationRegistration(std::in_place_type_t<F>, const std::shared_ptr<detail::CancellationState> &state,
                           G &&callback) {
    node_.emplace<F>(std::forward<G>(callback));
    link_or_run(state);
  }

  void link_or_run(const std::shared_ptr<detail::CancellationState> &state);
  void take_from(CancellationRegistration &other) noexcept;

  /// Set while the callback is registered (listed, running or finished and
  /// not yet disposed of); keeps the state alive for dispose().
  std::shared_ptr<detail::CancellationState> state_;
  detail::CancellationNode node_;
};

} // namespace vt
