// vt::TaskCompletionSource<T>: the producer side of a Task completed by hand.
#pragma once

#include <exception>
#include <stdexcept>
#include <utility>

#include <vt/cancellation_token.hpp>
#include <vt/detail/task_state.hpp>
#include <vt/errors.hpp>
#include <vt/task.hpp>

namespace vt {

/// Copies share one task. The first set_* wins; a later set_* throws
/// InvalidOperationError and a later try_set_* returns false. Completing
/// never runs awaiting code inline: their continuations are posted.
template <typename T = void>
class TaskCompletionSource {
public:
  TaskCompletionSource() : state_(new detail::ManualTaskState<T>) {}
  TaskCompletionSource(const TaskCompletionSource &other) noexcept : state_(other.state_) { state_->add_ref(); }
  TaskCompletionSource &operator=(TaskCompletionSource other) noexcept {
    std::swap(state_, other.state_);
    return *this;
  }
  ~TaskCompletionSource() {
    if (state_ != nullptr)
      state_->release();
  }

  Task<T> task() const noexcept {
    state_->add_ref();
    return detail::TaskAccess::adopt<T>(state_);
  }

  /// `set_result()` for Task<void>, `set_result(value)` otherwise.
  template <typename... Args>
    requires(sizeof...(Args) == (std::is_void_v<T> ? 0 : 1))
  void set_result(Args &&...value) {
    if (!try_set_result(std::forward<Args>(value)...))
      throw_already_completed();
  }
  template <typename... Args>
    requires(sizeof...(Args) == (std::is_void_v<T> ? 0 : 1))
  bool try_set_result(Args &&...value) {
    return state_->try_set_value(std::forward<Args>(value)...);
  }

  /// An OperationCanceledError completes the task as canceled.
  void set_exception(std::exception_ptr error) {
    if (!try_set_exception(std::move(error)))
      throw_already_completed();
  }
  bool try_set_exception(std::exception_ptr error) {
    if (!error)
      throw std::invalid_argument("vt::TaskCompletionSource::set_exception: null exception_ptr");
    return state_->try_set_error(std::move(error));
  }

  /// Completes as canceled; get() then throws OperationCanceledError
  /// carrying `token`.
  void set_canceled(CancellationToken token = {}) {
    if (!try_set_canceled(std::move(token)))
      throw_already_completed();
  }
  bool try_set_canceled(CancellationToken token = {}) {
    return state_->try_set_error(std::make_exception_ptr(OperationCanceledError(std::move(token))));
  }

private:
  [[noreturn]] static void throw_already_completed() {
    throw InvalidOperationError("vt::TaskCompletionSource: the task has already been completed");
  }

  detail::ManualTaskState<T> *state_;
};

} // namespace vt
