// A Chase-Lev work-stealing deque: one owner pushes and pops at the bottom
// (newest first), any number of thieves steal at the top (oldest first).
//
// Memory orders follow Lê, Pop, Cohen and Zappa Nardelli, "Correct and
// Efficient Work-Stealing for Weak Memory Models" (PPoPP 2013), Figure 1;
// each order below cites the line of that figure it comes from. Two
// deliberate departures:
//   - `push` publishes with a release *store* of `bottom` instead of the
//     paper's release fence followed by a relaxed store. The two give the
//     same guarantee to a thief that reads `bottom` with acquire, and
//     ThreadSanitizer understands the store but not a standalone fence.
//   - The Dekker race between `pop` and `steal` (the owner writes bottom
//     then reads top; a thief reads top then bottom) is settled with
//     seq_cst *operations* instead of the paper's two seq_cst fences: the
//     owner's write of bottom is a seq_cst exchange, its read of top a
//     seq_cst load; the thief's two reads are seq_cst loads. On x86 that is
//     one locked exchange for the owner (instead of mfence, which costs
//     several times more, notably on AMD Zen) and plain loads for thieves.
//     Why it is enough, in the C++20 total order S of seq_cst operations
//     ([atomics.order]/4): the bad outcome is "the thief read bottom before
//     the owner's write (so it may take index x = the top it read), and the
//     owner read a top older than x (so it believes index x is safely its
//     own)". Then:
//       1. thief's load of top precedes its load of bottom in S (sequenced);
//       2. its load of bottom precedes the owner's exchange (it read an
//          older value; both seq_cst);
//       3. the exchange precedes the owner's load of top (sequenced);
//       4. the owner's load of top precedes the CAS that wrote x (it read an
//          older value; both seq_cst);
//       5. that CAS precedes the thief's load of top, which read from it.
//     Steps 1-5 form a cycle in S, so the outcome is impossible. (x may be
//     the initial top only if the owner read it too: then there is no bad
//     outcome to exclude.)
//
// Growth: when the ring is full the owner copies the live items into a ring
// twice the size. A thief may still be reading the old ring, so old rings are
// kept until the deque is destroyed (their total size is below the final
// ring's size, so this costs at most a factor of two in memory).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <type_traits>
#include <vector>

namespace vt {

template <typename T>
class WorkStealingDeque {
  static_assert(std::is_trivially_copyable_v<T>,
                "items are copied with relaxed atomic loads and stores");

public:
  /// `capacity` is rounded up to a power of two (at least 2). Small values
  /// force growth and the last-item race in tests.
  explicit WorkStealingDeque(std::size_t capacity = 1024) {
    std::size_t size = 2;
    while (size < capacity)
      size *= 2;
    rings_.push_back(std::make_unique<Ring>(size));
    // relaxed: no other thread can see the deque before construction ends.
    ring_.store(rings_.back().get(), std::memory_order_relaxed);
  }

  WorkStealingDeque(const WorkStealingDeque &) = delete;
  WorkStealingDeque &operator=(const WorkStealingDeque &) = delete;

  /// Owner only. Never fails: grows the ring when it is full.
  void push(T item) {
    // Paper: `b = load_relaxed(q->bottom)`; only the owner writes bottom.
    std::int64_t b = bottom_.load(std::memory_order_relaxed);
    // Paper: `t = load_acquire(q->top)`; acquire so that slots freed by a
    // thief's successful CAS are really free before we overwrite them.
    std::int64_t t = top_.load(std::memory_order_acquire);
    // Paper: `a = load_relaxed(q->array)`; only the owner writes the ring.
    Ring *ring = ring_.load(std::memory_order_relaxed);
    if (b - t > static_cast<std::int64_t>(ring->capacity) - 1)
      ring = grow(ring, t, b);
    ring->put(b, item);
    // Paper: `thread_fence(release); store_relaxed(q->bottom, b + 1)`; see
    // the header comment for why this is a release store instead.
    bottom_.store(b + 1, std::memory_order_release);
  }

  /// Owner only. The newest item, or nothing when empty (or when a thief
  /// won the race for the last item).
  std::optional<T> pop() {
    // Paper: `b = load_relaxed(q->bottom) - 1; a = load_relaxed(q->array);
    // store_relaxed(q->bottom, b); thread_fence(seq_cst)`. The write of
    // bottom and the read of top below must not be reordered, or the owner
    // and a thief could both take the same item (the store-load race of
    // Dekker's algorithm): seq_cst exchange + seq_cst load instead of the
    // fence (header comment, second departure).
    std::int64_t b = bottom_.load(std::memory_order_relaxed) - 1;
    Ring *ring = ring_.load(std::memory_order_relaxed);
    bottom_.exchange(b, std::memory_order_seq_cst);
    // Paper: `t = load_relaxed(q->top)` after the fence; seq_cst here.
    std::int64_t t = top_.load(std::memory_order_seq_cst);
    if (t > b) {
      // Empty: restore bottom (paper: `store_relaxed(q->bottom, b + 1)`).
      bottom_.store(b + 1, std::memory_order_relaxed);
      return std::nullopt;
    }
    T item = ring->get(b);
    if (t != b)
      return item; // More than one item: no thief can reach this one.
    // The last item: race the thieves for it. Paper:
    // `compare_exchange_strong_explicit(&q->top, &t, t + 1, seq_cst, relaxed)`.
    bool won = top_.compare_exchange_strong(t, t + 1, std::memory_order_seq_cst,
                                            std::memory_order_relaxed);
    bottom_.store(b + 1, std::memory_order_relaxed);
    if (!won)
      return std::nullopt;
    return item;
  }

  /// Any thread. The oldest item, or nothing when empty or when another
  /// thread took it first (callers simply try elsewhere).
  std::optional<T> steal() {
    // Paper: `t = load_acquire(q->top); thread_fence(seq_cst);
    // b = load_acquire(q->bottom)`. The thief's half of the Dekker race with
    // pop() is two seq_cst loads instead of the fence (header comment, second
    // departure); seq_cst includes the paper's acquire: the load of bottom
    // pairs with push's release, so the item (and everything the owner wrote
    // before pushing it) is visible.
    std::int64_t t = top_.load(std::memory_order_seq_cst);
    std::int64_t b = bottom_.load(std::memory_order_seq_cst);
    if (t >= b)
      return std::nullopt;
    // Paper: `a = load_consume(q->array)`; consume is promoted to acquire by
    // every compiler, so we say acquire (pairs with grow's release store).
    Ring *ring = ring_.load(std::memory_order_acquire);
    T item = ring->get(t);
    // Paper: `compare_exchange_strong_explicit(&q->top, &t, t + 1, seq_cst,
    // relaxed)`: only the winner of this CAS owns the item.
    if (!top_.compare_exchange_strong(t, t + 1, std::memory_order_seq_cst,
                                      std::memory_order_relaxed))
      return std::nullopt;
    return item;
  }

  /// Approximate (racy) count, for heuristics and tests.
  std::size_t size_approx() const {
    // relaxed: a snapshot for heuristics; nothing is read through it.
    std::int64_t b = bottom_.load(std::memory_order_relaxed);
    std::int64_t t = top_.load(std::memory_order_relaxed);
    return b > t ? static_cast<std::size_t>(b - t) : 0;
  }

  /// Current ring capacity (owner only; tests use it to see growth).
  std::size_t capacity() const {
    return ring_.load(std::memory_order_relaxed)->capacity; // Owner: its own store.
  }

private:
  struct Ring {
    explicit Ring(std::size_t size)
        : capacity(size), mask(size - 1), slots(new std::atomic<T>[size]) {}
    // Slots are atomics because a thief may read a slot the owner is about
    // to overwrite (it then loses the CAS on top and discards the value).
    T get(std::int64_t index) const {
      return slots[static_cast<std::size_t>(index) & mask].load(std::memory_order_relaxed);
    }
    void put(std::int64_t index, T item) {
      slots[static_cast<std::size_t>(index) & mask].store(item, std::memory_order_relaxed);
    }
    const std::size_t capacity;
    const std::size_t mask;
    std::unique_ptr<std::atomic<T>[]> slots;
  };

  Ring *grow(Ring *old, std::int64_t top, std::int64_t bottom) {
    rings_.push_back(std::make_unique<Ring>(old->capacity * 2));
    Ring *bigger = rings_.back().get();
    for (std::int64_t i = top; i < bottom; ++i)
      bigger->put(i, old->get(i));
    // Paper: `store_relaxed(q->array, a)` after resize; we use release so a
    // thief that loads the new ring (acquire) also sees the copied slots.
    ring_.store(bigger, std::memory_order_release);
    return bigger;
  }

  // top: written by thieves and by pop() for the last item (CAS only); read
  // by everyone. bottom: written only by the owner; read by thieves.
  // Separate cache lines, since thieves hammer top while the owner works
  // on bottom.
  alignas(64) std::atomic<std::int64_t> top_{0};
  alignas(64) std::atomic<std::int64_t> bottom_{0};
  alignas(64) std::atomic<Ring *> ring_{nullptr};
  std::vector<std::unique_ptr<Ring>> rings_; // Owner only: every ring ever used.
};

} // namespace vt
