// vt::ValueTask<T>: a single-use, allocation-free-when-ready result (like
// .NET's ValueTask<T>).
//
// Backings: a ready value stored inline (no allocation at all), a Task<T>,
// or a source (a ValueTask coroutine's own frame, a
// ManualResetValueTaskSource) identified by pointer and version.
//
// Rules (each enforced here, each a lit test in test/runtime/):
//   - Consuming operations are co_await (lvalue or rvalue), result() and
//     as_task(). Every attempt marks the value task consumed, even if it
//     throws; a second attempt throws InvalidOperationError ("... has already
//     been consumed"). A moved-from value task counts as consumed.
//   - result() before completion throws InvalidOperationError.
//   - A value task still pending when destroyed unconsumed is reported once
//     to the unobserved handler; a completed one never is.
//   - A source-backed value task whose source was reset since is stale:
//     consuming it throws InvalidOperationError.
#pragma once

#include <coroutine>
#include <cstdint>
#include <source_location>
#include <type_traits>
#include <utility>
#include <variant>

#include <vt/detail/frame_allocator.hpp>
#include <vt/detail/profile_site.hpp>
#include <vt/detail/scheduling.hpp>
#include <vt/detail/task_state.hpp>
#include <vt/detail/value_task_source.hpp>
#include <vt/errors.hpp>
#include <vt/task.hpp>
#include <vt/unobserved.hpp>

namespace vt {

template <typename T = void>
class ValueTask;

namespace detail {

struct Unit {};
template <typename T>
using ReadySlot = std::conditional_t<std::is_void_v<T>, Unit, T>;

/// What a value task holds: a ready value, a task, or a source version.
template <typename T>
using ValueTaskBacking = std::variant<ReadySlot<T>, Task<T>, SourceRef<T>>;

template <typename T>
class ValueTaskPromise;

/// Owns the backing taken from the consumed value task for as long as the
/// co_await lasts (it lives in the awaiting coroutine's frame).
template <typename T>
class ValueTaskAwaiter {
public:
  explicit ValueTaskAwaiter(ValueTaskBacking<T> &&backing) noexcept : backing_(std::move(backing)) {}

  bool await_ready() const {
    if (auto *task = std::get_if<Task<T>>(&backing_))
      return task->is_completed();
    if (auto *source = std::get_if<SourceRef<T>>(&backing_))
      return (*source)->status(source->version()) != TaskStatus::pending;
    return true;
  }

  bool await_suspend(std::coroutine_handle<> awaiting) {
    node_.handle = awaiting;
    node_.pool = &current_or_default_pool();
    if (auto *task = std::get_if<Task<T>>(&backing_))
      return TaskAccess::state(*task).add_continuation(&node_);
    auto &source = std::get<SourceRef<T>>(backing_);
    return source->add_continuation(&node_, source.version());
  }

  T await_resume() {
    if (auto *task = std::get_if<Task<T>>(&backing_)) {
      TaskState<T> &state = TaskAccess::state(*task);
      state.rethrow_if_failed();
      if constexpr (std::is_void_v<T> || std::is_copy_constructible_v<T>)
        return state.value();
      else // A task shares its value among awaiters: it can only copy it.
        throw InvalidOperationError("vt::ValueTask: a task-backed value task needs a copyable value type");
    }
    if (auto *source = std::get_if<SourceRef<T>>(&backing_)) {
      // Let go of the source as soon as the result is taken, even if it
      // throws: a reusable source may be reset or destroyed right after.
      struct Drop {
        SourceRef<T> &ref;
        ~Drop() { ref = SourceRef<T>(nullptr, 0); }
      } drop{*source};
      return (*source)->take_result(source->version());
    }
    if constexpr (!std::is_void_v<T>)
      return std::move(std::get<0>(backing_));
  }

private:
  ValueTaskBacking<T> backing_;
  ResumeOnPool node_;
};

struct FromSource {};

} // namespace detail

template <typename T>
class [[nodiscard]] ValueTask {
public:
  using promise_type = detail::ValueTaskPromise<T>;
  using value_type = T;

  // The constructors a plain function returns through take the caller's
  // location as a defaulted argument: it names the function for
  // vt::profile (vt/detail/profile_site.hpp).

  /// Completed: T{} (ValueTask<void>: simply completed). No allocation.
  ValueTask(std::source_location where = std::source_location::current()) noexcept(
      std::is_nothrow_default_constructible_v<detail::ReadySlot<T>>)
    requires std::is_default_constructible_v<detail::ReadySlot<T>>
      : backing_(std::in_place_index<0>), profile_site_(detail::profile_value_task_call(where)) {}

  /// Completed with `value`. No allocation.
  template <typename U = T>
    requires(!std::is_void_v<T> && std::is_constructible_v<detail::ReadySlot<T>, U &&> &&
             !std::is_same_v<std::remove_cvref_t<U>, ValueTask> &&
             !std::is_same_v<std::remove_cvref_t<U>, Task<T>>)
  ValueTask(U &&value, std::source_location where = std::source_location::current()) noexcept(
      std::is_nothrow_constructible_v<detail::ReadySlot<T>, U &&>)
      : backing_(std::in_place_index<0>, std::forward<U>(value)),
        profile_site_(detail::profile_value_task_call(where)) {}

  /// Backed by `task` (which may be pending).
  ValueTask(Task<T> task, std::source_location where = std::source_location::current()) noexcept
      : backing_(std::in_place_index<1>, std::move(task)),
        profile_site_(detail::profile_value_task_call(where)) {}

  /// Backed by one version of a source (runtime use); `site`: the profiled
  /// ValueTask coroutine it comes from, if any.
  ValueTask(detail::FromSource, detail::ValueTaskSource<T> &source, std::uint64_t version,
            detail::ProfileSite *site = nullptr) noexcept
      : backing_(std::in_place_index<2>, &source, version), profile_site_(site) {}

  ValueTask(const ValueTask &) = delete;
  ValueTask &operator=(const ValueTask &) = delete;

  /// The source is left consumed.
  ValueTask(ValueTask &&other) noexcept
      : backing_(std::move(other.backing_)), consumed_(std::exchange(other.consumed_, true)),
        profile_site_(std::exchange(other.profile_site_, nullptr)) {}
  /// An overwritten value task that was never inspected (a default-built
  /// placeholder, typically) is not counted as a call.
  ValueTask &operator=(ValueTask &&other) noexcept {
    if (this != &other) {
      report_if_dropped_pending();
      backing_ = std::move(other.backing_);
      consumed_ = std::exchange(other.consumed_, true);
      profile_site_ = std::exchange(other.profile_site_, nullptr);
    }
    return *this;
  }

  // always_inline: the hot case (a consumed ready value) then costs two
  // tests at the call site instead of a call through the variant's
  // destructor.
  [[gnu::always_inline]] ~ValueTask() {
    if (!consumed_) { // A consumed value task has nothing to report.
      note_inspection(); // never inspected: the call still counts
      report_if_dropped_pending();
    }
  }

  bool is_completed() const { return status() != detail::TaskStatus::pending; }
  bool is_completed_successfully() const { return status() == detail::TaskStatus::succeeded; }
  bool is_faulted() const { return status() == detail::TaskStatus::faulted; }
  bool is_canceled() const { return status() == detail::TaskStatus::canceled; }

  /// Consumes. Throws InvalidOperationError if not yet completed.
  T result() {
    note_inspection();
    // Fast path for the cache-hit case, small enough to inline: a ready
    // value needs no awaiter.
    if (!consumed_ && backing_.index() == 0) {
      consumed_ = true;
      if constexpr (!std::is_void_v<T>)
        return std::move(*std::get_if<0>(&backing_));
      else
        return;
    }
    return result_slow();
  }

private:
  T result_slow() {
    consume();
    if (!is_completed())
      throw InvalidOperationError("vt::ValueTask::result(): the value task has not completed yet; "
                                  "co_await it instead");
    return detail::ValueTaskAwaiter<T>(std::move(backing_)).await_resume();
  }

public:
  /// Consumes. The returned task may be awaited any number of times.
  Task<T> as_task() {
    note_inspection();
    consume();
    switch (backing_.index()) {
    case 0: {
      auto *state = new detail::ManualTaskState<T>;
      if constexpr (std::is_void_v<T>)
        state->try_set_value();
      else
        state->try_set_value(std::move(std::get<0>(backing_)));
      return detail::TaskAccess::adopt<T>(state);
    }
    case 1:
      return std::move(std::get<1>(backing_));
    default: {
      auto &source = std::get<2>(backing_);
      (void)source->status(source.version()); // Rejects a stale version now.
      return await_into_task(detail::ValueTaskAwaiter<T>(std::move(backing_)));
    }
    }
  }

  /// Consumes (lvalue and rvalue alike).
  detail::ValueTaskAwaiter<T> operator co_await() & { return take_for_await(); }
  detail::ValueTaskAwaiter<T> operator co_await() && { return take_for_await(); }

private:
  detail::TaskStatus status() const {
    note_inspection();
    switch (backing_.index()) {
    case 0:
      return detail::TaskStatus::succeeded;
    case 1:
      return detail::TaskAccess::state(std::get<1>(backing_)).status();
    default: {
      auto &source = std::get<2>(backing_);
      if (!source)
        throw InvalidOperationError("vt::ValueTask: the value task has already been consumed");
      return source->status(source.version());
    }
    }
  }

  void consume() {
    if (consumed_)
      throw InvalidOperationError("vt::ValueTask: the value task has already been consumed; a value "
                                  "task may be awaited (or its result read) only once");
    consumed_ = true;
  }

  detail::ValueTaskAwaiter<T> take_for_await() {
    note_inspection();
    consume();
    if (auto *source = std::get_if<2>(&backing_))
      (void)(*source)->status(source->version()); // Rejects a stale version now.
    return detail::ValueTaskAwaiter<T>(std::move(backing_));
  }

  static Task<T> await_into_task(detail::ValueTaskAwaiter<T> awaiter) { co_return co_await awaiter; }

  void report_if_dropped_pending() noexcept {
    if (consumed_)
      return;
    bool pending = false;
    if (auto *task = std::get_if<1>(&backing_))
      pending = task->valid() && !detail::TaskAccess::state(*task).is_completed();
    else if (auto *source = std::get_if<2>(&backing_))
      pending = *source && (*source)->is_pending(source->version());
    if (pending)
      detail::report_unobserved("a pending vt::ValueTask was destroyed without being consumed "
                                "(awaited, result() or as_task())");
  }

  /// Step 2 of vt/detail/profile_site.hpp: the first inspection records the
  /// call, synchronous if the value task is complete by then.
  void note_inspection() const noexcept {
    if (profile_site_ != nullptr) [[unlikely]]
      detail::record_call(std::exchange(profile_site_, nullptr), completed_for_profile());
  }

  bool completed_for_profile() const noexcept {
    if (auto *task = std::get_if<1>(&backing_))
      return task->valid() && detail::TaskAccess::state(*task).is_completed();
    if (auto *source = std::get_if<2>(&backing_))
      return *source && !(*source)->is_pending(source->version());
    return true;
  }

  detail::ValueTaskBacking<T> backing_;
  bool consumed_ = false;
  /// The profiled call this value task came from, until its first
  /// inspection (null when profiling is off).
  mutable detail::ProfileSite *profile_site_ = nullptr;
};

namespace detail {

/// A ValueTask coroutine's promise: the frame is the source. Two references
/// keep it alive, the running coroutine's and the value task's.
template <typename T>
class ValueTaskPromiseBase : public TaskPromiseBase<T>, public ValueTaskSource<T> {
public:
  /// `where` names the coroutine (a defaulted argument takes the caller's
  /// location): the profiling site.
  ValueTask<T> get_return_object(std::source_location where = std::source_location::current()) noexcept {
    return ValueTask<T>(FromSource{}, *this, 0, profile_value_task_call(where, /*from_coroutine=*/true));
  }

  TaskStatus status(std::uint64_t) const override { return TaskPromiseBase<T>::status(); }
  bool is_pending(std::uint64_t) const noexcept override { return !this->is_completed(); }
  bool add_continuation(Continuation *node, std::uint64_t) override {
    return TaskPromiseBase<T>::add_continuation(node);
  }
  T take_result(std::uint64_t) override {
    this->rethrow_if_failed();
    return this->take_value();
  }
  void release(std::uint64_t) noexcept override {
    // The value task is gone; if it was dropped while pending, that was
    // already reported: do not report the same loss again as a fault.
    if (!this->is_completed())
      this->mark_observed();
    TaskPromiseBase<T>::release();
  }

private:
  void destroy() noexcept override {
    auto &self = static_cast<ValueTaskPromise<T> &>(*this);
    std::coroutine_handle<ValueTaskPromise<T>>::from_promise(self).destroy();
  }
};

template <typename T>
class ValueTaskPromise final : public ValueTaskPromiseBase<T> {
public:
  template <typename U = T>
    requires std::is_convertible_v<U &&, T>
  void return_value(U &&value) {
    this->emplace_value(std::forward<U>(value));
  }
};

template <>
class ValueTaskPromise<void> final : public ValueTaskPromiseBase<void> {
public:
  void return_void() noexcept { this->emplace_value(); }
};

} // namespace detail
} // namespace vt
