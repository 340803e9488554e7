// Imitation of concurrencpp's result types, for vtlint's lit tests only.
// Written for vtlint from the library's documented interface (see
// docs/models.md); it declares, it does not implement: nothing here links.
//
// The real library:  #include <concurrencpp/concurrencpp.h>
//   (results/result.h, lazy_result.h, shared_result.h, make_result.h,
//    when_result.h, promises.h)
//
// Shapes that matter to the checks, as in the real headers:
//   - result<T> and lazy_result<T> are move-only; operator co_await(),
//     resolve(), get() (result) and run() (lazy_result) have no
//     ref-qualifier, so they work on lvalues and empty the object.
//   - shared_result<T> is copyable, built from a result<T> taken by value.
//   - A coroutine returning result<T> is eager; one returning
//     lazy_result<T> is lazy. The promise comes from a
//     std::coroutine_traits specialization (no nested promise_type).
//   - when_all/when_any forward their results into std::make_tuple, so an
//     lvalue result<T> does not compile there: it must be std::move'd.
#pragma once

#include <chrono>
#include <coroutine>
#include <exception>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace concurrencpp {

enum class result_status { idle, value, exception };

struct executor_tag {};
struct null_result {};

namespace errors {
struct empty_result : std::runtime_error {
  using std::runtime_error::runtime_error;
};
} // namespace errors

template <class T> class result;
template <class T> class lazy_result;
template <class T> class shared_result;

namespace details {
template <class T> struct result_state;
template <class T> struct shared_result_state;
template <class T> struct lazy_result_state;
} // namespace details

// Awaiters (the real ones live in namespace concurrencpp too).
template <class T> class awaitable {
public:
  bool await_ready() const noexcept;
  bool await_suspend(std::coroutine_handle<> caller) noexcept;
  T await_resume();
};
template <class T> class resolve_awaitable {
public:
  bool await_ready() const noexcept;
  bool await_suspend(std::coroutine_handle<> caller) noexcept;
  result<T> await_resume(); // the same result, now ready
};
template <class T> class lazy_awaitable {
public:
  bool await_ready() const noexcept;
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> caller) noexcept;
  T await_resume();
};
template <class T> class lazy_resolve_awaitable {
public:
  bool await_ready() const noexcept;
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> caller) noexcept;
  lazy_result<T> await_resume() noexcept; // the same lazy result, now ready
};
template <class T> class shared_awaitable {
public:
  bool await_ready() const noexcept;
  bool await_suspend(std::coroutine_handle<> caller) noexcept;
  std::add_lvalue_reference_t<T> await_resume();
};

template <class T> class result {
public:
  result() noexcept = default;
  result(result &&rhs) noexcept;
  result &operator=(result &&rhs) noexcept;
  result(const result &) = delete;
  result &operator=(const result &) = delete;
  ~result();

  explicit operator bool() const noexcept;
  result_status status() const;
  void wait() const;
  template <class Rep, class Ratio> result_status wait_for(std::chrono::duration<Rep, Ratio> d) const;
  template <class Clock, class Dur> result_status wait_until(std::chrono::time_point<Clock, Dur> t) const;
  T get(); // blocks until ready, then empties *this
  awaitable<T> operator co_await();
  resolve_awaitable<T> resolve();

private:
  details::result_state<T> *m_state = nullptr;
};

template <class T> class lazy_result {
public:
  lazy_result() noexcept = default;
  lazy_result(lazy_result &&rhs) noexcept;
  lazy_result &operator=(lazy_result &&rhs) noexcept;
  ~lazy_result(); // destroys the task without running it
  explicit operator bool() const noexcept;
  result_status status() const;
  lazy_awaitable<T> operator co_await();
  lazy_resolve_awaitable<T> resolve();
  result<T> run(); // starts it inline; *this is left empty

private:
  std::coroutine_handle<> m_state;
};

template <class T> class shared_result {
public:
  shared_result() noexcept = default;
  shared_result(result<T> rhs); // takes the result over
  shared_result(const shared_result &) noexcept = default;
  shared_result(shared_result &&) noexcept = default;
  shared_result &operator=(const shared_result &) noexcept;
  shared_result &operator=(shared_result &&) noexcept;
  operator bool() const noexcept;
  result_status status() const;
  void wait();
  std::add_lvalue_reference_t<T> get(); // blocks; never empties *this
  shared_awaitable<T> operator co_await();

private:
  std::shared_ptr<details::shared_result_state<T>> m_state;
};

namespace details {
template <class T> struct return_value_base {
  template <class U> void return_value(U &&value);
};
template <> struct return_value_base<void> {
  void return_void() noexcept;
};

template <class T> struct result_coro_promise : return_value_base<T> {
  result<T> get_return_object() noexcept;
  std::suspend_always final_suspend() const noexcept { return {}; }
  void unhandled_exception() noexcept;
};
template <class T> struct initialy_resumed_result_promise : result_coro_promise<T> {
  std::suspend_never initial_suspend() const noexcept { return {}; }
};
template <class T, class E> struct initialy_rescheduled_result_promise : result_coro_promise<T> {
  template <class... A> initialy_rescheduled_result_promise(executor_tag, std::shared_ptr<E>, A &&...) {}
  template <class... A> initialy_rescheduled_result_promise(executor_tag, E *, A &&...) {}
  std::suspend_always initial_suspend() const noexcept { return {}; } // queued to the executor
};
template <class T> struct lazy_promise : return_value_base<T> {
  lazy_result<T> get_return_object() noexcept;
  std::suspend_always initial_suspend() const noexcept { return {}; }
  std::suspend_always final_suspend() const noexcept { return {}; }
  void unhandled_exception() noexcept;
};
struct null_result_promise {
  null_result get_return_object() const noexcept { return {}; }
  std::suspend_never initial_suspend() const noexcept { return {}; }
  std::suspend_never final_suspend() const noexcept { return {}; }
  void return_void() noexcept {}
  void unhandled_exception() noexcept {}
};

template <class C> lazy_result<C> when_all_impl(std::shared_ptr<void> resume_executor, C collection);
} // namespace details

template <class T> struct when_any_result {
  std::size_t index;
  T results;
};

class executor {
public:
  virtual ~executor();
  template <class F, class... A> result<std::invoke_result_t<F, A...>> submit(F &&f, A &&...args) {
    return {};
  }
  template <class F, class... A> void post(F &&f, A &&...args) {}
};
class thread_pool_executor : public executor {};
class thread_executor : public executor {};
class inline_executor : public executor {};

class runtime {
public:
  runtime();
  std::shared_ptr<concurrencpp::thread_pool_executor> thread_pool_executor() const noexcept;
  std::shared_ptr<concurrencpp::thread_pool_executor> background_executor() const noexcept;
  std::shared_ptr<concurrencpp::thread_executor> thread_executor() const noexcept;
  std::shared_ptr<concurrencpp::inline_executor> inline_executor() const noexcept;
};

template <class T, class... A> result<T> make_ready_result(A &&...args);
template <class T> result<T> make_exceptional_result(std::exception_ptr e);

struct resume_on_awaitable {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume() const noexcept {}
};
template <class E> resume_on_awaitable resume_on(std::shared_ptr<E> executor);

// By forwarding reference, then copied into a tuple: lvalues do not compile.
template <class E, class... R>
lazy_result<std::tuple<std::decay_t<R>...>> when_all(std::shared_ptr<E> resume_executor, R &&...results) {
  return details::when_all_impl(resume_executor, std::make_tuple(std::forward<R>(results)...));
}
// Moves every element out of [begin, end): the range keeps empty results.
template <class E, class It>
lazy_result<std::vector<typename std::iterator_traits<It>::value_type>>
when_all(std::shared_ptr<E> resume_executor, It begin, It end) {
  using V = typename std::iterator_traits<It>::value_type;
  return details::when_all_impl(resume_executor,
                                std::vector<V>{std::make_move_iterator(begin), std::make_move_iterator(end)});
}
template <class E, class... R>
lazy_result<when_any_result<std::tuple<std::decay_t<R>...>>> when_any(std::shared_ptr<E> resume_executor,
                                                                       R &&...results) {
  auto t = std::make_tuple(std::forward<R>(results)...);
  (void)t;
  return {};
}
template <class E, class It>
lazy_result<when_any_result<std::vector<typename std::iterator_traits<It>::value_type>>>
when_any(std::shared_ptr<E> resume_executor, It begin, It end);

} // namespace concurrencpp

template <class T, class... Args> struct std::coroutine_traits<::concurrencpp::result<T>, Args...> {
  using promise_type = ::concurrencpp::details::initialy_resumed_result_promise<T>;
};
template <class T, class E, class... Args>
struct std::coroutine_traits<::concurrencpp::result<T>, ::concurrencpp::executor_tag, std::shared_ptr<E>, Args...> {
  using promise_type = ::concurrencpp::details::initialy_rescheduled_result_promise<T, E>;
};
template <class T, class... Args> struct std::coroutine_traits<::concurrencpp::lazy_result<T>, Args...> {
  using promise_type = ::concurrencpp::details::lazy_promise<T>;
};
template <class... Args> struct std::coroutine_traits<::concurrencpp::null_result, Args...> {
  using promise_type = ::concurrencpp::details::null_result_promise;
};
