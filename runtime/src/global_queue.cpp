// The global queue (protocol in global_queue.hpp).
#include "global_queue.hpp"

#include <algorithm>
#include <utility>

namespace vt::detail {

void GlobalRing::push_back(std::coroutine_handle<> handle) {
  if (count_ == slots_.size())
    grow();
  slots_[(head_ + count_) & (slots_.size() - 1)] = handle;
  ++count_;
}

std::coroutine_handle<> GlobalRing::pop_front() noexcept {
  std::coroutine_handle<> handle = slots_[head_];
  head_ = (head_ + 1) & (slots_.size() - 1);
  --count_;
  return handle;
}

void GlobalRing::grow() {
  std::vector<std::coroutine_handle<>> bigger(slots_.size() * 2);
  for (std::size_t i = 0; i < count_; ++i)
    bigger[i] = slots_[(head_ + i) & (slots_.size() - 1)];
  slots_ = std::move(bigger);
  head_ = 0;
}

void GlobalQueue::push(std::coroutine_handle<> handle) {
  std::lock_guard lock(mutex_); // Step 1.
  ring_.push_back(handle);
  // Step 2. relaxed is enough for the sleepers: the caller's notify (step 3)
  // puts the light fence between this store and its load of the waiter
  // count, and a sleeper re-checks after the heavy fence (notifier.hpp), so
  // either the sleeper sees this size or the notify sees the sleeper.
  size_.store(ring_.size(), std::memory_order_relaxed);
  pushes_.store(pushes_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
}

std::size_t GlobalQueue::try_pop_batch(std::span<std::coroutine_handle<>> out, std::size_t share) {
  // Step 1. seq_cst: the re-check half of the race described at push step 2.
  if (out.empty() || size_.load(std::memory_order_seq_cst) == 0)
    return 0;
  std::lock_guard lock(mutex_); // Step 2.
  const std::size_t count = std::min(ring_.size() / share + 1, std::min(ring_.size(), out.size()));
  for (std::size_t i = 0; i < count; ++i)
    out[i] = ring_.pop_front();
  // relaxed: a smaller size can only make a peeker skip an item that the
  // pusher's notify will wake someone for anyway.
  size_.store(ring_.size(), std::memory_order_relaxed);
  return count;
}

} // namespace vt::detail
