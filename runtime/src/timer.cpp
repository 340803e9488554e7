// vt::detail::TimerQueue: one thread, a min-heap of deadlines, a condition
// variable to sleep until the earliest one.
//
// Protocol (all shared fields are guarded by Impl::mutex):
//   Schedule:
//     1. Lock; if shut down, drop the callback (outside the lock) and return
//        a fresh id that will never run.
//     2. Store the callback under a new id, push (deadline, id) on the heap,
//        start the thread on first use, notify it (the new deadline may be
//        the earliest), unlock.
//   Cancel:
//     1. Lock; erase the id's callback; unlock; destroy the callback. The
//        heap entry stays behind and is skipped when it surfaces (lazy
//        deletion); the heap is rebuilt when stale entries dominate.
//   Timer thread:
//     1. Lock. Until shutdown: pop stale heap entries; with no entry, wait;
//        before the earliest deadline, wait until it (or a notify).
//     2. At a deadline: move the callback out and erase its id (so cancel
//        now returns false), unlock, run it, destroy it, lock, go to 1.
//   Shutdown (a static guard's destructor at process exit):
//     1. Lock, set shutting_down, notify, unlock, join the thread (it
//        finishes a running callback first). Pending callbacks are destroyed
//        without running. The queue object itself is never destroyed, so
//        instance() stays valid for later static destructors.
#include <vt/timer.hpp>

#include <condition_variable>
#include <cstdio>
#include <exception>
#include <mutex>
#include <queue>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vt::detail {

struct TimerQueue::Impl {
  struct Deadline {
    Clock::time_point when;
    TimerId id;
    // Inverted so std::priority_queue (a max-heap) yields the earliest; ties
    // run in scheduling order.
    bool operator<(const Deadline& other) const {
      return when != other.when ? when > other.when : id > other.id;
    }
  };

  void run();
  void drop_stale_deadlines();
  void shutdown();

  std::mutex mutex;
  std::condition_variable wake;
  std::priority_queue<Deadline> deadlines;
  std::unordered_map<TimerId, std::function<void()>> callbacks;
  TimerId last_id = 0;
  bool shutting_down = false;
  std::thread thread;
};

namespace {

/// The longest single sleep; keeps far-off deadlines away from clock
/// arithmetic overflow in the platform's timed wait.
constexpr auto max_sleep = std::chrono::hours(1);

void report_callback_error() {
  try {
    throw;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "vt: a timer callback threw: %s\n", error.what());
  } catch (...) {
    std::fprintf(stderr, "vt: a timer callback threw a non-standard exception\n");
  }
}

} // namespace

TimerQueue::TimerQueue() : impl_(new Impl) {}

TimerQueue& TimerQueue::instance() {
  // Deliberately never destroyed, so later static destructors may still call
  // it; still reachable, so leak checkers do not report it.
  static TimerQueue* const queue = new TimerQueue;
  // Stops the thread during static destruction. Constructed right after the
  // queue on first use, so it is destroyed before anything constructed
  // earlier that might still schedule timers from its destructor (those
  // timers are dropped, never run against a dead object).
  struct ShutdownGuard {
    Impl* impl;
    ~ShutdownGuard() { impl->shutdown(); }
  };
  static ShutdownGuard guard{queue->impl_};
  return *queue;
}

TimerQueue::TimerId TimerQueue::schedule_after(std::chrono::nanoseconds delay, std::function<void()> callback) {
  const auto now = Clock::now();
  const auto latest = Clock::time_point::max() - now;
  const auto when = delay >= latest ? Clock::time_point::max() : now + std::chrono::ceil<Clock::duration>(delay);
  return schedule_at(when, std::move(callback));
}

TimerQueue::TimerId TimerQueue::schedule_at(Clock::time_point when, std::function<void()> callback) {
  std::unique_lock lock(impl_->mutex);
  const TimerId id = ++impl_->last_id;
  if (impl_->shutting_down) {
    lock.unlock();
    return id; // `callback` is destroyed here, outside the lock.
  }
  impl_->callbacks.emplace(id, std::move(callback));
  impl_->deadlines.push({when, id});
  if (!impl_->thread.joinable())
    impl_->thread = std::thread([impl = impl_] { impl->run(); });
  impl_->wake.notify_one();
  return id;
}

bool TimerQueue::cancel(TimerId id) {
  std::function<void()> removed;
  {
    std::lock_guard lock(impl_->mutex);
    const auto found = impl_->callbacks.find(id);
    if (found == impl_->callbacks.end())
      return false;
    removed = std::move(found->second);
    impl_->callbacks.erase(found);
    impl_->drop_stale_deadlines();
  }
  return true; // `removed` is destroyed outside the lock.
}

void TimerQueue::Impl::drop_stale_deadlines() {
  while (!deadlines.empty() && !callbacks.contains(deadlines.top().id))
    deadlines.pop();
  // Cancelled timers deep in the heap: rebuild once they are the majority.
  if (deadlines.size() > 64 && deadlines.size() > 2 * callbacks.size()) {
    std::vector<Deadline> live;
    live.reserve(callbacks.size());
    while (!deadlines.empty()) {
      if (callbacks.contains(deadlines.top().id))
        live.push_back(deadlines.top());
      deadlines.pop();
    }
    deadlines = std::priority_queue<Deadline>(std::less<Deadline>(), std::move(live));
  }
}

void TimerQueue::Impl::run() {
  std::unique_lock lock(mutex);
  while (!shutting_down) {
    drop_stale_deadlines();
    if (deadlines.empty()) {
      wake.wait(lock);
      continue;
    }
    const Deadline next = deadlines.top();
    const auto now = Clock::now();
    if (now < next.when) {
      const auto sleep = next.when - now;
      if (sleep > max_sleep)
        wake.wait_for(lock, max_sleep);
      else
        wake.wait_until(lock, next.when);
      continue;
    }
    deadlines.pop();
    const auto found = callbacks.find(next.id);
    std::function<void()> callback = std::move(found->second);
    callbacks.erase(found);
    lock.unlock();
    try {
      callback();
    } catch (...) {
      report_callback_error();
    }
    callback = nullptr;
    lock.lock();
  }
}

void TimerQueue::Impl::shutdown() {
  std::unordered_map<TimerId, std::function<void()>> pending;
  {
    std::lock_guard lock(mutex);
    shutting_down = true;
    pending.swap(callbacks);
    deadlines = {};
    wake.notify_one();
  }
  if (thread.joinable()) {
    // exit() called from a timer callback would otherwise join itself.
    if (thread.get_id() == std::this_thread::get_id())
      thread.detach();
    else
      thread.join();
  }
}

} // namespace vt::detail
