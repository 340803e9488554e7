// vt::ManualResetValueTaskSource<T>: a reusable producer of value tasks (the
// analogue of .NET's ManualResetValueTaskSourceCore). One object serves many
// operations in turn, so steady-state async results allocate nothing.
//
// Life cycle of one version:
//   1. value_task() hands out a ValueTask bound to version().
//   2. The producer calls set_result() or set_exception() once; that posts
//      the consumer's continuation (if it was already waiting).
//   3. The consumer consumes the value task (await, result(), as_task()).
//   4. reset() moves to the next version; value tasks bound to older
//      versions are stale and throw InvalidOperationError when consumed
//      (compared by the version's low 32 bits: vt/detail/value_task_source.hpp).
// reset() must not race with a consumer that is still waiting (step 3 must
// be over): that is the caller's contract, as in .NET.
#pragma once

#include <atomic>
#include <cstdint>
#include <exception>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>

#include <vt/detail/continuation.hpp>
#include <vt/detail/task_state.hpp>
#include <vt/detail/value_task_source.hpp>
#include <vt/errors.hpp>
#include <vt/value_task.hpp>

namespace vt {

template <typename T = void>
class ManualResetValueTaskSource final : private detail::ValueTaskSource<T> {
public:
  ManualResetValueTaskSource() = default;
  ManualResetValueTaskSource(const ManualResetValueTaskSource &) = delete;
  ManualResetValueTaskSource &operator=(const ManualResetValueTaskSource &) = delete;

  /// A value task bound to the current version.
  ValueTask<T> value_task() noexcept {
    return ValueTask<T>(detail::FromSource{}, *this, token_of(version()));
  }

  std::uint64_t version() const noexcept {
    // acquire: pairs with reset()'s release, so a thread that sees the new
    // version also sees the cleared result slot.
    return version_.load(std::memory_order_acquire);
  }

  /// `set_result()` for void, `set_result(value)` otherwise. Throws
  /// InvalidOperationError if this version is already completed.
  template <typename... Args>
    requires(sizeof...(Args) == (std::is_void_v<T> ? 0 : 1))
  void set_result(Args &&...value) {
    claim();
    if constexpr (!std::is_void_v<T>)
      value_.emplace(std::forward<Args>(value)...);
    status_ = detail::TaskStatus::succeeded;
    (void)completions_.complete(); // A source's list is never abandoned.
  }

  /// An OperationCanceledError completes this version as canceled.
  void set_exception(std::exception_ptr error) {
    if (!error)
      throw std::invalid_argument("vt::ManualResetValueTaskSource::set_exception: null exception_ptr");
    claim();
    status_ = detail::is_cancellation(error) ? detail::TaskStatus::canceled : detail::TaskStatus::faulted;
    error_ = std::move(error);
    (void)completions_.complete(); // A source's list is never abandoned.
  }

  /// Starts the next version: clears the result and invalidates every value
  /// task handed out so far.
  void reset() noexcept {
    value_.reset();
    error_ = nullptr;
    status_ = detail::TaskStatus::pending;
    completions_.reset();
    // relaxed: only reset() writes claimed_ besides claim(), and both sides
    // are ordered by the caller's contract (no reset during an operation).
    claimed_.store(false, std::memory_order_relaxed);
    // release: publishes the cleared state with the new version. (The
    // relaxed load reads our own last store: reset() is the only writer.)
    version_.store(version_.load(std::memory_order_relaxed) + 1, std::memory_order_release);
  }

private:
  void claim() {
    // acq_rel: elects the single producer of this version.
    if (claimed_.exchange(true, std::memory_order_acq_rel))
      throw InvalidOperationError("vt::ManualResetValueTaskSource: this version has already been completed; "
                                  "call reset() first");
  }

  static detail::SourceToken token_of(std::uint64_t version) noexcept {
    return static_cast<detail::SourceToken>(version);
  }

  void check_version(detail::SourceToken token) const {
    if (token != token_of(version()))
      throw InvalidOperationError("vt::ManualResetValueTaskSource: the value task's version is stale "
                                  "(the source was reset since)");
  }

  detail::TaskStatus status(detail::SourceToken token) const override {
    check_version(token);
    return completions_.is_completed() ? status_ : detail::TaskStatus::pending;
  }

  bool is_pending(detail::SourceToken token) const noexcept override {
    return token == token_of(version()) && !completions_.is_completed();
  }

  bool add_continuation(detail::Continuation *node, detail::SourceToken token) override {
    check_version(token);
    return completions_.add(node);
  }

  T take_result(detail::SourceToken token) override {
    check_version(token);
    if (status_ != detail::TaskStatus::succeeded)
      std::rethrow_exception(error_);
    if constexpr (!std::is_void_v<T>)
      return std::move(*value_);
  }

  void release(detail::SourceToken) noexcept override {}

  // version_: written by reset(), read by every consumer.
  // value_, error_, status_: written by the producer before
  // completions_.complete() (release), read by the consumer after seeing it
  // completed (acquire); cleared by reset().
  std::atomic<std::uint64_t> version_{0};
  std::atomic<bool> claimed_{false};
  detail::CompletionList completions_;
  detail::TaskStatus status_ = detail::TaskStatus::pending;
  std::optional<std::conditional_t<std::is_void_v<T>, detail::Unit, T>> value_;
  std::exception_ptr error_;
};

} // namespace vt
