// Imitation of libcoro's (jbaldwin/libcoro) coro::task, for vtlint's lit
// tests only. Written for vtlint from the library's documented interface
// (see docs/models.md); it declares, it does not implement: nothing links.
//
// The real library:  #include <coro/coro.hpp>
//   (coro/task.hpp, coro/sync_wait.hpp, coro/when_all.hpp,
//    coro/when_any.hpp, coro/thread_pool.hpp)
//
// Shapes that matter to the checks, as in the real headers:
//   - task<T> is lazy and move-only. operator co_await() const & yields the
//     result kept in the frame (const T&; awaiting it again after completion
//     returns it again); operator co_await() const && moves the result out
//     of the frame (the task object itself is not emptied).
//   - is_ready(), resume(), destroy(), promise(), handle(); the promise's
//     result() throws std::runtime_error if the coroutine never completed.
//   - sync_wait takes awaitable_type&& (an lvalue task is fine); when_all
//     and when_any take their tasks, or their range, BY VALUE: an lvalue
//     task or an lvalue std::vector<task<T>> does not compile.
//   - thread_pool::spawn_detached/spawn_joinable take task<void>&&;
//     thread_pool::schedule(task<T>) takes the task by value.
#pragma once

#include <coroutine>
#include <cstdint>
#include <exception>
#include <memory>
#include <ranges>
#include <stdexcept>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace coro {

template <typename return_type = void> class task;

namespace detail {
template <class A> decltype(auto) get_awaiter(A &&a) {
  if constexpr (requires { static_cast<A &&>(a).operator co_await(); })
    return static_cast<A &&>(a).operator co_await();
  else
    return static_cast<A &&>(a);
}
template <class A> using awaiter_return_t = decltype(get_awaiter(std::declval<A>()).await_resume());

struct promise_base {
  struct final_awaitable {
    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<>) noexcept;
    void await_resume() noexcept {}
  };
  std::suspend_always initial_suspend() noexcept { return {}; }
  final_awaitable final_suspend() noexcept { return {}; }
  void continuation(std::coroutine_handle<> c) noexcept;
  void unhandled_exception() noexcept;
};

template <typename T> struct promise final : promise_base {
  task<T> get_return_object() noexcept;
  template <class U> void return_value(U &&value);
  // Each throws std::runtime_error("The return value was never set, did you
  // execute the coroutine?") before completion.
  const T &result() &;
  const T &result() const &;
  T &&result() &&;
};
template <> struct promise<void> : promise_base {
  task<void> get_return_object() noexcept;
  void return_void() noexcept {}
  void result();
};

template <class R> class when_all_task {
public:
  when_all_task(when_all_task &&) noexcept;
  std::add_lvalue_reference_t<R> return_value() &;
  std::add_rvalue_reference_t<R> return_value() &&;
};
template <class Tasks> struct when_all_ready_awaitable {
  bool await_ready() const noexcept { return false; }
  bool await_suspend(std::coroutine_handle<>) noexcept;
  Tasks await_resume();
};
template <class A> when_all_task<awaiter_return_t<A &&>> make_when_all_task(A a);
} // namespace detail

template <typename return_type> class [[nodiscard]] task {
public:
  using task_type = task<return_type>;
  using promise_type = detail::promise<return_type>;
  using coroutine_handle = std::coroutine_handle<promise_type>;

  struct awaitable_base {
    coroutine_handle m_coroutine;
    bool await_ready() const noexcept { return !m_coroutine || m_coroutine.done(); }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) noexcept;
  };
  struct lvalue_awaitable : awaitable_base {
    decltype(std::declval<promise_type &>().result()) await_resume();
  };
  struct rvalue_awaitable : awaitable_base {
    decltype(std::declval<promise_type &&>().result()) await_resume();
  };

  task() noexcept;
  explicit task(coroutine_handle handle);
  task(const task &) = delete;
  task(task &&other) noexcept;
  ~task();
  task &operator=(const task &) = delete;
  task &operator=(task &&other) noexcept;

  bool is_ready() const noexcept;
  bool resume();
  bool destroy();
  lvalue_awaitable operator co_await() const & noexcept;
  rvalue_awaitable operator co_await() const && noexcept;
  promise_type &promise() &;
  const promise_type &promise() const &;
  promise_type &&promise() &&;
  coroutine_handle handle();

private:
  coroutine_handle m_coroutine;
};

template <class A> auto sync_wait(A &&a) -> std::decay_t<detail::awaiter_return_t<A &&>>;

// By value: an lvalue task does not compile.
template <class... A> [[nodiscard]] auto when_all(A... awaitables) {
  return detail::when_all_ready_awaitable<std::tuple<decltype(detail::make_when_all_task(std::move(awaitables)))...>>{};
}
template <std::ranges::range R, class A = std::ranges::range_value_t<R>>
[[nodiscard]] detail::when_all_ready_awaitable<std::vector<detail::when_all_task<detail::awaiter_return_t<A &&>>>>
when_all(R awaitables);

template <class... A>
[[nodiscard]] task<std::variant<std::decay_t<detail::awaiter_return_t<A &&>>...>> when_any(A... awaitables);
template <std::ranges::range R, class A = std::ranges::range_value_t<R>>
[[nodiscard]] task<std::decay_t<detail::awaiter_return_t<A &&>>> when_any(R awaitables);

class thread_pool {
public:
  struct options {
    std::uint32_t thread_count = 1;
  };
  static std::unique_ptr<thread_pool> make_unique(options opts);
  static std::unique_ptr<thread_pool> make_unique();
  struct schedule_operation {
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept;
    void await_resume() noexcept {}
  };
  [[nodiscard]] schedule_operation schedule();
  bool spawn_detached(task<void> &&t) noexcept;
  task<void> spawn_joinable(task<void> &&t) noexcept;
  template <typename T> [[nodiscard]] task<T> schedule(task<T> t) {
    co_await schedule();
    co_return co_await t;
  }
  [[nodiscard]] schedule_operation yield() { return schedule(); }
};

} // namespace coro
