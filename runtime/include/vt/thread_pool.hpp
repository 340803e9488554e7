// vt::ThreadPool: a work-stealing pool of coroutine continuations, scheduled
// like the .NET ThreadPool. The protocols (worker loop, sleep and wake-up,
// shutdown) are written out in runtime/src/thread_pool.cpp.
//
//   - Work queued from outside the pool goes to the global FIFO queue.
//   - Work queued by a pool worker goes to that worker's local deque.
//   - A worker takes its own newest local item first (LIFO), then the oldest
//     global item, then steals the oldest item of another worker (FIFO end).
//   - Idle workers spin briefly, then sleep; every push wakes a sleeper.
#pragma once

#include <coroutine>
#include <cstdint>
#include <memory>
#include <type_traits>
#include <utility>

#include <vt/cancellation_token.hpp>
#include <vt/detail/scheduling.hpp>
#include <vt/factories.hpp>
#include <vt/task.hpp>
#include <vt/value_task.hpp>

namespace vt {

namespace detail {
class PoolCore;

template <typename R>
struct Unwrapped {
  using type = R;
};
template <typename U>
struct Unwrapped<Task<U>> {
  using type = U;
};
template <typename U>
struct Unwrapped<ValueTask<U>> {
  using type = U;
};
/// run(F)'s task type: F's result, with one Task/ValueTask layer removed.
template <typename F>
using RunResult = typename Unwrapped<std::invoke_result_t<F &>>::type;
} // namespace detail

/// Cumulative counters. The worker-side ones are summed over per-worker
/// counters (each written by its worker alone); global_pushes is one pool
/// counter, since pushes to the global queue come from outside threads. All
/// are relaxed: a snapshot taken while the pool runs is approximate, and
/// exact once the pool is quiet.
struct ThreadPoolStats {
  std::uint64_t global_pushes = 0; ///< Items queued to the global queue.
  std::uint64_t local_pushes = 0;  ///< Items queued by workers to their own deque.
  std::uint64_t local_pops = 0;    ///< Items a worker took from its own deque.
  std::uint64_t global_pops = 0;   ///< Items workers took from the global queue.
  std::uint64_t steals = 0;        ///< Items taken from another worker's deque.
};

class ThreadPool {
public:
  /// Starts `threads` workers (at least 1; 0 throws std::invalid_argument).
  explicit ThreadPool(unsigned threads);
  /// Runs every queued item, then joins the workers. Destroy a pool only when
  /// no work will be queued to it any more (no coroutine is suspended
  /// waiting to resume on it); never from one of its own workers.
  ~ThreadPool();
  ThreadPool(const ThreadPool &) = delete;
  ThreadPool &operator=(const ThreadPool &) = delete;

  /// One worker per hardware thread, started on first use and never
  /// destroyed (so continuations may still land on it during exit).
  static ThreadPool &default_pool();

  unsigned thread_count() const noexcept;
  ThreadPoolStats stats() const noexcept;

  /// `co_await pool.schedule()` resumes the awaiting coroutine on this pool.
  auto schedule() noexcept {
    struct Schedule {
      ThreadPool *pool;
      bool await_ready() const noexcept { return false; }
      void await_suspend(std::coroutine_handle<> awaiting) const { pool->post(awaiting); }
      void await_resume() const noexcept {}
    };
    return Schedule{this};
  }

  /// Runs `f()` on this pool and returns its result as a task. If `f`
  /// returns a Task or ValueTask, the returned task completes with *its*
  /// result. If `token` is canceled before `f` starts, `f` never runs and the
  /// task is canceled.
  template <typename F>
  Task<detail::RunResult<F>> run(F f, CancellationToken token = {}) {
    if (token.is_cancellation_requested())
      return from_canceled<detail::RunResult<F>>(std::move(token));
    return run_on_pool(*this, std::move(f), std::move(token));
  }

  /// Queues a coroutine to resume on this pool (local deque when called from
  /// one of its workers, global queue otherwise).
  void post(std::coroutine_handle<> handle);

private:
  friend class detail::PoolCore;
  friend void detail::post_global(ThreadPool &, std::coroutine_handle<>);

  template <typename F>
  static Task<detail::RunResult<F>> run_on_pool(ThreadPool &pool, F f, CancellationToken token) {
    co_await pool.schedule();
    token.throw_if_cancellation_requested();
    if constexpr (std::is_same_v<detail::RunResult<F>, std::invoke_result_t<F &>>)
      co_return f();
    else
      co_return co_await f();
  }

  std::unique_ptr<detail::PoolCore> core_;
};

/// ThreadPool::default_pool().run(f, token).
template <typename F>
Task<detail::RunResult<F>> run(F f, CancellationToken token = {}) {
  return ThreadPool::default_pool().run(std::move(f), std::move(token));
}

} // namespace vt
