// vt::CancellationRegistration: its node lives inside it; this forwards to
// the state's register, unregister, dispose and move steps (protocol in
// cancellation_state.cpp).
#include <vt/cancellation_registration.hpp>

#include <utility>

#include "cancellation_state.hpp"

namespace vt {

void CancellationRegistration::link_or_run(const std::shared_ptr<detail::CancellationState> &state) {
  if (state->try_add(&node_)) { // Register step 4.
    state_ = state;
    return;
  }
  // Register step 3: canceled meanwhile. Run it here, then drop it, even if
  // it throws (the exception propagates from register_callback).
  struct Drop {
    detail::CancellationNode &node;
    ~Drop() { node.destroy_callable(); }
  } drop{node_};
  node_.invoke();
}

void CancellationRegistration::take_from(CancellationRegistration &other) noexcept {
  if (other.state_ == nullptr)
    return; // Empty, or disposed from inside its running callback: stays there.
  if (other.state_->relocate(&other.node_, &node_)) { // Move step 1.
    state_ = std::move(other.state_);
    return;
  }
  other.dispose(); // Move step 2.
}

CancellationRegistration::CancellationRegistration(CancellationRegistration &&other) noexcept { take_from(other); }

CancellationRegistration &CancellationRegistration::operator=(CancellationRegistration &&other) noexcept {
  if (this != &other) {
    dispose();
    node_.destroy_callable();
    take_from(other);
  }
  return *this;
}

CancellationRegistration::~CancellationRegistration() {
  dispose();
  node_.destroy_callable();
}

bool CancellationRegistration::unregister() noexcept {
  if (state_ == nullptr || !state_->try_remove(&node_))
    return false;
  state_.reset();
  node_.destroy_callable();
  return true;
}

void CancellationRegistration::dispose() noexcept {
  if (state_ == nullptr)
    return;
  const auto state = std::move(state_);
  // False when disposed from inside the running callback: the callable is
  // still executing, so it is destroyed later, with this object.
  if (state->release(&node_))
    node_.destroy_callable();
}

} // namespace vt
