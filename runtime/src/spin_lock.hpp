// A test-and-test-and-set lock for critical sections of a few dozen
// instructions (the global queue's push and batch pop).
//
// Why not std::mutex: when a pusher and a worker meet on a contended
// std::mutex, glibc parks the loser with a futex system call and the unlock
// pays a second one to wake it; a guest's system call costs microseconds,
// far longer than the critical section it waits for.
// Why it still yields: on an oversubscribed machine the holder can be
// preempted inside the section; after kSpinsBeforeYield failed looks, a
// waiter gives its time slice away instead of burning it.
//
// Protocol:
//   1. lock: exchange(true, acquire); if it was already taken, spin on a
//      relaxed load (the line stays shared, no stores) until it looks free,
//      then go to 1.
//   2. unlock: store(false, release).
#pragma once

#include <atomic>
#include <thread>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace vt::detail {

class SpinLock {
public:
  void lock() noexcept {
    for (;;) {
      // acquire: the section's reads see the previous holder's writes.
      if (!locked_.exchange(true, std::memory_order_acquire))
        return;
      for (unsigned spins = 0; locked_.load(std::memory_order_relaxed); ++spins) {
        if (spins < kSpinsBeforeYield)
          cpu_relax();
        else
          std::this_thread::yield();
      }
    }
  }

  bool try_lock() noexcept {
    // relaxed first look: a taken lock costs no store.
    return !locked_.load(std::memory_order_relaxed) && !locked_.exchange(true, std::memory_order_acquire);
  }

  // release: publishes the section's writes to the next holder.
  void unlock() noexcept { locked_.store(false, std::memory_order_release); }

private:
  static constexpr unsigned kSpinsBeforeYield = 64;

  static void cpu_relax() noexcept {
#if defined(__x86_64__) || defined(__i386__)
    _mm_pause();
#elif defined(__aarch64__)
    asm volatile("yield" ::: "memory");
#endif
  }

  std::atomic<bool> locked_{false};
};

} // namespace vt::detail
