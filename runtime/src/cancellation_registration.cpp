// vt::CancellationRegistration: forwards to the state's unregister and
// dispose steps (protocol in cancellation_state.cpp).
#include <vt/cancellation_registration.hpp>

#include <utility>

#include "cancellation_state.hpp"

namespace vt {

CancellationRegistration::CancellationRegistration(std::shared_ptr<detail::CancellationState> state,
                                                   detail::CancellationCallbackBase* callback) noexcept
    : state_(std::move(state)), callback_(callback) {}

CancellationRegistration::CancellationRegistration(CancellationRegistration&& other) noexcept
    : state_(std::move(other.state_)), callback_(std::exchange(other.callback_, nullptr)) {}

CancellationRegistration& CancellationRegistration::operator=(CancellationRegistration&& other) noexcept {
  if (this != &other) {
    dispose();
    state_ = std::move(other.state_);
    callback_ = std::exchange(other.callback_, nullptr);
  }
  return *this;
}

CancellationRegistration::~CancellationRegistration() { dispose(); }

bool CancellationRegistration::unregister() noexcept {
  if (callback_ == nullptr || !state_->try_remove(callback_))
    return false;
  callback_ = nullptr;
  state_.reset();
  return true;
}

void CancellationRegistration::dispose() noexcept {
  if (callback_ == nullptr)
    return;
  // Clear our fields first: release() may hand the node to the canceler.
  auto* callback = std::exchange(callback_, nullptr);
  const auto state = std::move(state_);
  state->release(callback);
}

} // namespace vt
