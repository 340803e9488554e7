// vt::CancellationTokenSource: owns the state, its cancel_after timer and, for
// a linked source, the registrations on its parents.
#include <vt/cancellation_token_source.hpp>

#include <stdexcept>
#include <utility>

#include <vt/errors.hpp>
#include <vt/timer.hpp>

#include "cancellation_state.hpp"

namespace vt {

CancellationTokenSource::CancellationTokenSource()
    : state_(std::make_shared<detail::CancellationState>()) {}

CancellationTokenSource::CancellationTokenSource(std::chrono::milliseconds delay) : CancellationTokenSource() {
  cancel_after(delay);
}

CancellationTokenSource::CancellationTokenSource(CancellationTokenSource&& other) noexcept
    : state_(std::move(other.state_)), parent_registrations_(std::move(other.parent_registrations_)) {}

CancellationTokenSource& CancellationTokenSource::operator=(CancellationTokenSource&& other) noexcept {
  if (this != &other) {
    close();
    state_ = std::move(other.state_);
    parent_registrations_ = std::move(other.parent_registrations_);
  }
  return *this;
}

CancellationTokenSource::~CancellationTokenSource() { close(); }

void CancellationTokenSource::close() noexcept {
  // Parents first: once their callbacks are disposed (waiting for one that
  // runs elsewhere), only the timer could still cancel, and close_source()
  // turns a timer that fires from now on into a no-op.
  parent_registrations_.clear();
  if (state_ == nullptr)
    return;
  if (const auto timer = state_->close_source(); timer != 0)
    detail::TimerQueue::instance().cancel(timer);
  state_.reset();
}

const std::shared_ptr<detail::CancellationState>& CancellationTokenSource::checked_state() const {
  if (state_ == nullptr)
    throw InvalidOperationError("this CancellationTokenSource has been moved from");
  return state_;
}

CancellationToken CancellationTokenSource::token() const { return CancellationToken(checked_state()); }

bool CancellationTokenSource::is_cancellation_requested() const noexcept {
  return state_ != nullptr && state_->is_cancellation_requested();
}

void CancellationTokenSource::cancel() {
  // Keep the state alive even if a callback destroys this source.
  const auto state = checked_state();
  state->cancel();
}

void CancellationTokenSource::cancel_after(std::chrono::milliseconds delay) {
  const auto& state = checked_state();
  if (delay < std::chrono::milliseconds::zero())
    throw std::invalid_argument("cancel_after: the delay must not be negative");
  if (state->is_cancellation_requested())
    return;
  // The timer holds only a weak reference: a destroyed source with no tokens
  // left frees its state, and the timer then finds nothing to cancel.
  auto& timers = detail::TimerQueue::instance();
  const auto timer = timers.schedule_after(delay, [weak = std::weak_ptr(state)] {
    if (const auto alive = weak.lock())
      alive->cancel_if_open();
  });
  if (const auto replaced = state->exchange_timer(timer); replaced != 0)
    timers.cancel(replaced);
}

CancellationTokenSource CancellationTokenSource::create_linked(std::initializer_list<CancellationToken> parents) {
  CancellationTokenSource linked;
  for (const CancellationToken& parent : parents) {
    if (!parent.can_be_canceled())
      continue;
    // Holds the child's state strongly: the forwarding callback may still be
    // running after the linked source was destroyed from inside it.
    linked.parent_registrations_.push_back(
        parent.register_callback([child = linked.state_] { child->cancel(); }));
    if (linked.is_cancellation_requested())
      break;
  }
  return linked;
}

} // namespace vt
