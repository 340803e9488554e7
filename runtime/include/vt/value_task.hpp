// vt::ValueTask<T>: a single-use, allocation-free-when-ready result (like
// .NET's ValueTask<T>).
//
// Backings: a ready value stored inline (no allocation at all), a Task<T>,
// or a source (a ValueTask coroutine's own frame, a
// ManualResetValueTaskSource) identified by pointer and version. The
// 16-byte layout, returned in registers with clang, is in
// vt/detail/value_task_backing.hpp.
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

#include <vt/detail/frame_allocator.hpp>
#include <vt/detail/profile_site.hpp>
#include <vt/detail/scheduling.hpp>
#include <vt/detail/task_state.hpp>
#include <vt/detail/value_task_backing.hpp>
#include <vt/detail/value_task_source.hpp>
#include <vt/errors.hpp>
#include <vt/task.hpp>
#include <vt/unobserved.hpp>

namespace vt {

template <typename T = void>
class ValueTask;

namespace detail {

template <typename T>
class ValueTaskPromise;
template <typename T>
class ValueTaskPromiseBase;

/// Owns the backing taken from the consumed value task for as long as the
/// co_await lasts (it lives in the awaiting coroutine's frame).
template <typename T>
class ValueTaskAwaiter {
public:
  explicit ValueTaskAwaiter(ValueTaskBacking<T> &&backing) noexcept(
      std::is_nothrow_move_constructible_v<ReadySlot<T>>)
      : backing_(std::move(backing)) {}

  bool await_ready() const {
    switch (backing_.kind_) {
    case BackingKind::ready:
      return true;
    case BackingKind::task:
      return backing_.task_->is_completed();
    case BackingKind::frame:
    case BackingKind::source:
      return backing_.source_->status(backing_.token()) != TaskStatus::pending;
    }
    __builtin_unreachable(); // The switch covers every kind.
  }

  bool await_suspend(std::coroutine_handle<> awaiting) {
    node_.handle = awaiting;
    node_.pool = &current_or_default_pool();
    switch (backing_.kind_) {
    case BackingKind::ready: // await_ready said true: never suspends.
      return false;
    case BackingKind::task:
      return backing_.task_->add_continuation(&node_);
    case BackingKind::frame:
    case BackingKind::source:
      return backing_.source_->add_continuation(&node_, backing_.token());
    }
    __builtin_unreachable(); // The switch covers every kind.
  }

  T await_resume() {
    switch (backing_.kind_) {
    case BackingKind::ready:
      if constexpr (!std::is_void_v<T>)
        return std::move(backing_.value_);
      else
        return;
    case BackingKind::task: {
      TaskState<T> &state = *backing_.task_;
      state.rethrow_if_failed();
      if constexpr (std::is_void_v<T> || std::is_copy_constructible_v<T>)
        return state.value();
      else // A task shares its value among awaiters: it can only copy it.
        throw InvalidOperationError(task_backed_needs_copy_message);
    }
    case BackingKind::frame:
    case BackingKind::source: {
      // Let go of the source as soon as the result is taken, even if it
      // throws: a reusable source may be reset or destroyed right after.
      struct LetGo {
        ValueTaskBacking<T> &backing;
        ~LetGo() { backing.let_go_of_source(); }
      } let_go{backing_};
      return backing_.source_->take_result(backing_.token());
    }
    }
    __builtin_unreachable(); // The switch covers every kind.
  }

private:
  ValueTaskBacking<T> backing_;
  ResumeOnPool node_;
};

struct FromSource {};

} // namespace detail

template <typename T>
class [[nodiscard]] VT_TRIVIAL_ABI ValueTask {
public:
  using promise_type = detail::ValueTaskPromise<T>;
  using value_type = T;

  // The constructors a plain function returns through take the caller's
  // location as a defaulted argument: it names the function for
  // vt::profile (vt/detail/profile_site.hpp). A ready value is recorded
  // right here (it is complete at any first inspection); the others keep
  // their site until then.

  /// Completed: T{} (ValueTask<void>: simply completed). No allocation.
  ValueTask(std::source_location where = std::source_location::current()) noexcept(
      std::is_nothrow_default_constructible_v<detail::ReadySlot<T>>)
    requires std::is_default_constructible_v<detail::ReadySlot<T>>
      : backing_(detail::ReadyTag{}) {
    detail::profile_ready_value_task_call(where);
  }

  /// Completed with `value`. No allocation.
  template <typename U = T>
    requires(!std::is_void_v<T> && std::is_constructible_v<detail::ReadySlot<T>, U &&> &&
             !std::is_same_v<std::remove_cvref_t<U>, ValueTask> &&
             !std::is_same_v<std::remove_cvref_t<U>, Task<T>>)
  ValueTask(U &&value, std::source_location where = std::source_location::current()) noexcept(
      std::is_nothrow_constructible_v<detail::ReadySlot<T>, U &&>)
      : backing_(detail::ReadyTag{}, std::forward<U>(value)) {
    detail::profile_ready_value_task_call(where);
  }

  /// Backed by `task` (which may be pending). Wrapping counts as the task's
  /// first inspection for vt::profile.
  ValueTask(Task<T> task, std::source_location where = std::source_location::current()) noexcept
      : backing_(detail::TaskAccess::take_state(std::move(task)), detail::profile_value_task_call(where)) {}

  /// Backed by one version of a reusable source (runtime use).
  ValueTask(detail::FromSource, detail::ValueTaskSource<T> &source, detail::SourceToken token) noexcept
      : backing_(&source, token) {}

  /// Backed by a ValueTask coroutine's frame; `site`: its profiled call.
  ValueTask(detail::FrameTag, detail::ValueTaskSource<T> &frame, detail::ProfileSiteId site) noexcept
      : backing_(detail::FrameTag{}, &frame, site) {}

  ValueTask(const ValueTask &) = delete;
  ValueTask &operator=(const ValueTask &) = delete;

  /// The source is left consumed.
  ValueTask(ValueTask &&other) noexcept(std::is_nothrow_move_constructible_v<detail::ReadySlot<T>>)
      : backing_(std::move(other.backing_)) {}
  ValueTask &operator=(ValueTask &&other) noexcept(std::is_nothrow_move_constructible_v<detail::ReadySlot<T>>) {
    if (this != &other) {
      if (!backing_.consumed_)
        settle_unconsumed();
      backing_ = std::move(other.backing_);
    }
    return *this;
  }

  // always_inline: the hot case (a consumed ready value) then costs one
  // test at the call site, on a value the compiler often already knows.
  [[gnu::always_inline]] ~ValueTask() {
    if (!backing_.consumed_) [[unlikely]]
      settle_unconsumed();
  }

  bool is_completed() const { return status() != detail::TaskStatus::pending; }
  bool is_completed_successfully() const { return status() == detail::TaskStatus::succeeded; }
  bool is_faulted() const { return status() == detail::TaskStatus::faulted; }
  bool is_canceled() const { return status() == detail::TaskStatus::canceled; }

  /// Consumes. Throws InvalidOperationError if not yet completed.
  T result() {
    // Fast path for the cache-hit case, small enough to inline: a ready
    // value needs no awaiter, and was profiled when it was built.
    if (!backing_.consumed_ && backing_.is_ready()) [[likely]] {
      backing_.consumed_ = true;
      if constexpr (!std::is_void_v<T>)
        return std::move(backing_.value_);
      else
        return;
    }
    return result_slow();
  }

  /// Consumes. The returned task may be awaited any number of times.
  Task<T> as_task() {
    note_inspection();
    consume();
    switch (backing_.kind_) {
    case detail::BackingKind::ready: {
      auto *state = new detail::ManualTaskState<T>;
      if constexpr (std::is_void_v<T>)
        state->try_set_value();
      else
        state->try_set_value(std::move(backing_.value_));
      return detail::TaskAccess::adopt<T>(state);
    }
    case detail::BackingKind::task: {
      detail::TaskState<T> *state = &task_state();
      backing_.task_ = nullptr; // our reference goes to the task
      return detail::TaskAccess::adopt<T>(state);
    }
    case detail::BackingKind::frame:
    case detail::BackingKind::source:
      (void)status_unprofiled(); // Rejects a stale version now.
      return await_into_task(detail::ValueTaskAwaiter<T>(std::move(backing_)));
    }
    __builtin_unreachable(); // The switch covers every kind.
  }

  /// Consumes (lvalue and rvalue alike).
  detail::ValueTaskAwaiter<T> operator co_await() & { return take_for_await(); }
  detail::ValueTaskAwaiter<T> operator co_await() && { return take_for_await(); }

private:
  T result_slow() {
    note_inspection();
    consume();
    if (backing_.kind_ == detail::BackingKind::frame)
      return frame_result();
    if (status_unprofiled() == detail::TaskStatus::pending)
      throw InvalidOperationError(detail::value_task_not_completed_message);
    return detail::ValueTaskAwaiter<T>(std::move(backing_)).await_resume();
  }

  /// result() of a ValueTask coroutine that completed synchronously: the
  /// frame's own type is known, so no virtual call and no awaiter.
  T frame_result() {
    auto *frame = static_cast<detail::ValueTaskPromiseBase<T> *>(backing_.source_);
    if (frame == nullptr)
      throw InvalidOperationError(detail::value_task_consumed_message);
    if (!frame->is_completed())
      throw InvalidOperationError(detail::value_task_not_completed_message);
    backing_.source_ = nullptr; // the reference is dropped below, even if it throws
    struct Release {
      detail::ValueTaskPromiseBase<T> *frame;
      ~Release() { frame->release(0); }
    } release{frame};
    return frame->take_result(0);
  }

  /// The task behind a task-backed value task; throws for an empty one.
  detail::TaskState<T> &task_state() const {
    if (backing_.task_ == nullptr)
      throw InvalidOperationError(detail::empty_task_message);
    return *backing_.task_;
  }

  detail::TaskStatus status() const {
    note_inspection();
    return status_unprofiled();
  }

  detail::TaskStatus status_unprofiled() const {
    switch (backing_.kind_) {
    case detail::BackingKind::ready:
      return detail::TaskStatus::succeeded;
    case detail::BackingKind::task:
      return task_state().status();
    case detail::BackingKind::frame:
    case detail::BackingKind::source:
      if (backing_.source_ == nullptr)
        throw InvalidOperationError(detail::value_task_consumed_message);
      return backing_.source_->status(backing_.token());
    }
    __builtin_unreachable(); // The switch covers every kind.
  }

  void consume() {
    if (backing_.consumed_)
      throw InvalidOperationError(detail::value_task_consumed_message);
    backing_.consumed_ = true;
  }

  detail::ValueTaskAwaiter<T> take_for_await() {
    note_inspection();
    consume();
    if (!backing_.is_ready())
      (void)status_unprofiled(); // Rejects an empty task or a stale version now.
    return detail::ValueTaskAwaiter<T>(std::move(backing_));
  }

  static Task<T> await_into_task(detail::ValueTaskAwaiter<T> awaiter) { co_return co_await awaiter; }

  /// A value task that is going away (destroyed or overwritten) without
  /// having been consumed: its call still counts, and if it is still
  /// pending that is reported once.
  void settle_unconsumed() noexcept {
    note_inspection();
    if (is_pending_unprofiled())
      detail::report_unobserved("a pending vt::ValueTask was destroyed without being consumed "
                                "(awaited, result() or as_task())");
  }

  bool is_pending_unprofiled() const noexcept {
    switch (backing_.kind_) {
    case detail::BackingKind::ready:
      return false;
    case detail::BackingKind::task:
      return backing_.task_ != nullptr && !backing_.task_->is_completed();
    case detail::BackingKind::frame:
    case detail::BackingKind::source:
      return backing_.source_ != nullptr && backing_.source_->is_pending(backing_.token());
    }
    __builtin_unreachable(); // The switch covers every kind.
  }

  /// Step 3 of vt/detail/profile_site.hpp: the first inspection records the
  /// call, synchronous if the value task is complete by then.
  void note_inspection() const noexcept {
#if VT_PROFILE_HOOKS
    if (detail::ProfileSiteId site = backing_.take_site(); site != 0) [[unlikely]]
      detail::record_call(site, !is_pending_unprofiled());
#endif
  }

  detail::ValueTaskBacking<T> backing_;
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
    return ValueTask<T>(FrameTag{}, *this, profile_value_task_call(where, /*from_coroutine=*/true));
  }

  // final: a ValueTask that knows it holds a frame calls these directly.
  TaskStatus status(SourceToken) const final { return TaskPromiseBase<T>::status(); }
  bool is_pending(SourceToken) const noexcept final { return !this->is_completed(); }
  bool add_continuation(Continuation *node, SourceToken) final {
    return TaskPromiseBase<T>::add_continuation(node);
  }
  T take_result(SourceToken) final {
    this->rethrow_if_failed();
    return this->take_value();
  }
  void release(SourceToken) noexcept final {
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
