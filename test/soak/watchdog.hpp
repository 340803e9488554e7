// The soak test's watchdog: a thread that fails the run when the workload
// stops making progress for too long (a lost wake-up, a deadlock, a task that
// never completes), after printing what was running.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <thread>

namespace soak {

class Watchdog {
public:
  /// `dump` prints the state worth seeing when the run stalls.
  Watchdog(std::chrono::milliseconds stall_limit, std::function<void()> dump)
      : stall_limit_(stall_limit), dump_(std::move(dump)), thread_([this] { watch(); }) {}

  Watchdog(const Watchdog &) = delete;
  Watchdog &operator=(const Watchdog &) = delete;

  ~Watchdog() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
  }

  /// Called by the workload whenever something completed.
  void tick() noexcept {
    // relaxed: the watchdog only needs to see the count change eventually;
    // no other data is published through it.
    progress_.fetch_add(1, std::memory_order_relaxed);
  }

  /// The longest time seen without progress.
  std::chrono::milliseconds longest_stall() const {
    std::lock_guard lock(mutex_);
    return longest_stall_;
  }

private:
  void watch() {
    using clock = std::chrono::steady_clock;
    std::uint64_t last = progress_.load(std::memory_order_relaxed);
    clock::time_point last_change = clock::now();
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::milliseconds(50), [this] { return stopping_; })) {
      std::uint64_t now_progress = progress_.load(std::memory_order_relaxed);
      clock::time_point now = clock::now();
      if (now_progress != last) {
        last = now_progress;
        last_change = now;
        continue;
      }
      auto stalled = std::chrono::duration_cast<std::chrono::milliseconds>(now - last_change);
      if (stalled > longest_stall_)
        longest_stall_ = stalled;
      if (stalled >= stall_limit_) {
        std::fprintf(stderr, "soak: FAIL: no progress for %lld ms\n", static_cast<long long>(stalled.count()));
        dump_();
        std::fflush(stderr);
        std::_Exit(3);
      }
    }
  }

  const std::chrono::milliseconds stall_limit_;
  const std::function<void()> dump_;
  std::atomic<std::uint64_t> progress_{0};
  mutable std::mutex mutex_; // Guards stopping_ and longest_stall_.
  std::condition_variable wake_;
  bool stopping_ = false;
  std::chrono::milliseconds longest_stall_{0};
  std::thread thread_; // Last: starts after every field above is ready.
};

} // namespace soak
