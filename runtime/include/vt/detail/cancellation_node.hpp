// A registered cancellation callback: the node a CancellationState keeps in
// its list. It lives inside its vt::CancellationRegistration (as
// std::stop_callback keeps its callback), so registering allocates nothing.
// Only CancellationState reads or writes the list fields, always under its
// lock (protocol in runtime/src/cancellation_state.cpp).
#pragma once

#include <cstddef>
#include <functional>
#include <new>
#include <type_traits>
#include <utility>

namespace vt::detail {

class CancellationState;

/// What a node needs to know about the callable it stores.
struct CallableOps {
  void (*invoke)(void *storage);
  /// Move-constructs the callable at `to` from `from`, then destroys `from`.
  void (*relocate)(void *from, void *to) noexcept;
  void (*destroy)(void *storage) noexcept;
};

/// Callables up to this size (with a noexcept move, as a lambda capturing
/// a few pointers or a shared_ptr) are stored in the node; a bigger one is
/// boxed on the heap, the one allocation a registration can make.
inline constexpr std::size_t kInlineCallableSize = 4 * sizeof(void *);

template <class F>
inline constexpr bool stored_inline_v = sizeof(F) <= kInlineCallableSize &&
                                        alignof(F) <= alignof(std::max_align_t) &&
                                        std::is_nothrow_move_constructible_v<F>;

template <class F>
struct InlineCallable {
  static F &get(void *storage) noexcept { return *std::launder(static_cast<F *>(storage)); }
  static void invoke(void *storage) { std::invoke(get(storage)); }
  static void relocate(void *from, void *to) noexcept {
    ::new (to) F(std::move(get(from)));
    get(from).~F();
  }
  static void destroy(void *storage) noexcept { get(storage).~F(); }
  static constexpr CallableOps ops{&invoke, &relocate, &destroy};
};

template <class F>
struct BoxedCallable {
  static F *&get(void *storage) noexcept { return *std::launder(static_cast<F **>(storage)); }
  static void invoke(void *storage) { std::invoke(*get(storage)); }
  static void relocate(void *from, void *to) noexcept { ::new (to) F *(get(from)); }
  static void destroy(void *storage) noexcept { delete get(storage); }
  static constexpr CallableOps ops{&invoke, &relocate, &destroy};
};

class CancellationNode {
public:
  CancellationNode() noexcept = default;
  CancellationNode(const CancellationNode &) = delete;
  CancellationNode &operator=(const CancellationNode &) = delete;

  template <class F, class G>
  void emplace(G &&callable) {
    if constexpr (stored_inline_v<F>) {
      ::new (static_cast<void *>(storage_)) F(std::forward<G>(callable));
      ops_ = &InlineCallable<F>::ops;
    } else {
      ::new (static_cast<void *>(storage_)) F *(new F(std::forward<G>(callable)));
      ops_ = &BoxedCallable<F>::ops;
    }
  }

  bool has_callable() const noexcept { return ops_ != nullptr; }
  void invoke() { ops_->invoke(storage_); }
  void destroy_callable() noexcept {
    if (ops_ != nullptr)
      std::exchange(ops_, nullptr)->destroy(storage_);
  }
  /// Moves `other`'s callable here (this one holds none).
  void take_callable(CancellationNode &other) noexcept {
    if (other.ops_ == nullptr)
      return;
    other.ops_->relocate(other.storage_, storage_);
    ops_ = std::exchange(other.ops_, nullptr);
  }

private:
  friend class CancellationState;

  /// listed -> running -> finished, or listed -> unlinked (never runs).
  enum class Phase : unsigned char { unlinked, listed, running, finished };

  CancellationNode *newer_ = nullptr;
  CancellationNode *older_ = nullptr;
  /// While running: a flag on the canceling thread's stack that a disposal
  /// from inside the callback sets, telling the canceler not to touch the
  /// node again (its registration may be gone).
  bool *disposed_while_running_ = nullptr;
  Phase phase_ = Phase::unlinked;
  const CallableOps *ops_ = nullptr;
  alignas(std::max_align_t) unsigned char storage_[kInlineCallableSize];
};

} // namespace vt::detail
