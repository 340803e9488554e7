// The few scheduling entry points that tasks need, without the whole pool.
#pragma once

#include <atomic>
#include <coroutine>

#include <vt/detail/continuation.hpp>

namespace vt {
class ThreadPool;
}

namespace vt::detail {

/// The pool whose worker is the calling thread, or nullptr.
ThreadPool *current_pool() noexcept;

/// The pool a suspending coroutine should come back to: the one it runs on,
/// else the default pool.
ThreadPool &current_or_default_pool();

/// Queues `handle` on `pool`: the calling worker's local queue if the caller
/// is one of `pool`'s workers, else the global queues (the calling
/// thread's injection queue for `pool`, or the shared one).
void post(ThreadPool &pool, std::coroutine_handle<> handle);

/// Queues `handle` on `pool`'s global queue, whoever the caller is.
void post_global(ThreadPool &pool, std::coroutine_handle<> handle);

/// The spawn request (ThreadPool::spawn, protocol steps 1-4 in
/// vt/thread_pool.hpp): while set, the next vt::Task or vt::ValueTask
/// coroutine (both promises start here) to reach its
/// initial suspend point on this thread clears it and, instead of running its
/// body, queues its own frame to this pool. Written and read only by the
/// owning thread; constinit, so every access is a plain TLS load (no
/// initialisation guard).
inline constinit thread_local ThreadPool *spawn_target = nullptr;

/// A vt::Task or vt::ValueTask coroutine's initial suspend point. Runs the body at once (no
/// suspension at all) unless a spawn request was taken: then the coroutine
/// suspends and its handle is queued to the requested pool (spawn step 3).
class StartOrQueue {
public:
  /// Takes (and clears) the pending spawn request, if any.
  static StartOrQueue take_request() noexcept {
    ThreadPool *target = spawn_target;
    if (target != nullptr) [[unlikely]]
      spawn_target = nullptr;
    return StartOrQueue(target);
  }

  bool await_ready() const noexcept { return target_ == nullptr; }
  void await_suspend(std::coroutine_handle<> self) const { post(*target_, self); }
  void await_resume() const noexcept {}

private:
  explicit StartOrQueue(ThreadPool *target) noexcept : target_(target) {}
  ThreadPool *target_;
};

/// A continuation that resumes a coroutine by posting it (never inline).
struct ResumeOnPool : Continuation {
  ResumeOnPool() noexcept { fire = &resume; }
  std::coroutine_handle<> handle;
  ThreadPool *pool = nullptr;

private:
  static void resume(Continuation *self) noexcept {
    auto *node = static_cast<ResumeOnPool *>(self);
    post(*node->pool, node->handle);
  }
};

/// Completes `list` on behalf of a coroutine at its final suspend point,
/// whose resumer is a worker loop that takes its next item right after. A
/// continuation posted to that worker's own pool then goes to the worker's
/// next slot instead of its deque: still queued (it runs after the
/// completing item has returned), but without the deque's atomic push and pop.
/// Returns complete()'s result: true if the list had been abandoned.
[[nodiscard]] bool complete_from_final_suspend(CompletionList &list) noexcept;

/// Blocks the calling thread until `list` completes. On a pool worker it runs
/// that pool's queued work meanwhile, so waiting for work that sits in the
/// same pool cannot deadlock (even with one thread).
void wait_for(CompletionList &list);

} // namespace vt::detail
