// Imitation of folly::coro::Task and folly::SemiFuture, for vtlint's lit
// tests only. Written for vtlint from the library's documented interface
// (see docs/models.md); it declares, it does not implement: nothing links.
//
// The real library:  #include <folly/coro/Task.h>
//                    #include <folly/coro/BlockingWait.h>
//                    #include <folly/coro/Collect.h>
//                    #include <folly/futures/Future.h>
//
// Shapes that matter to the checks, as in the real headers:
//   - Task<T> is lazy, move-only and has NO operator co_await: it is awaited
//     only inside a folly coroutine, whose promise's await_transform calls
//     co_viaIfAsync(executor, awaitable), and the Task overload of that takes
//     Task&&. So `co_await t` on an lvalue does not compile:
//     `co_await std::move(t)` (or a prvalue) is the only way.
//   - semi() &&, scheduleOn() && ([[deprecated]] in the real library; not
//     marked here), and the hidden friend co_withExecutor(executor, Task) (by
//     value) hand the task over. TaskWithExecutor: operator co_await() &&,
//     start() &&.
//   - blockingWait is a function OBJECT (folly::coro::blocking_wait_fn), not
//     a function; it also goes through co_viaIfAsync, so it needs an rvalue.
//   - collectAll takes its awaitables by value; collectAllRange takes a range
//     or a std::vector by value: lvalue tasks do not compile.
//   - SemiFuture<T>: isReady(); value()/result()/hasValue() throw
//     FutureNotReady unless ready; get() && blocks and consumes.
#pragma once

#include <coroutine>
#include <cstddef>
#include <exception>
#include <stdexcept>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace folly {

struct Unit {};
template <class T> using lift_unit_t = std::conditional_t<std::is_void_v<T>, Unit, T>;

class Executor {
public:
  virtual ~Executor();
  template <class E = Executor> class KeepAlive {
  public:
    KeepAlive() = default;
    KeepAlive(E *executor) noexcept;
    E *get() const noexcept;
  };
};
class CPUThreadPoolExecutor : public Executor {
public:
  explicit CPUThreadPoolExecutor(std::size_t numThreads);
};
Executor::KeepAlive<> getGlobalCPUExecutor();

class exception_wrapper {
public:
  exception_wrapper() = default;
};
struct FutureNotReady : std::logic_error {
  FutureNotReady() : std::logic_error("Future not ready") {}
};

template <class T> class Try {
public:
  bool hasValue() const;
  bool hasException() const;
  T &value() &;
  T &&value() &&;
  exception_wrapper &exception() &;
};

template <class T> class Future;

template <class T> class SemiFuture {
public:
  SemiFuture(SemiFuture &&) noexcept;
  SemiFuture(const SemiFuture &) = delete;
  SemiFuture &operator=(SemiFuture &&) noexcept;
  ~SemiFuture();
  bool valid() const noexcept;
  bool isReady() const;
  bool hasValue() const;     // requires isReady()
  bool hasException() const; // requires isReady()
  T &value() &;              // requires isReady(), else throws FutureNotReady
  const T &value() const &;
  T &&value() &&;
  Try<T> &result() &;
  T get() &&; // blocks, consumes
  SemiFuture &wait() &;
  SemiFuture &&wait() &&;
  Future<T> via(Executor::KeepAlive<> executor) &&;
  Future<T> toUnsafeFuture() &&;
  friend Future<T> co_viaIfAsync(Executor::KeepAlive<> executor, SemiFuture &&future) noexcept;
};

template <class T> class Future {
public:
  Future(Future &&) noexcept;
  Future(const Future &) = delete;
  ~Future();
  bool valid() const noexcept;
  bool isReady() const;
  bool hasValue() const;
  T &value() &;
  T &&value() &&;
  T get() &&;
  SemiFuture<T> semi() &&;
  struct Awaiter {
    bool await_ready() noexcept;
    void await_suspend(std::coroutine_handle<>) noexcept;
    T await_resume();
  };
  friend Future co_viaIfAsync(Executor::KeepAlive<> executor, Future &&future) noexcept;
  friend Awaiter operator co_await(Future &&future) noexcept { return {}; }
};

template <class T> SemiFuture<std::decay_t<T>> makeSemiFuture(T &&t);
SemiFuture<Unit> makeSemiFuture();
template <class T> Future<std::decay_t<T>> makeFuture(T &&t);

template <class T> class Promise {
public:
  Promise();
  Promise(Promise &&) noexcept;
  SemiFuture<T> getSemiFuture();
  template <class U> void setValue(U &&value);
  void setException(exception_wrapper ew);
};

namespace coro {

template <typename T = void> class Task;
template <typename T = void> class TaskWithExecutor;

struct co_current_executor_t {};
inline constexpr co_current_executor_t co_current_executor{};

namespace detail {
template <class A> decltype(auto) get_awaiter(A &&a) {
  if constexpr (requires { static_cast<A &&>(a).operator co_await(); })
    return static_cast<A &&>(a).operator co_await();
  else if constexpr (requires { operator co_await(static_cast<A &&>(a)); })
    return operator co_await(static_cast<A &&>(a));
  else
    return static_cast<A &&>(a);
}
template <class A> using await_result_t = decltype(get_awaiter(std::declval<A>()).await_resume());
template <class A>
concept awaitable = requires(A &&a) { get_awaiter(static_cast<A &&>(a)).await_ready(); };
} // namespace detail

// The generic co_viaIfAsync: any awaitable (an awaiter, or a type with an
// operator co_await). Task and SemiFuture are neither: they have their own
// rvalue-only overloads (hidden friends).
template <class A>
  requires detail::awaitable<A>
A &&co_viaIfAsync(Executor::KeepAlive<> executor, A &&awaitable) noexcept {
  return static_cast<A &&>(awaitable);
}

template <class A> using semi_await_result_t =
    detail::await_result_t<decltype(co_viaIfAsync(std::declval<Executor::KeepAlive<>>(), std::declval<A>()))>;

namespace detail {
struct ExecutorAwaiter {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  Executor *await_resume() const noexcept;
};
class TaskPromiseBase {
public:
  struct FinalAwaiter {
    bool await_ready() noexcept { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<>) noexcept;
    void await_resume() noexcept {}
  };
  std::suspend_always initial_suspend() noexcept { return {}; }
  FinalAwaiter final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept;
  template <class A> auto await_transform(A &&awaitable) -> decltype(co_viaIfAsync(Executor::KeepAlive<>{}, static_cast<A &&>(awaitable))) {
    return co_viaIfAsync(executor_, static_cast<A &&>(awaitable));
  }
  ExecutorAwaiter await_transform(co_current_executor_t) noexcept { return {}; }

protected:
  Executor::KeepAlive<> executor_;
};
template <class T> class TaskPromise : public TaskPromiseBase {
public:
  Task<T> get_return_object() noexcept;
  template <class U> void return_value(U &&value);
};
template <> class TaskPromise<void> : public TaskPromiseBase {
public:
  Task<void> get_return_object() noexcept;
  void return_void() noexcept {}
};
template <class T> struct TaskAwaiter {
  bool await_ready() noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> continuation) noexcept;
  T await_resume();
};
template <class R> using collect_component_t = lift_unit_t<std::decay_t<R>>;
} // namespace detail

template <typename T> class [[nodiscard]] TaskWithExecutor {
public:
  TaskWithExecutor(TaskWithExecutor &&t) noexcept;
  TaskWithExecutor &operator=(TaskWithExecutor t) noexcept;
  ~TaskWithExecutor();
  Executor *executor() const noexcept;
  SemiFuture<lift_unit_t<T>> start() &&;
  template <class F> void start(F &&tryCallback) && {}
  SemiFuture<lift_unit_t<T>> startInlineUnsafe() &&;
  detail::TaskAwaiter<T> operator co_await() && noexcept;
  friend detail::TaskAwaiter<T> co_viaIfAsync(Executor::KeepAlive<> executor, TaskWithExecutor &&t) noexcept {
    return {};
  }
};

template <typename T> class [[nodiscard]] Task {
public:
  using promise_type = detail::TaskPromise<T>;
  Task(const Task &) = delete;
  Task(Task &&t) noexcept;
  ~Task();
  Task &operator=(Task t) noexcept;
  void swap(Task &t) noexcept;

  friend TaskWithExecutor<T> co_withExecutor(Executor::KeepAlive<> executor, Task task) noexcept {
    return std::move(task).scheduleOn(executor);
  }
  TaskWithExecutor<T> scheduleOn(Executor::KeepAlive<> executor) && noexcept;
  SemiFuture<lift_unit_t<T>> semi() &&;
  friend detail::TaskAwaiter<T> co_viaIfAsync(Executor::KeepAlive<> executor, Task &&t) noexcept { return {}; }

private:
  std::coroutine_handle<promise_type> coro_;
};

template <class T> Task<T> makeTask(T t);
Task<void> makeTask();
template <class T> Task<T> makeErrorTask(exception_wrapper ew);

struct blocking_wait_fn {
  template <class A> auto operator()(A &&awaitable) const -> std::decay_t<semi_await_result_t<A>>;
  template <class A> auto operator()(A &&awaitable, Executor *executor) const -> std::decay_t<semi_await_result_t<A>>;
};
inline constexpr blocking_wait_fn blocking_wait{};
static constexpr blocking_wait_fn const &blockingWait = blocking_wait;

// "Do NOT take awaitables by-reference" (folly/coro/Collect.h).
template <class... A>
Task<std::tuple<detail::collect_component_t<semi_await_result_t<A>>...>> collectAll(A... awaitables);
template <class... A> Task<std::tuple<Try<detail::collect_component_t<semi_await_result_t<A>>>...>>
collectAllTry(A... awaitables);
template <class A, class R = semi_await_result_t<A>>
std::conditional_t<std::is_void_v<R>, Task<void>, Task<std::vector<std::decay_t<R>>>>
collectAllRange(std::vector<A> awaitables);
template <class A, class R = semi_await_result_t<A>>
Task<std::vector<Try<detail::collect_component_t<R>>>> collectAllTryRange(std::vector<A> awaitables);
template <class A, class R = semi_await_result_t<A>>
std::conditional_t<std::is_void_v<R>, Task<void>, Task<std::vector<std::decay_t<R>>>>
collectAllWindowed(std::vector<A> awaitables, std::size_t maxConcurrency);

} // namespace coro
} // namespace folly
