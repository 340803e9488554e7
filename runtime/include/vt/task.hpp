// vt::Task<T>: an eager, multi-await coroutine result (like .NET's Task).
//
// A Task is a copyable handle to reference-counted shared state. Calling a
// coroutine that returns Task runs its body at once, on the caller's thread,
// up to its first suspension (ThreadPool::spawn is the one exception: it
// queues the body's start to a pool instead). Any number of awaiters, on any threads, may
// await the same task; each gets the value (a copy) or the exception.
//
// Continuation rule: a coroutine suspended on an incomplete task is never
// resumed inside the completing code. Completion posts it to the pool it was
// running on (the default pool if it was not on a pool thread): to the
// completing worker's local queue if that worker belongs to the pool, else
// to the pool's global queue.
#pragma once

#include <coroutine>
#include <exception>
#include <source_location>
#include <type_traits>
#include <utility>

#include <vt/detail/frame_allocator.hpp>
#include <vt/detail/profile_site.hpp>
#include <vt/detail/scheduling.hpp>
#include <vt/detail/task_state.hpp>
#include <vt/errors.hpp>

namespace vt {

template <typename T = void>
class Task;

namespace detail {

template <typename T>
class TaskPromise;
struct TaskAccess;

inline constexpr const char *empty_task_message = "vt::Task: operation on an empty task handle";

/// Awaits a task's state without owning it: the awaited Task expression
/// outlives the co_await (temporaries live to the end of the full
/// expression), so no reference count traffic on the hot path.
template <typename T>
class TaskAwaiter {
public:
  explicit TaskAwaiter(TaskState<T> *state) noexcept : state_(state) {}

  bool await_ready() const noexcept { return state_->is_completed(); }

  bool await_suspend(std::coroutine_handle<> awaiting) {
    node_.handle = awaiting;
    node_.pool = &current_or_default_pool();
    // false: completed meanwhile, so continue without suspending.
    return state_->add_continuation(&node_);
  }

  T await_resume() const {
    state_->rethrow_if_failed();
    if constexpr (!std::is_void_v<T>)
      return state_->value();
  }

private:
  TaskState<T> *state_;
  ResumeOnPool node_;
};

/// Waits for completion only: neither returns the value nor throws, and does
/// not count as observing a fault (the combinators use it, then look).
class CompletionAwaiter {
public:
  explicit CompletionAwaiter(TaskStateBase *state) noexcept : state_(state) {}
  bool await_ready() const noexcept { return state_->is_completed(); }
  bool await_suspend(std::coroutine_handle<> awaiting) {
    node_.handle = awaiting;
    node_.pool = &current_or_default_pool();
    return state_->add_continuation(&node_);
  }
  void await_resume() const noexcept {}

private:
  TaskStateBase *state_;
  ResumeOnPool node_;
};

} // namespace detail

template <typename T>
class Task {
public:
  using promise_type = detail::TaskPromise<T>;
  using value_type = T;

  /// An empty handle: valid() is false and every other operation throws
  /// InvalidOperationError.
  Task() noexcept = default;

  /// A copy takes over the profiling of a call not yet inspected: a
  /// coroutine's return object may reach the caller as a copy (clang keeps
  /// the original in the frame when the coroutine has non-trivial
  /// parameters), and the caller's handle must be the one that counts.
  Task(const Task &other) noexcept
      : state_(other.state_), profile_site_(std::exchange(other.profile_site_, nullptr)) {
    if (state_ != nullptr)
      state_->add_ref();
  }
  Task(Task &&other) noexcept
      : state_(std::exchange(other.state_, nullptr)),
        profile_site_(std::exchange(other.profile_site_, nullptr)) {}
  Task &operator=(Task other) noexcept {
    std::swap(state_, other.state_);
    std::swap(profile_site_, other.profile_site_);
    return *this;
  }
  // Only the test is inline: empty handles (moved-from, or the unused slots
  // of a parent's array of children) are common, and inlining the whole
  // release made clang call the destructor out of line for every one of them.
  ~Task() {
    if (state_ != nullptr)
      drop();
  }

  bool valid() const noexcept { return state_ != nullptr; }

  bool is_completed() const { return state().is_completed(); }
  bool is_completed_successfully() const { return state().status() == detail::TaskStatus::succeeded; }
  bool is_faulted() const { return state().status() == detail::TaskStatus::faulted; }
  bool is_canceled() const { return state().status() == detail::TaskStatus::canceled; }

  /// Blocks until completed; never throws the task's exception. On a pool
  /// worker it runs queued pool work meanwhile (no deadlock on one thread).
  void wait() const { state().wait(); }

  /// Blocks like wait(), then returns a copy of the value, or rethrows the
  /// fault (OperationCanceledError if canceled).
  T get() const {
    detail::TaskState<T> &s = state();
    s.wait();
    s.rethrow_if_failed();
    if constexpr (!std::is_void_v<T>)
      return s.value();
  }

  detail::TaskAwaiter<T> operator co_await() const { return detail::TaskAwaiter<T>(&state()); }

  /// Same shared state (copies of one task compare equal).
  friend bool operator==(const Task &a, const Task &b) noexcept { return a.state_ == b.state_; }

private:
  friend struct detail::TaskAccess;

  /// Takes over one reference the caller already holds.
  explicit Task(detail::TaskState<T> *adopted, detail::ProfileSite *site = nullptr) noexcept
      : state_(adopted), profile_site_(site) {}

  /// Every look at the task goes through here, so the first one is the
  /// moment vt::profile records (vt/detail/profile_site.hpp, step 2).
  detail::TaskState<T> &state() const {
    if (state_ == nullptr)
      throw InvalidOperationError(detail::empty_task_message);
    note_inspection();
    return *state_;
  }

  [[gnu::noinline]] void drop() noexcept {
    note_inspection(); // never inspected: the call still counts
    state_->release();
  }

  void note_inspection() const noexcept {
    if (profile_site_ != nullptr) [[unlikely]]
      detail::record_call(std::exchange(profile_site_, nullptr), state_->is_completed());
  }

  detail::TaskState<T> *state_ = nullptr;
  /// The profiled call this handle came from, until its first inspection
  /// (null when profiling is off, in copies, and afterwards).
  mutable detail::ProfileSite *profile_site_ = nullptr;
};

namespace detail {

/// The runtime's own door into Task: promises, sources and combinators
/// build tasks from states and look at a task's state.
struct TaskAccess {
  /// Takes over one reference the caller already holds.
  template <typename T>
  static Task<T> adopt(TaskState<T> *state, ProfileSite *site = nullptr) noexcept {
    return Task<T>(state, site);
  }
  /// The state of a non-empty task (throws for an empty handle).
  template <typename T>
  static TaskState<T> &state(const Task<T> &task) {
    return task.state();
  }
  /// Takes over the handle's reference (null for an empty handle, which is
  /// left as it was): a first inspection, as for state().
  template <typename T>
  static TaskState<T> *take_state(Task<T> &&task) noexcept {
    if (!task.valid())
      return nullptr;
    task.note_inspection();
    return std::exchange(task.state_, nullptr);
  }
};

template <typename T>
class TaskPromiseBase : public TaskState<T>, public FrameAllocated {
public:
  /// One reference, the one get_return_object hands out; the running
  /// coroutine keeps the frame alive until final_suspend without one
  /// (task_state.hpp, Lifetime).
  TaskPromiseBase() noexcept : TaskState<T>(typename TaskState<T>::RunByCoroutine{}) {}

  /// Eager: the body runs at once, unless this call is the one a
  /// ThreadPool::spawn asked to queue (the body then starts on the pool).
  StartOrQueue initial_suspend() const noexcept { return StartOrQueue::take_request(); }

  /// Completes the task once the body (and its locals) are gone; frees the
  /// frame too if no handle is left (task_state.hpp, Lifetime step 3).
  auto final_suspend() noexcept {
    struct Publish {
      bool await_ready() const noexcept { return false; }
      void await_suspend(std::coroutine_handle<>) const noexcept {
        // The frame is done and control goes straight back to the worker
        // loop that resumed it: its continuation may take the next slot.
        // Once completed, a handle's owner may free the frame (this awaiter
        // lives in it) on another thread: nothing is read after finish().
        promise->finish();
      }
      void await_resume() const noexcept {}
      TaskPromiseBase *promise;
    };
    return Publish{this};
  }

  void unhandled_exception() noexcept { this->store_error(std::current_exception()); }
};

template <typename T>
class TaskPromise final : public TaskPromiseBase<T> {
public:
  /// `where` names the coroutine (a defaulted argument takes the caller's
  /// location): the profiling site.
  Task<T> get_return_object(std::source_location where = std::source_location::current()) noexcept {
    return TaskAccess::adopt<T>(this, profile_task_call(where));
  }
  template <typename U = T>
    requires std::is_convertible_v<U &&, T>
  void return_value(U &&value) {
    this->emplace_value(std::forward<U>(value));
  }

private:
  void destroy() noexcept override { std::coroutine_handle<TaskPromise>::from_promise(*this).destroy(); }
};

template <>
class TaskPromise<void> final : public TaskPromiseBase<void> {
public:
  Task<void> get_return_object(std::source_location where = std::source_location::current()) noexcept {
    return TaskAccess::adopt<void>(this, profile_task_call(where));
  }
  void return_void() noexcept { this->emplace_value(); }

private:
  void destroy() noexcept override { std::coroutine_handle<TaskPromise>::from_promise(*this).destroy(); }
};

} // namespace detail
} // namespace vt
