// vt::CancellationTokenSource: owns the state, its cancel_after timer and, for
// a linked source, the registrations on its parents.
#include <vt/cancellation_token_source.hpp>

#include <algorithm>
#include <stdexcept>
#include <utility>

#include <vt/errors.hpp>
#include <vt/timer.hpp>

#include "cancellation_state.hpp"

namespace vt {

CancellationTokenSource::CancellationTokenSource()
    : state_(std::make_shared<detail::CancellationState>()) {}

namespace {
/// A linked source's callback on a parent. Holds the child's state strongly,
/// and cancels through a copy: a callback of the child may destroy the
/// linked source, and with it this callable (it lives in the registration),
/// while cancel() still runs.
auto forward_cancel(const std::shared_ptr<detail::CancellationState>& child) {
  return [child] {
    const auto keep_alive = child;
    keep_alive->cancel();
  };
}
} // namespace

// The registration is built in place (no move, so no relinking).
CancellationTokenSource::CancellationTokenSource(const CancellationToken& first_parent)
    : state_(std::make_shared<detail::CancellationState>()),
      first_parent_(first_parent.register_callback(forward_cancel(state_))) {}

CancellationTokenSource::CancellationTokenSource(std::chrono::milliseconds delay) : CancellationTokenSource() {
  cancel_after(delay);
}

CancellationTokenSource::CancellationTokenSource(CancellationTokenSource&& other) noexcept
    : state_(std::move(other.state_)), first_parent_(std::move(other.first_parent_)),
      more_parents_(std::move(other.more_parents_)) {}

CancellationTokenSource& CancellationTokenSource::operator=(CancellationTokenSource&& other) noexcept {
  if (this != &other) {
    close();
    state_ = std::move(other.state_);
    first_parent_ = std::move(other.first_parent_);
    more_parents_ = std::move(other.more_parents_);
  }
  return *this;
}

CancellationTokenSource::~CancellationTokenSource() { close(); }

void CancellationTokenSource::close() noexcept {
  // Parents first: once their callbacks are disposed (waiting for one that
  // runs elsewhere), only the timer could still cancel, and close_source()
  // turns a timer that fires from now on into a no-op.
  first_parent_.dispose();
  more_parents_.clear();
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
  const auto first = std::find_if(parents.begin(), parents.end(),
                                  [](const CancellationToken& parent) { return parent.can_be_canceled(); });
  if (first == parents.end())
    return CancellationTokenSource();
  CancellationTokenSource linked(*first);
  for (auto parent = first + 1; parent != parents.end() && !linked.is_cancellation_requested(); ++parent)
    if (parent->can_be_canceled())
      linked.more_parents_.push_back(parent->register_callback(forward_cancel(linked.state_)));
  return linked;
}

} // namespace vt
