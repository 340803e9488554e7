// Imitation of cppcoro's task types, for vtlint's lit tests only. Written
// for vtlint from the library's documented interface (see docs/models.md);
// it declares, it does not implement: nothing here links.
//
// The real library:  #include <cppcoro/task.hpp>
//                    #include <cppcoro/shared_task.hpp>
//                    #include <cppcoro/sync_wait.hpp>
//                    #include <cppcoro/when_all.hpp>
//                    #include <cppcoro/when_all_ready.hpp>
//                    #include <cppcoro/static_thread_pool.hpp>
//
// Shapes that matter to the checks, as in the real headers:
//   - task<T> is lazy and move-only. operator co_await() const & yields a
//     reference to the result kept in the frame (awaiting it again after
//     completion returns it again); operator co_await() const && moves the
//     result out of the frame (the task object itself is not emptied).
//   - shared_task<T> is lazy, copyable, awaited any number of times.
//   - sync_wait takes AWAITABLE&& (an lvalue task is fine); when_all and
//     when_all_ready take AWAITABLES&& but copy each into a by-value
//     parameter, so an lvalue task<T> does not compile (std::ref(t) or
//     std::move(t) does); their std::vector overloads take the vector by value.
#pragma once

#include <coroutine>
#include <cstdint>
#include <exception>
#include <functional>
#include <stdexcept>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace cppcoro {

template <typename T = void> class task;
template <typename T = void> class shared_task;

struct broken_promise : std::logic_error {
  broken_promise() : std::logic_error("broken promise") {}
};

namespace detail {
template <class A> decltype(auto) get_awaiter(A &&a) {
  if constexpr (requires { static_cast<A &&>(a).operator co_await(); })
    return static_cast<A &&>(a).operator co_await();
  else
    return static_cast<A &&>(a);
}
template <class A> using await_result_t = decltype(get_awaiter(std::declval<A>()).await_resume());

struct final_awaiter {
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume() noexcept {}
};

template <class T> struct return_base {
  template <class U> void return_value(U &&value);
  T &result() &;
  std::add_rvalue_reference_t<T> result() &&;
};
template <> struct return_base<void> {
  void return_void() noexcept {}
  void result();
};

template <class T> class task_promise : public return_base<T> {
public:
  task<T> get_return_object() noexcept;
  std::suspend_always initial_suspend() noexcept { return {}; }
  final_awaiter final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept;
};
template <class T> class shared_task_promise : public return_base<T> {
public:
  shared_task<T> get_return_object() noexcept;
  std::suspend_always initial_suspend() noexcept { return {}; }
  final_awaiter final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept;
  bool is_ready() const noexcept;
};

template <class P, class R> struct task_awaiter {
  std::coroutine_handle<P> m_coroutine;
  bool await_ready() const noexcept { return !m_coroutine || m_coroutine.done(); }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) noexcept;
  R await_resume();
};

template <class R> class when_all_task {
public:
  when_all_task(when_all_task &&) noexcept;
  std::add_lvalue_reference_t<R> result() &;
  std::add_rvalue_reference_t<R> result() &&;
};
template <class Tasks> struct when_all_ready_awaitable {
  bool await_ready() const noexcept { return false; }
  bool await_suspend(std::coroutine_handle<>) noexcept;
  Tasks await_resume();
};
template <class Result> struct when_all_awaitable {
  bool await_ready() const noexcept { return false; }
  bool await_suspend(std::coroutine_handle<>) noexcept;
  Result await_resume();
};
struct void_value {};
template <class R> using non_void_t = std::conditional_t<std::is_void_v<R>, void_value, std::decay_t<R>>;

// By value, like the real one: an lvalue move-only awaitable fails here.
template <class A> when_all_task<await_result_t<A>> make_when_all_task(A awaitable);
template <class A> when_all_task<await_result_t<A &>> make_when_all_task(std::reference_wrapper<A> awaitable);
template <class A> struct unwrap_reference { using type = A; };
template <class A> struct unwrap_reference<std::reference_wrapper<A>> { using type = A &; };
template <class A> using unwrap_t = typename unwrap_reference<std::remove_cvref_t<A>>::type;
} // namespace detail

template <typename T> class [[nodiscard]] task {
public:
  using promise_type = detail::task_promise<T>;
  using value_type = T;
  task() noexcept;
  explicit task(std::coroutine_handle<promise_type> coroutine);
  task(task &&t) noexcept;
  task(const task &) = delete;
  task &operator=(const task &) = delete;
  task &operator=(task &&other) noexcept;
  ~task();

  bool is_ready() const noexcept;
  detail::task_awaiter<promise_type, std::add_lvalue_reference_t<T>> operator co_await() const & noexcept;
  detail::task_awaiter<promise_type, std::add_rvalue_reference_t<T>> operator co_await() const && noexcept;
  detail::task_awaiter<promise_type, void> when_ready() const noexcept;

private:
  std::coroutine_handle<promise_type> m_coroutine;
};

template <typename T> class [[nodiscard]] shared_task {
public:
  using promise_type = detail::shared_task_promise<T>;
  using value_type = T;
  shared_task() noexcept;
  shared_task(const shared_task &other) noexcept;
  shared_task(shared_task &&other) noexcept;
  shared_task &operator=(const shared_task &other) noexcept;
  shared_task &operator=(shared_task &&other) noexcept;
  ~shared_task();
  void swap(shared_task &other) noexcept;

  bool is_ready() const noexcept;
  detail::task_awaiter<promise_type, std::add_lvalue_reference_t<T>> operator co_await() const noexcept;
  detail::task_awaiter<promise_type, void> when_ready() const noexcept;

private:
  std::coroutine_handle<promise_type> m_coroutine;
};

template <class A> shared_task<std::remove_reference_t<detail::await_result_t<A>>> make_shared_task(A awaitable);
template <class A> task<std::remove_reference_t<detail::await_result_t<A>>> make_task(A awaitable);

template <class A> auto sync_wait(A &&awaitable) -> detail::await_result_t<A &&>;

template <class... A> [[nodiscard]] auto when_all_ready(A &&...awaitables) {
  (void)std::make_tuple(detail::make_when_all_task(std::forward<A>(awaitables))...);
  return detail::when_all_ready_awaitable<std::tuple<decltype(detail::make_when_all_task(std::forward<A>(awaitables)))...>>{};
}
template <class A>
[[nodiscard]] detail::when_all_ready_awaitable<std::vector<detail::when_all_task<detail::await_result_t<A>>>>
when_all_ready(std::vector<A> awaitables);

template <class... A> [[nodiscard]] auto when_all(A &&...awaitables) {
  (void)std::make_tuple(detail::make_when_all_task(std::forward<A>(awaitables))...);
  return detail::when_all_awaitable<std::tuple<detail::non_void_t<detail::await_result_t<detail::unwrap_t<A>>>...>>{};
}
template <class A, class R = detail::await_result_t<A>>
[[nodiscard]] detail::when_all_awaitable<std::conditional_t<std::is_void_v<R>, void, std::vector<std::decay_t<R>>>>
when_all(std::vector<A> awaitables);

class static_thread_pool {
public:
  static_thread_pool();
  explicit static_thread_pool(std::uint32_t threadCount);
  struct schedule_operation {
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept;
    void await_resume() noexcept {}
  };
  [[nodiscard]] schedule_operation schedule() noexcept;
};

} // namespace cppcoro
