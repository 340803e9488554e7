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
/// A linked source's callback on a parent runs the child's cancel() through
/// a plain pointer: the source keeps the state alive until its registrations
/// on the parents are disposed (close(): waiting for a callback running
/// elsewhere), so a forwarding callback never needs a reference of its own,
/// and creating a linked source costs no reference-count traffic for it.
///
/// The one case where the source lets go first: a callback of the child
/// destroys the linked source while the forwarding callback runs it, on this
/// thread (dispose() does not wait from inside the running callback). Then
///   1. the forwarding callback has pushed a frame naming the child's state
///      on this thread's list before calling cancel();
///   2. close() finds that frame and parks its reference in it instead of
///      dropping it;
///   3. the frame drops the parked reference once cancel() has returned.
/// Frames live on the stack and the list is thread-local, so none of this
/// costs an atomic operation.
class ForwardingFrame;
constinit thread_local ForwardingFrame* innermost_forwarding = nullptr;

/// Steps 1 and 3: alive (on this thread's list) while one forwarding
/// callback runs the child's cancel().
class ForwardingFrame {
public:
  explicit ForwardingFrame(const detail::CancellationState* forwarded_to) noexcept
      : child(forwarded_to), outer(innermost_forwarding) {
    innermost_forwarding = this;
  }
  // Off the list first; `parked` (a member) is dropped after this body.
  ~ForwardingFrame() { innermost_forwarding = outer; }
  ForwardingFrame(const ForwardingFrame&) = delete;
  ForwardingFrame& operator=(const ForwardingFrame&) = delete;

  const detail::CancellationState* const child;
  ForwardingFrame* const outer;
  std::shared_ptr<detail::CancellationState> parked; // Step 2.
};

auto forward_cancel(detail::CancellationState* child) {
  return [child] {
    ForwardingFrame frame(child); // Not const: close() may park a reference in it.
    child->cancel();
  };
}

/// Step 2: the outermost frame forwarding to `state` on this thread (it
/// returns last), or null when `state` is not being forwarded to here.
ForwardingFrame* frame_forwarding_to(const detail::CancellationState* state) noexcept {
  ForwardingFrame* found = nullptr;
  for (ForwardingFrame* frame = innermost_forwarding; frame != nullptr; frame = frame->outer)
    if (frame->child == state)
      found = frame;
  return found;
}
} // namespace

// The registration is built in place (no move, so no relinking).
CancellationTokenSource::CancellationTokenSource(const CancellationToken& first_parent)
    : state_(std::make_shared<detail::CancellationState>()),
      first_parent_(first_parent.register_callback(forward_cancel(state_.get()))) {}

CancellationTokenSource::CancellationTokenSource(std::chrono::milliseconds delay) : CancellationTokenSource() {
  cancel_after(delay);
}

CancellationTokenSource::CancellationTokenSource(CancellationTokenSource&& other) noexcept
    : state_(std::move(other.state_)), first_parent_(std::move(other.first_parent_)),
      more_parents_(std::move(other.more_parents_)),
      timer_scheduled_(other.timer_scheduled_.load(std::memory_order_relaxed)) {
  other.timer_scheduled_.store(false, std::memory_order_relaxed);
}

CancellationTokenSource& CancellationTokenSource::operator=(CancellationTokenSource&& other) noexcept {
  if (this != &other) {
    close();
    state_ = std::move(other.state_);
    first_parent_ = std::move(other.first_parent_);
    more_parents_ = std::move(other.more_parents_);
    timer_scheduled_.store(other.timer_scheduled_.load(std::memory_order_relaxed), std::memory_order_relaxed);
    other.timer_scheduled_.store(false, std::memory_order_relaxed);
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
  ForwardingFrame* const frame = frame_forwarding_to(state_.get());
  // No token, registration or timer shares the state, and with the parents'
  // callbacks gone nobody can reach it any more (a copy is made only from a
  // reference, and ours is the only one): closing it would tell nobody, so
  // skip its lock. A stale count only sends us down the general path.
  if (frame == nullptr && !timer_scheduled_.load(std::memory_order_relaxed) && state_.use_count() == 1) {
    state_.reset();
    return;
  }
  if (const auto timer = state_->close_source(); timer != 0)
    detail::TimerQueue::instance().cancel(timer);
  timer_scheduled_.store(false, std::memory_order_relaxed);
  if (frame != nullptr) {
    frame->parked = std::move(state_); // Forwarding step 2.
    return;
  }
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
  timer_scheduled_.store(true, std::memory_order_relaxed);
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
      linked.more_parents_.push_back(parent->register_callback(forward_cancel(linked.state_.get())));
  return linked;
}

} // namespace vt
