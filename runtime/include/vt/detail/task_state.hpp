// The shared, reference-counted state behind vt::Task: a result slot, the
// continuations waiting for it, and the bookkeeping for unobserved faults.
#pragma once

#include <atomic>
#include <cstdint>
#include <exception>
#include <new>
#include <type_traits>
#include <utility>

#include <vt/detail/continuation.hpp>
#include <vt/detail/scheduling.hpp>

namespace vt::detail {

enum class TaskStatus : std::uint8_t { pending, succeeded, faulted, canceled };

/// True if `error` holds a vt::OperationCanceledError.
bool is_cancellation(const std::exception_ptr &error) noexcept;
/// Reports a faulted task whose exception nobody observed.
void report_unobserved_fault(const std::exception_ptr &error) noexcept;

/// Everything that does not depend on T.
///
/// Lifetime. refs_ counts the handles (Task, ValueTask, sources, combinators).
/// A coroutine's state is also kept alive by the coroutine itself until it
/// completes, but that reference is not in refs_: it is folded into the
/// completion list, so that finishing a coroutine costs one locked
/// instruction (complete()'s exchange), not two (that and a decrement).
///   1. The last handle's release() frees a state that is not a coroutine's,
///      or a coroutine's that has completed.
///   2. If the coroutine is still running, that release() abandons the list
///      instead (CompletionList step 3) and leaves the state alone.
///   3. The coroutine's finish() completes the list; if the list had been
///      abandoned, no handle is left and finish() frees the state.
/// abandon() and complete() are atomic operations on the same word, so
/// exactly one of steps 2 and 3 sees the other, and the state is freed once.
///
/// Who writes what:
///   refs_      every handle (add_ref relaxed, release acq_rel);
///   claimed_   the one producer that wins try_claim();
///   status_, error_ and the derived class's value: that producer, before
///              completions_.complete() publishes them (release);
///   observed_  any consumer after completion; read by the last release.
class TaskStateBase {
public:
  TaskStateBase() = default;
  TaskStateBase(const TaskStateBase &) = delete;
  TaskStateBase &operator=(const TaskStateBase &) = delete;

  void add_ref() noexcept {
    // relaxed: a new reference is made from an existing one, which already
    // keeps the state alive; no other data is published by the increment.
    refs_.fetch_add(1, std::memory_order_relaxed);
  }

  void release() noexcept {
    // Sole owner (the common last release): nobody else holds a reference,
    // so nobody can add or drop one concurrently, and the locked
    // read-modify-write can be skipped. acquire: pairs with the other
    // holders' acq_rel decrements, as the fetch_sub below would.
    // Otherwise acq_rel: the last releaser must see every other holder's
    // writes (observed_, the result) before it inspects and destroys the
    // state.
    if (refs_.load(std::memory_order_acquire) == 1 || refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
      if (run_by_coroutine_ && completions_.abandon())
        return; // Lifetime step 2: the running coroutine frees it.
      destroy_unreferenced();
    }
  }

  bool is_completed() const noexcept { return completions_.is_completed(); }

  TaskStatus status() const noexcept {
    return is_completed() ? status_ : TaskStatus::pending;
  }

  /// False if already completed (the node is then not kept).
  bool add_continuation(Continuation *node) noexcept { return completions_.add(node); }

  void wait() { wait_for(completions_); }

  /// Completed state only: rethrows a fault or cancellation (marking it
  /// observed), else returns.
  void rethrow_if_failed() {
    if (status_ == TaskStatus::succeeded)
      return;
    mark_observed();
    std::rethrow_exception(error_);
  }

  void mark_observed() noexcept {
    // relaxed: read only by the last release(), which synchronizes with
    // this thread through the reference count.
    observed_.store(true, std::memory_order_relaxed);
  }

  /// Completed state only.
  const std::exception_ptr &error() const noexcept { return error_; }

  /// Manual producers race for the right to complete: true for the first
  /// caller only. (A coroutine is its own single producer and skips this.)
  bool try_claim() noexcept {
    // acq_rel on the flag alone: it only elects the writer; the result is
    // published later by publish()'s release.
    return !claimed_.exchange(true, std::memory_order_acq_rel);
  }

  /// Producer: records a fault or, for an OperationCanceledError, a
  /// cancellation. Published by publish().
  void store_error(std::exception_ptr error) noexcept {
    status_ = is_cancellation(error) ? TaskStatus::canceled : TaskStatus::faulted;
    error_ = std::move(error);
  }

  /// Producer, once, after storing the outcome: completes the task and
  /// fires the continuations (which post, never run, their coroutines).
  void publish() noexcept { (void)completions_.complete(); } // Not a coroutine's: never abandoned.

  /// The coroutine's last step, at its final suspend point: publish() (see
  /// complete_from_final_suspend), then lifetime step 3. The state may be
  /// gone when this returns: touch nothing of it afterwards.
  void finish() noexcept {
    if (complete_from_final_suspend(completions_))
      destroy_unreferenced();
  }

protected:
  struct RunByCoroutine {};
  /// For coroutine promises: one reference, the Task returned to the caller;
  /// the running coroutine keeps the state alive without one (see Lifetime).
  explicit TaskStateBase(RunByCoroutine) noexcept : run_by_coroutine_(true) {}

  void mark_succeeded() noexcept { status_ = TaskStatus::succeeded; }

  virtual void destroy() noexcept = 0;
  ~TaskStateBase() = default;

private:
  /// Nobody holds the state any more (and, for a coroutine's, it completed).
  void destroy_unreferenced() noexcept {
    if (status() == TaskStatus::faulted && !observed_.load(std::memory_order_relaxed))
      report_unobserved_fault(error_);
    destroy();
  }

  std::atomic<std::uint32_t> refs_{1};
  CompletionList completions_;
  std::atomic<bool> claimed_{false};
  std::atomic<bool> observed_{false};
  TaskStatus status_ = TaskStatus::pending;
  const bool run_by_coroutine_ = false;
  std::exception_ptr error_;
};

/// Adds the value slot. The value is constructed in place by the producer
/// and destroyed with the state.
template <typename T>
class TaskState : public TaskStateBase {
public:
  using TaskStateBase::TaskStateBase;
  TaskState() = default;

  /// Producer: stores the value. Published by publish().
  template <typename... Args>
  void emplace_value(Args &&...args) {
    ::new (static_cast<void *>(&storage_)) T(std::forward<Args>(args)...);
    has_value_ = true;
    this->mark_succeeded();
  }

  /// Succeeded state only.
  const T &value() const noexcept { return *std::launder(reinterpret_cast<const T *>(&storage_)); }
  /// Succeeded state only, single consumer (value-task frames): moves out.
  T take_value() noexcept(std::is_nothrow_move_constructible_v<T>) {
    return std::move(*std::launder(reinterpret_cast<T *>(&storage_)));
  }

protected:
  ~TaskState() {
    if (has_value_)
      std::launder(reinterpret_cast<T *>(&storage_))->~T();
  }

private:
  alignas(T) unsigned char storage_[sizeof(T)];
  bool has_value_ = false;
};

template <>
class TaskState<void> : public TaskStateBase {
public:
  using TaskStateBase::TaskStateBase;
  TaskState() = default;

  void emplace_value() noexcept { this->mark_succeeded(); }
  void value() const noexcept {}
  void take_value() const noexcept {}

protected:
  ~TaskState() = default;
};

/// A state completed by hand (TaskCompletionSource, combinators).
template <typename T>
class ManualTaskState final : public TaskState<T> {
public:
  /// Completes with a value unless already claimed. A throwing value
  /// constructor faults the task instead.
  template <typename... Args>
  bool try_set_value(Args &&...args) noexcept {
    if (!this->try_claim())
      return false;
    try {
      this->emplace_value(std::forward<Args>(args)...);
    } catch (...) {
      this->store_error(std::current_exception());
    }
    this->publish();
    return true;
  }

  bool try_set_error(std::exception_ptr error) noexcept {
    if (!this->try_claim())
      return false;
    this->store_error(std::move(error));
    this->publish();
    return true;
  }

private:
  void destroy() noexcept override { delete this; }
};

} // namespace vt::detail
