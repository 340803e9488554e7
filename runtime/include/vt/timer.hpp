// The runtime's one timer: deadlines run callbacks on a single timer thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>

namespace vt::detail {

/// A process-wide queue of deadlines served by one lazily started thread.
/// Callbacks run on that thread, one at a time, outside the queue's lock, so
/// they may schedule or cancel other timers. A callback that throws is
/// reported on stderr and the thread carries on. At process exit the thread
/// is stopped and joined; timers still pending are dropped without running.
class TimerQueue {
public:
  using Clock = std::chrono::steady_clock;
  using TimerId = std::uint64_t;

  /// The process-wide queue. Usable at any time, even during static
  /// destruction (after shutdown, scheduled callbacks are dropped).
  static TimerQueue& instance();

  /// Runs `callback` on the timer thread at or soon after `when`. Returns an
  /// id that is never 0 (so 0 can mean "no timer").
  TimerId schedule_at(Clock::time_point when, std::function<void()> callback);
  TimerId schedule_after(std::chrono::nanoseconds delay, std::function<void()> callback);

  /// True if the timer was removed before it ran. Never waits: a callback
  /// that is already running finishes on the timer thread.
  bool cancel(TimerId id);

  TimerQueue(const TimerQueue&) = delete;
  TimerQueue& operator=(const TimerQueue&) = delete;

private:
  struct Impl;
  TimerQueue();
  ~TimerQueue() = default;
  Impl* impl_;
};

} // namespace vt::detail
