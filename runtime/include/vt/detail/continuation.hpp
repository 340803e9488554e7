// Intrusive continuation nodes and the lock-free list a completable
// operation keeps of them. Nodes live inside whoever waits (an awaiter in a
// coroutine frame, a blocked thread's stack), so registering a continuation
// never allocates.
#pragma once

#include <atomic>
#include <cassert>
#include <cstdint>

namespace vt::detail {

/// One party waiting for a completion. `fire` is called exactly once, on
/// the completing thread; it must be short and must not run user code
/// inline (coroutine continuations are posted to a pool instead).
struct Continuation {
  void (*fire)(Continuation *self) noexcept = nullptr;
  Continuation *next = nullptr;
};

/// The continuations of one operation, plus its "completed" bit.
///
/// `head_` holds one of four things:
///   nullptr        pending, nobody waiting;
///   abandoned()    pending, and the owner said nobody will ever wait
///                  (abandon(): a task whose every handle is gone);
///   completed()    completed (terminal state);
///   a node         pending; a stack of waiting nodes linked through `next`.
///
/// Protocol:
///   1. A waiter pushes its node with a CAS unless the head is completed();
///      if it is, add() returns false and the waiter goes on synchronously.
///   2. The completer first writes the result, then exchanges the head with
///      completed() and fires every node it took, oldest first. The old head
///      also tells it whether the list was abandoned (complete()'s result).
///   3. abandon() (owner only, with no waiter left) CASes nullptr to
///      abandoned(), unless the head is already completed(). So exactly one
///      of abandon() and complete() sees the other: whoever comes second
///      learns it with the same atomic operation it needed anyway.
/// Each node is thus fired exactly once, and never after add() returned false.
class CompletionList {
public:
  bool is_completed() const noexcept {
    // acquire: pairs with the release in complete(), so a caller that sees
    // "completed" also sees the result written before it.
    return head_.load(std::memory_order_acquire) == completed();
  }

  /// Returns false (and does not keep `node`) if already completed.
  bool add(Continuation *node) noexcept {
    // acquire on the initial load and on CAS failure: if we see completed()
    // we read the result next, so we need the completer's writes.
    Continuation *head = head_.load(std::memory_order_acquire);
    do {
      if (head == completed())
        return false;
      node->next = head;
      // release on success: publishes node->fire/next (and the waiter's
      // state) to the completer, which takes the list with acquire.
    } while (!head_.compare_exchange_weak(head, node, std::memory_order_release,
                                          std::memory_order_acquire));
    return true;
  }

  /// Marks completed and fires every waiting node. Call once. True if the
  /// list had been abandoned (step 3): nobody is left to look at the result.
  [[nodiscard("an abandoned list's owner must be freed by the completer")]]
  bool complete() noexcept {
    // acq_rel: release publishes the result to anyone who later sees
    // completed(); acquire makes the pushed nodes' contents visible here,
    // and, for an abandoned list, everything its owner did before abandon().
    Continuation *head = head_.exchange(completed(), std::memory_order_acq_rel);
    if (head == abandoned())
      return true;
    Continuation *oldest_first = nullptr;
    while (head != nullptr) {
      Continuation *next = head->next;
      head->next = oldest_first;
      oldest_first = head;
      head = next;
    }
    while (oldest_first != nullptr) {
      // Read next before firing: firing may let the waiter free the node.
      Continuation *next = oldest_first->next;
      oldest_first->fire(oldest_first);
      oldest_first = next;
    }
    return false;
  }

  /// Step 3. The owner's promise that nobody waits now or will: true if the
  /// list is still pending (the completer will see abandoned()), false if
  /// it already completed. Waiters hold the owner alive, so none is queued;
  /// if one were (a broken invariant), this still says "pending": the owner
  /// then leaks instead of being freed under its running completer.
  bool abandon() noexcept {
    // The common case first, without a locked instruction: the task already
    // completed. acquire (here and on CAS failure): we are about to read the
    // result and free the owner, so we need the completer's writes.
    Continuation *expected = head_.load(std::memory_order_acquire);
    // release on success: the owner's writes (say, observed flags) reach the
    // completer's acquire exchange.
    if (expected == nullptr &&
        head_.compare_exchange_strong(expected, abandoned(), std::memory_order_release,
                                      std::memory_order_acquire))
      return true;
    assert(expected == completed() && "abandon() with a waiter still queued");
    return expected != completed();
  }

  /// Back to pending with nobody waiting (reusable sources only; the
  /// caller guarantees nobody is waiting or about to wait).
  void reset() noexcept {
    // relaxed: the caller's own synchronization (a source's version,
    // published with release) orders this before the next waiter's add().
    head_.store(nullptr, std::memory_order_relaxed);
  }

private:
  static Continuation *completed() noexcept {
    static Continuation marker;
    return &marker;
  }
  static Continuation *abandoned() noexcept {
    static Continuation marker;
    return &marker;
  }

  std::atomic<Continuation *> head_{nullptr};
};

} // namespace vt::detail
