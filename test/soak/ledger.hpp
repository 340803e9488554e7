// Counts how many times each numbered piece of work ran, so the soak test can
// prove "exactly once" (no task lost, none taken twice by a thief) and "at
// most once" (no cancellation callback run twice).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace soak {

class Ledger {
public:
  explicit Ledger(std::size_t size) : size_(size), runs_(new std::atomic<std::uint32_t>[size]) {
    for (std::size_t i = 0; i < size; ++i)
      runs_[i].store(0, std::memory_order_relaxed);
  }

  std::size_t size() const noexcept { return size_; }

  void record(std::size_t id) noexcept {
    // relaxed: each counter is read only after the round joined every task
    // (the joins synchronise); the count itself needs no ordering.
    runs_[id].fetch_add(1, std::memory_order_relaxed);
  }

  std::uint32_t runs(std::size_t id) const noexcept { return runs_[id].load(std::memory_order_relaxed); }

private:
  std::size_t size_;
  std::unique_ptr<std::atomic<std::uint32_t>[]> runs_;
};

} // namespace soak
