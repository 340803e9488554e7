// A two-phase (eventcount) notifier: lets a worker go to sleep without
// missing a wake-up for work pushed while it was deciding to sleep.
//
// Protocol (waiter W, notifier N):
//   W1. prepare_wait(): announce W (waiters_ + 1), then a HEAVY fence
//       (asymmetric_fence.hpp), then read the epoch.
//   W2. Re-check every queue (and any other wake-up condition). If something
//       is there: cancel_wait() and go do it.
//   W3. commit_wait(epoch): under the mutex, sleep until the epoch moves.
//   N1. Make the work visible (push it).
//   N2. notify(): LIGHT fence, then read waiters_. Nobody announced: done.
//       Else bump the epoch under the mutex and signal the condition.
// Why nothing is lost: N1-N2 and W1-W2 are the two halves of a store-load
// race, ordered by the light/heavy fence pair exactly as two seq_cst fences
// would order them: either N2 sees W's announcement (then it bumps the
// epoch under the mutex, and W3 either sees the new epoch or is already
// waiting and gets the signal), or W2's re-check sees the push from N1.
// Cost: every push pays a compiler-only fence and one load (pushes are the
// hot path); each sleep pays one membarrier system call (sleeping is the
// slow path anyway). Without membarrier both fences are seq_cst fences.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>

#include "asymmetric_fence.hpp"

namespace vt::detail {

class Notifier {
public:
  std::uint64_t prepare_wait() noexcept {
    waiters_.fetch_add(1, std::memory_order_seq_cst); // W1.
    heavy_fence(); // W1: pairs with notify()'s light fence.
    return epoch_.load(std::memory_order_seq_cst);
  }

  void cancel_wait() noexcept {
    // relaxed: only a hint for notifiers; a stale extra count costs them a
    // needless signal, never a lost one.
    waiters_.fetch_sub(1, std::memory_order_relaxed);
  }

  void commit_wait(std::uint64_t epoch) {
    {
      std::unique_lock lock(mutex_);
      // relaxed: the epoch only changes under this mutex.
      condition_.wait(lock, [&] { return epoch_.load(std::memory_order_relaxed) != epoch; });
    }
    waiters_.fetch_sub(1, std::memory_order_relaxed);
  }

  void notify_one() { notify(false); }
  void notify_all() { notify(true); }

  /// Runs `set_condition` and wakes every sleeper, all under the mutex. For
  /// a waker that must not touch the notifier once a waiter may proceed:
  /// the waiter calls handshake() after seeing the condition, which cannot
  /// return before this has released the mutex, the last use of `*this`.
  template <typename F>
  void set_and_notify_all(F set_condition) {
    std::lock_guard lock(mutex_);
    set_condition();
    // release: as in notify().
    epoch_.store(epoch_.load(std::memory_order_relaxed) + 1, std::memory_order_release);
    condition_.notify_all();
  }

  /// See set_and_notify_all.
  void handshake() { std::lock_guard lock(mutex_); }

private:
  void notify(bool all) {
    // N2: orders the caller's push before the load of waiters_ (the
    // notifier's half of the W1/N2 race; the heavy half is in W1).
    light_fence();
    if (waiters_.load(std::memory_order_seq_cst) == 0)
      return;
    {
      std::lock_guard lock(mutex_);
      // release: a waiter whose prepare_wait already reads the new epoch
      // must also see the push made before this notify (it then re-checks
      // and finds it, instead of sleeping until the next epoch).
      epoch_.store(epoch_.load(std::memory_order_relaxed) + 1, std::memory_order_release);
    }
    if (all)
      condition_.notify_all();
    else
      condition_.notify_one();
  }

  std::atomic<std::uint32_t> waiters_{0};
  std::atomic<std::uint64_t> epoch_{0};
  std::mutex mutex_;
  std::condition_variable condition_;
};

} // namespace vt::detail
