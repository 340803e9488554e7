// Per-producer injection queues: how a thread outside the pool hands work
// to the workers without a locked instruction on its side.
//
// Why: the shared global queue (global_queue.hpp) takes a lock per push.
// When a producer outside the pool queues many small items and the workers
// keep up, every push meets a worker on the lock's cache line, and the
// producer stalls on each locked exchange until the line comes back (the
// spawn-many benchmark spent a third of the producer's time there). Here each
// outside thread gets a queue of its own, per pool: it pushes with plain
// stores, and only the workers, which take in batches, use compare-exchange.
//
// InjectionQueue protocol (one producer P, any number of workers W):
//   P1. Read tail (own) and the cached head. If the ring looks full, reload
//       head (acquire: the slots the workers' CAS released are free); if it
//       is still full, grow the ring (copy the live items to one twice the
//       size; old rings are kept until the queue dies, since a worker may
//       still read one).
//   P2. Store the item in slot `tail` (relaxed: published by P3).
//   P3. Store tail + 1 (release: a worker that reads it sees the item).
//   P4. The caller notifies the pool's notifier (notifier.hpp, N2).
//   W1. Read head, then tail (seq_cst: tail is also the sleeper's re-check,
//       the W2 half of the notifier's race, and it pairs with P3).
//   W2. Empty: nothing. Else pick n = min((tail - head) / share + 1,
//       tail - head, room).
//   W3. Read the n slots from the current ring (acquire load of the ring).
//   W4. CAS head -> head + n. Lost: another worker took some of them; go to
//       W1 while the queue is not empty (lock-free: a lost CAS means another
//       worker made progress). Won: the n items are this worker's.
//   Why W3 before W4 is safe: P overwrites slot i only once head > i - ring
//   size (P1), and such a head means a worker already took item i - ring
//   size, so any W that read the overwritten slot loses its CAS.
//
// Registry (per pool, InjectorRegistry):
//   R1. A thread posting from outside looks up its binding for this pool
//       (thread-local, keyed by the pool's unique id, so a new pool at the
//       address of a dead one never matches).
//   R2. None: under the registry's mutex, adopt a queue whose producer
//       thread has exited (CAS owned false -> true, acquire: the previous
//       owner's producer-only state is handed over), else append a new one
//       while there is room (kMaxInjectors). The slot's pointer is published
//       before the count (release), and workers read the count with
//       acquire, so a worker that sees the count sees the queue.
//   R3. No room: the caller falls back to the shared global queue.
//   R4. Thread exit: each binding marks its queue unowned (release), and
//       drops its shared reference. Items still in it are taken by workers
//       as usual; the next new producer thread adopts the queue.
//   R5. Pool destruction (after the workers joined, so every queue is
//       empty): the registry marks its queues retired and drops its
//       references; a thread's binding to a retired queue is pruned on the
//       thread's next registration.
// Workers scan the queues [0, count) from a per-worker rotating start.
#pragma once

#include <array>
#include <atomic>
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

namespace vt::detail {

class InjectionQueue {
public:
  InjectionQueue();
  InjectionQueue(const InjectionQueue &) = delete;
  InjectionQueue &operator=(const InjectionQueue &) = delete;

  /// Producer only: steps P1-P3.
  void push(std::coroutine_handle<> handle);
  /// Any worker: steps W1-W4. Moves up to out.size() of the oldest items
  /// (at most size / share + 1) to `out`, oldest first; returns how many.
  std::size_t take_batch(std::span<std::coroutine_handle<>> out, std::size_t share);
  /// Items pushed so far (a statistic; written by the owning producer only).
  std::uint64_t pushes() const noexcept { return pushes_.load(std::memory_order_relaxed); }

  /// Whether a live producer thread is bound to this queue (R2, R4).
  std::atomic<bool> owned{true};
  /// Set when the pool is destroyed (R5).
  std::atomic<bool> retired{false};

private:
  struct Ring {
    explicit Ring(std::size_t size) : mask(size - 1), slots(new std::atomic<std::coroutine_handle<>>[size]) {}
    std::size_t capacity() const noexcept { return mask + 1; }
    // Atomic slots: a worker may read a slot P is overwriting (it then loses
    // its CAS, see "Why W3 before W4 is safe").
    std::coroutine_handle<> get(std::int64_t index) const noexcept {
      return slots[static_cast<std::size_t>(index) & mask].load(std::memory_order_relaxed);
    }
    void put(std::int64_t index, std::coroutine_handle<> item) noexcept {
      slots[static_cast<std::size_t>(index) & mask].store(item, std::memory_order_relaxed);
    }
    const std::size_t mask;
    std::unique_ptr<std::atomic<std::coroutine_handle<>>[]> slots;
  };

  Ring *grow(Ring *old, std::int64_t head, std::int64_t tail);

  static constexpr std::size_t kInitialCapacity = 256;

  // head: CAS by workers. tail: stored by the producer only. On separate
  // lines: idle workers read tail in a loop while others CAS head.
  alignas(64) std::atomic<std::int64_t> head_{0};
  alignas(64) std::atomic<std::int64_t> tail_{0};
  std::int64_t cached_head_ = 0;     // Producer only (P1).
  std::atomic<std::uint64_t> pushes_{0}; // Written by the producer only.
  alignas(64) std::atomic<Ring *> ring_{nullptr};
  std::vector<std::unique_ptr<Ring>> rings_; // Producer only: every ring ever used.
};

class InjectorRegistry {
public:
  /// At most this many outside threads per pool get a queue of their own at
  /// once; more fall back to the shared global queue (R3).
  static constexpr std::size_t kMaxInjectors = 64;

  explicit InjectorRegistry(std::uint64_t pool_id) : pool_id_(pool_id) {}
  ~InjectorRegistry(); // R5.
  InjectorRegistry(const InjectorRegistry &) = delete;
  InjectorRegistry &operator=(const InjectorRegistry &) = delete;

  /// R1-R3: the calling thread's queue for this pool, or null (R3, or the
  /// thread is exiting).
  InjectionQueue *queue_for_this_thread();

  /// Workers: how many queues to scan, and the i-th one.
  std::size_t count() const noexcept { return count_.load(std::memory_order_acquire); }
  InjectionQueue *at(std::size_t index) const noexcept { return slots_[index].load(std::memory_order_acquire); }

  /// Sum of the queues' pushes (a statistic).
  std::uint64_t pushes() const noexcept;

private:
  InjectionQueue *register_this_thread();

  const std::uint64_t pool_id_;
  std::mutex mutex_;                                  // Serialises R2 and R5.
  std::vector<std::shared_ptr<InjectionQueue>> owned_; // Guarded by mutex_.
  std::array<std::atomic<InjectionQueue *>, kMaxInjectors> slots_{};
  std::atomic<std::size_t> count_{0};
};

} // namespace vt::detail
