// vt::delay: a TaskCompletionSource completed by the timer thread, or
// canceled by the token, whichever comes first.
//
// Protocol:
//   1. Register a cancellation callback. It holds only a weak reference, so
//      the state never keeps itself alive through its own registration.
//   2. Schedule the timer; the timer callback holds the state alive.
//      Publish the timer id with a CAS; if a cancellation got in first
//      (marker in timer_), cancel the timer ourselves.
//   3. Timer fires: complete the task, then dispose the registration so a
//      long-lived token does not collect dead callbacks.
//   4. Token canceled: cancel the task (OperationCanceledError with the
//      token), then take the timer id (leaving the marker) and cancel the
//      timer, which drops the timer's reference to the state.
// The task's try_set_* decides the winner; the loser changes nothing.
#include <vt/factories.hpp>

#include <atomic>
#include <cstdint>
#include <limits>
#include <memory>

#include <vt/cancellation.hpp>
#include <vt/task_completion_source.hpp>
#include <vt/timer.hpp>

namespace vt {
namespace {

using detail::TimerQueue;

constexpr TimerQueue::TimerId kNoTimer = 0;
constexpr TimerQueue::TimerId kCanceledMarker = std::numeric_limits<TimerQueue::TimerId>::max();

struct DelayState {
  TaskCompletionSource<> completion;
  CancellationRegistration registration; // Written in step 1, disposed in step 3.
  // kNoTimer until step 2 publishes the id; kCanceledMarker once step 4 ran.
  std::atomic<TimerQueue::TimerId> timer{kNoTimer};
};

void on_canceled(const std::weak_ptr<DelayState> &weak, const CancellationToken &token) {
  std::shared_ptr<DelayState> state = weak.lock();
  if (!state)
    return;
  state->completion.try_set_canceled(token);
  // acq_rel: pairs with step 2's CAS, whichever runs second sees the other.
  TimerQueue::TimerId id = state->timer.exchange(kCanceledMarker, std::memory_order_acq_rel);
  if (id != kNoTimer && id != kCanceledMarker)
    TimerQueue::instance().cancel(id);
}

} // namespace

Task<> delay(std::chrono::milliseconds duration, CancellationToken token) {
  if (token.is_cancellation_requested())
    return from_canceled<void>(std::move(token));
  if (duration <= std::chrono::milliseconds::zero())
    return from_result();

  auto state = std::make_shared<DelayState>();
  Task<> task = state->completion.task();
  std::weak_ptr<DelayState> weak = state;
  state->registration = token.register_callback([weak, token] { on_canceled(weak, token); });
  if (task.is_completed()) // Canceled while registering (step 1 ran step 4).
    return task;

  TimerQueue::TimerId id = TimerQueue::instance().schedule_after(duration, [state] {
    state->completion.try_set_result();
    state->registration.dispose();
  });
  TimerQueue::TimerId expected = kNoTimer;
  // acq_rel: see on_canceled.
  if (!state->timer.compare_exchange_strong(expected, id, std::memory_order_acq_rel))
    TimerQueue::instance().cancel(id);
  return task;
}

} // namespace vt
