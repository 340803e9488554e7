// Per-producer injection queues (protocol in injection_queue.hpp).
#include "injection_queue.hpp"

#include <algorithm>
#include <new>
#include <utility>

namespace vt::detail {

InjectionQueue::InjectionQueue() {
  rings_.push_back(std::make_unique<Ring>(kInitialCapacity));
  // relaxed: the queue reaches workers only through the registry's release
  // store of its slot (R2).
  ring_.store(rings_.back().get(), std::memory_order_relaxed);
}

void InjectionQueue::push(std::coroutine_handle<> handle) {
  // P1. relaxed: only the producer writes tail and the ring pointer.
  const std::int64_t tail = tail_.load(std::memory_order_relaxed);
  Ring *ring = ring_.load(std::memory_order_relaxed);
  const auto capacity = static_cast<std::int64_t>(ring->capacity());
  if (tail - cached_head_ >= capacity) {
    // acquire: pairs with the workers' CAS of head, so the slots they
    // released are really read before this overwrites them.
    cached_head_ = head_.load(std::memory_order_acquire);
    if (tail - cached_head_ >= capacity)
      ring = grow(ring, cached_head_, tail);
  }
  ring->put(tail, handle);                          // P2.
  tail_.store(tail + 1, std::memory_order_release); // P3.
  // One writer (the producer bound to the queue; an adopter acquired the
  // queue from the previous one): a relaxed load and store, no locked add.
  pushes_.store(pushes_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
}

InjectionQueue::Ring *InjectionQueue::grow(Ring *old, std::int64_t head, std::int64_t tail) {
  rings_.push_back(std::make_unique<Ring>(old->capacity() * 2));
  Ring *bigger = rings_.back().get();
  for (std::int64_t i = head; i < tail; ++i)
    bigger->put(i, old->get(i));
  // release: a worker that loads the new ring (acquire, W3) sees the copies.
  ring_.store(bigger, std::memory_order_release);
  return bigger;
}

std::size_t InjectionQueue::take_batch(std::span<std::coroutine_handle<>> out, std::size_t share) {
  if (out.empty())
    return 0;
  // W1. seq_cst: see the header (the sleeper's re-check; pairs with P3).
  std::int64_t head = head_.load(std::memory_order_seq_cst);
  for (;;) {
    const std::int64_t tail = tail_.load(std::memory_order_seq_cst);
    if (head >= tail)
      return 0; // W2.
    const auto available = static_cast<std::size_t>(tail - head);
    const std::size_t count = std::min({available / share + 1, available, out.size()});
    // W3. acquire: pairs with grow's release store; a ring at least as new
    // as the one tail was published with.
    const Ring *ring = ring_.load(std::memory_order_acquire);
    for (std::size_t i = 0; i < count; ++i)
      out[i] = ring->get(head + static_cast<std::int64_t>(i));
    // W4. seq_cst on success: orders the take with the other workers' and
    // the producer's (acquire) reads of head. A failure reloads head.
    if (head_.compare_exchange_strong(head, head + static_cast<std::int64_t>(count), std::memory_order_seq_cst,
                                      std::memory_order_seq_cst))
      return count;
  }
}

namespace {

struct Binding {
  std::uint64_t pool_id;
  std::shared_ptr<InjectionQueue> queue;
};

enum class BindingsState : unsigned char { unborn, alive, dead };

// The last lookup (R1's fast path). Trivially destructible, so still readable
// during thread exit; initial-exec: read on every post from outside (the
// -fPIC default would call __tls_get_addr).
[[gnu::tls_model("initial-exec")]] thread_local std::uint64_t tls_last_pool_id = 0;
[[gnu::tls_model("initial-exec")]] thread_local InjectionQueue *tls_last_queue = nullptr;
[[gnu::tls_model("initial-exec")]] thread_local BindingsState tls_bindings_state = BindingsState::unborn;

class Bindings {
public:
  Bindings() = default;
  Bindings(const Bindings &) = delete;
  Bindings &operator=(const Bindings &) = delete;
  ~Bindings() {
    // R4. release: the next owner's CAS (acquire) sees this thread's last
    // producer-only writes to the queue.
    for (Binding &binding : list)
      binding.queue->owned.store(false, std::memory_order_release);
    tls_last_pool_id = 0;
    tls_last_queue = nullptr;
    tls_bindings_state = BindingsState::dead;
  }
  std::vector<Binding> list;
};

/// This thread's bindings; null once the thread has started exiting.
Bindings *this_thread_bindings() {
  if (tls_bindings_state == BindingsState::dead)
    return nullptr;
  thread_local Bindings bindings;
  tls_bindings_state = BindingsState::alive;
  return &bindings;
}

} // namespace

InjectorRegistry::~InjectorRegistry() {
  std::lock_guard lock(mutex_);
  for (auto &queue : owned_)
    queue->retired.store(true, std::memory_order_relaxed); // Only prunes bindings (R5).
}

InjectionQueue *InjectorRegistry::queue_for_this_thread() {
  if (tls_last_pool_id == pool_id_) // R1, fast path.
    return tls_last_queue;
  return register_this_thread();
}

InjectionQueue *InjectorRegistry::register_this_thread() {
  Bindings *bindings = this_thread_bindings();
  if (bindings == nullptr)
    return nullptr; // Exiting: the shared global queue takes it.
  auto &list = bindings->list;
  // relaxed: nothing is read through the flag; it only says the pool is gone.
  std::erase_if(list, [](const Binding &binding) { return binding.queue->retired.load(std::memory_order_relaxed); });
  for (const Binding &binding : list)
    if (binding.pool_id == pool_id_) {
      tls_last_pool_id = pool_id_;
      tls_last_queue = binding.queue.get();
      return tls_last_queue;
    }
  std::shared_ptr<InjectionQueue> chosen;
  try {
    list.reserve(list.size() + 1);
    std::lock_guard lock(mutex_); // R2.
    for (auto &queue : owned_) {
      bool owned = false;
      // acquire: pairs with the previous owner's release at its exit (R4).
      if (queue->owned.compare_exchange_strong(owned, true, std::memory_order_acquire, std::memory_order_relaxed)) {
        chosen = queue;
        break;
      }
    }
    if (!chosen) {
      if (owned_.size() == kMaxInjectors)
        return nullptr; // R3.
      chosen = std::make_shared<InjectionQueue>();
      owned_.push_back(chosen);
      const std::size_t index = owned_.size() - 1;
      // release, slot then count: a worker that reads the count (acquire)
      // sees the slot, and the queue's construction through it.
      slots_[index].store(chosen.get(), std::memory_order_release);
      count_.store(index + 1, std::memory_order_release);
    }
  } catch (const std::bad_alloc &) {
    return nullptr; // The shared global queue still works.
  }
  list.push_back({pool_id_, chosen});
  tls_last_pool_id = pool_id_;
  tls_last_queue = chosen.get();
  return tls_last_queue;
}

std::uint64_t InjectorRegistry::pushes() const noexcept {
  std::uint64_t total = 0;
  for (std::size_t i = 0, n = count(); i < n; ++i)
    total += at(i)->pushes();
  return total;
}

} // namespace vt::detail
