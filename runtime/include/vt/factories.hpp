// Ready-made tasks and small awaitables: from_result, from_exception,
// from_canceled, delay, yield.
#pragma once

#include <chrono>
#include <coroutine>
#include <exception>
#include <stdexcept>
#include <type_traits>
#include <utility>

#include <vt/cancellation_token.hpp>
#include <vt/detail/scheduling.hpp>
#include <vt/detail/task_state.hpp>
#include <vt/task.hpp>

namespace vt {

/// A task already completed with `value` (allocates its shared state; a
/// ValueTask<T>(value) is the allocation-free alternative).
template <typename T>
Task<std::decay_t<T>> from_result(T &&value) {
  auto *state = new detail::ManualTaskState<std::decay_t<T>>;
  state->try_set_value(std::forward<T>(value));
  return detail::TaskAccess::adopt<std::decay_t<T>>(state);
}

/// A Task<void> already completed successfully.
inline Task<> from_result() {
  auto *state = new detail::ManualTaskState<void>;
  state->try_set_value();
  return detail::TaskAccess::adopt<void>(state);
}

/// A task already faulted with `error` (an OperationCanceledError makes it
/// canceled instead). A null `error` throws std::invalid_argument.
template <typename T = void>
Task<T> from_exception(std::exception_ptr error) {
  if (!error)
    throw std::invalid_argument("vt::from_exception: null exception_ptr");
  auto *state = new detail::ManualTaskState<T>;
  state->try_set_error(std::move(error));
  return detail::TaskAccess::adopt<T>(state);
}

/// A task already canceled by `token`: get() and co_await throw
/// OperationCanceledError whose token() is `token`.
template <typename T = void>
Task<T> from_canceled(CancellationToken token) {
  return from_exception<T>(std::make_exception_ptr(OperationCanceledError(std::move(token))));
}

/// A task that completes after `duration` (on the timer thread, whose
/// completion posts the awaiters to their pools), or is canceled as soon as
/// `token` is (canceled at once if it already is).
Task<> delay(std::chrono::milliseconds duration, CancellationToken token = {});

/// `co_await vt::yield()` always suspends and requeues the coroutine at the
/// back of the global queue of its pool (the default pool off-pool), like
/// .NET's Task.Yield: everything already queued gets a turn first (a local
/// push would be popped straight back, newest first).
inline auto yield() noexcept {
  struct Yield {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> awaiting) const {
      detail::post_global(detail::current_or_default_pool(), awaiting);
    }
    void await_resume() const noexcept {}
  };
  return Yield{};
}

} // namespace vt
