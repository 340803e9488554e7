// The global queue (protocol in global_queue.hpp).
#include "global_queue.hpp"

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
  {
    std::lock_guard lock(mutex_); // Step 1.
    ring_.push_back(handle);
    // Step 2. seq_cst: a sleeping worker's re-check reads it after its
    // seq_cst announcement (notifier protocol); relaxed would let it miss
    // this push.
    size_.store(ring_.size(), std::memory_order_seq_cst);
  }
  pushes_.fetch_add(1, std::memory_order_relaxed);
}

std::coroutine_handle<> GlobalQueue::try_pop() {
  // Step 1. seq_cst: the re-check half of the race described at push step 2.
  if (size_.load(std::memory_order_seq_cst) == 0)
    return nullptr;
  std::lock_guard lock(mutex_); // Step 2.
  if (ring_.empty())
    return nullptr;
  std::coroutine_handle<> item = ring_.pop_front();
  // relaxed: a smaller size can only make a peeker skip an item that the
  // pusher's notify will wake someone for anyway.
  size_.store(ring_.size(), std::memory_order_relaxed);
  return item;
}

} // namespace vt::detail
