// vt::ThreadPool: a work-stealing pool of coroutine continuations, scheduled
// like the .NET ThreadPool. The protocols (worker loop, sleep and wake-up,
// fairness, shutdown, blocking waits) are written out in runtime/src/
// (pool_core.hpp lists which unit holds which).
//
//   - Work queued from outside the pool goes to the global queues: the
//     calling thread's own FIFO injection queue for this pool (pushed
//     without locks), or the shared FIFO queue (yields, and outside threads
//     beyond the pool's 64 injection queues).
//   - Work queued by a pool worker goes to that worker's local deque.
//   - A worker takes its own newest local item first (LIFO), then a batch of
//     the oldest global items (its share of one global queue, oldest run
//     first), then steals the oldest item of another worker (FIFO end).
//   - Fairness: after global_queue_interval local items in a row, a worker
//     takes the oldest global item first, so work queued from outside runs
//     even while every worker keeps feeding its own deque.
//   - Idle workers spin briefly, then sleep; every push wakes a sleeper.
//   - Forking: spawn(fn, args...) queues fn's own coroutine frame (one frame
//     per fork); run(f) wraps f in a coroutine that hops to the pool.
#pragma once

#include <coroutine>
#include <cstdint>
#include <functional>
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

template <typename R>
inline constexpr bool is_task_v = false;
template <typename U>
inline constexpr bool is_task_v<Task<U>> = true;

/// Restores the thread's previous spawn request when a spawn call ends,
/// normally or by an exception (spawn step 4).
class SpawnRequestScope {
public:
  explicit SpawnRequestScope(ThreadPool &target) noexcept
      : previous_(std::exchange(spawn_target, &target)) {}
  ~SpawnRequestScope() { spawn_target = previous_; }
  SpawnRequestScope(const SpawnRequestScope &) = delete;
  SpawnRequestScope &operator=(const SpawnRequestScope &) = delete;

private:
  ThreadPool *previous_;
};
} // namespace detail

/// Cumulative counters. The worker-side ones are summed over per-worker
/// counters (each written by its worker alone); global_pushes sums the
/// shared queue's counter and each injection queue's (written by its
/// producer thread alone). All
/// are relaxed: a snapshot taken while the pool runs is approximate, and
/// exact once the pool is quiet.
struct ThreadPoolStats {
  std::uint64_t global_pushes = 0; ///< Items queued to the global queues.
  /// Items queued to a worker's own deque: by its work, or moved there from
  /// a global queue as part of a batch (those count as global pops too).
  std::uint64_t local_pushes = 0;
  std::uint64_t local_pops = 0;    ///< Items a worker took from its own deque.
  std::uint64_t global_pops = 0;   ///< Items workers took from the global queues.
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

  /// A worker looks at the global queue before its own deque at least once
  /// every this many local items (Tokio's global_queue_interval, which is
  /// 61). Chosen by measurement: docs/runtime.md, "Choosing the interval".
  static constexpr unsigned global_queue_interval = 61;

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

  /// Starts the Task coroutine `fn(args...)` on this pool: one coroutine
  /// frame, queued itself, with no wrapper coroutine around it (the cheap way
  /// to fork work; run() needs a second frame to put `f` itself on the pool).
  ///
  /// Protocol (vt::detail::StartOrQueue, vt/detail/scheduling.hpp):
  ///   1. Set the calling thread's spawn request to this pool, remembering
  ///      the request that was there (nested spawns from a non-coroutine
  ///      `fn`).
  ///   2. Call `fn(args...)` here, on the caller's thread. If `fn` is a
  ///      coroutine its frame is created as for any call: arguments are
  ///      copied or moved into it (references stay references).
  ///   3. The first vt::Task (or vt::ValueTask, whose promise shares the
  ///      initial suspend point) coroutine to reach its initial suspend point
  ///      during that call takes the request (clearing it): it suspends
  ///      before its body and queues its own handle to this pool (the
  ///      caller's local deque when the caller is one of this pool's
  ///      workers, else the global queue). Every other Task coroutine runs
  ///      eagerly as usual.
  ///   4. When the call returns (or throws), restore the remembered request,
  ///      whether or not it was taken, and return `fn`'s task.
  /// So when `fn` is a coroutine returning Task<U>, its whole body runs on a
  /// worker and the result is that task. When `fn` is an ordinary function
  /// that returns a Task<U>, its own code runs inline on the caller, and only
  /// the first Task or ValueTask coroutine it calls (if any) is deferred to the pool; a
  /// task it returns without starting a coroutine (vt::from_result, say) is
  /// returned as is. Nothing is ever lost or run twice: each coroutine's body
  /// starts exactly once, either inline or from the queue. (A Task coroutine
  /// started by one of `fn`'s parameter constructors would count as "first";
  /// pass arguments that are cheap to move.)
  ///
  /// Lifetimes are those of any lazily started coroutine: the body runs after
  /// spawn returns, so reference parameters must outlive the task, and a
  /// coroutine *lambda* must not rely on its captures (they live in the
  /// lambda object, which spawn does not keep): pass data as arguments.
  /// An exception thrown before the body starts (a parameter copy, or
  /// std::bad_alloc queuing it) propagates from spawn and nothing runs; one
  /// thrown by the body faults the task.
  template <typename F, typename... Args>
  std::invoke_result_t<F, Args...> spawn(F &&fn, Args &&...args) {
    static_assert(detail::is_task_v<std::invoke_result_t<F, Args...>>,
                  "vt::ThreadPool::spawn: fn(args...) must return a vt::Task<U>; use run() for other callables");
    detail::SpawnRequestScope request(*this); // Steps 1 and 4.
    return std::invoke(std::forward<F>(fn), std::forward<Args>(args)...); // Steps 2 and 3.
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

/// ThreadPool::default_pool().spawn(fn, args...).
template <typename F, typename... Args>
std::invoke_result_t<F, Args...> spawn(F &&fn, Args &&...args) {
  return ThreadPool::default_pool().spawn(std::forward<F>(fn), std::forward<Args>(args)...);
}

} // namespace vt
