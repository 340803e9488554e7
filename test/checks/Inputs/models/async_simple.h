// Imitation of async_simple's coro::Lazy (alibaba/async_simple), for
// vtlint's lit tests only. Written for vtlint from the library's documented
// interface (see docs/models.md); it declares, it does not implement.
//
// The real library:  #include <async_simple/coro/Lazy.h>
//                    #include <async_simple/coro/SyncAwait.h>
//                    #include <async_simple/coro/Collect.h>
//                    #include <async_simple/executors/SimpleExecutor.h>
//
// Shapes that matter to the checks, as in the real headers:
//   - Lazy<T> is lazy and move-only. operator co_await(), coAwait(Executor*),
//     coAwaitTry() and start(callback) have no ref-qualifier: they work on
//     lvalues and take the coroutine out (a second use throws
//     std::logic_error "... you're using a used Lazy").
//   - via(Executor*) && gives a RescheduleLazy; its operator co_await is
//     [[deprecated]] in the real library too.
//   - Inside a Lazy coroutine every co_await goes through the promise's
//     await_transform, which calls awaitable.coAwait(executor) when it exists.
//   - Only a Lazy coroutine may co_await a Lazy (a static_assert in the
//     awaiter, as in the real library).
//   - syncAwait(LazyType&&) accepts an lvalue and consumes it; collectAll and
//     friends take LazyType<Ts>... by value or std::vector<LazyType<T>>&&:
//     lvalues do not compile there.
#pragma once

#include <coroutine>
#include <cstddef>
#include <exception>
#include <stdexcept>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace async_simple {

class Executor {
public:
  virtual ~Executor();
  bool currentThreadInExecutor() const;
};

namespace executors {
class SimpleExecutor : public Executor {
public:
  explicit SimpleExecutor(std::size_t threadNum);
};
} // namespace executors

template <typename T> class Try {
public:
  Try() = default;
  bool available() const noexcept;
  bool hasError() const;
  const T &value() const &;
  T &value() &;
  T &&value() &&;
  std::exception_ptr getException() const;
};
template <> class Try<void> {
public:
  bool available() const noexcept;
  bool hasError() const;
  void value() const;
  std::exception_ptr getException() const;
};

namespace coro {

template <typename T = void> class Lazy;
template <typename T = void> class RescheduleLazy;

struct CurrentExecutor {};
enum class SignalType { None, Terminate };

namespace detail {
template <class A> decltype(auto) coAwait(Executor *ex, A &&a) {
  if constexpr (requires { static_cast<A &&>(a).coAwait(ex); })
    return static_cast<A &&>(a).coAwait(ex);
  else
    return static_cast<A &&>(a);
}

struct ExecutorAwaiter {
  Executor *ex;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  Executor *await_resume() const noexcept { return ex; }
};

class LazyPromiseBase {
public:
  struct FinalAwaiter {
    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<>) noexcept;
    void await_resume() noexcept {}
  };
  std::suspend_always initial_suspend() noexcept { return {}; }
  FinalAwaiter final_suspend() noexcept { return {}; }
  template <class A> decltype(auto) await_transform(A &&a) { return detail::coAwait(_executor, static_cast<A &&>(a)); }
  ExecutorAwaiter await_transform(CurrentExecutor) { return {_executor}; }
  void unhandled_exception() noexcept;
  Executor *_executor = nullptr;
};
template <class T> class LazyPromise : public LazyPromiseBase {
public:
  Lazy<T> get_return_object() noexcept;
  template <class V> void return_value(V &&value);
};
template <> class LazyPromise<void> : public LazyPromiseBase {
public:
  Lazy<void> get_return_object() noexcept;
  void return_void() noexcept {}
};

template <class T, class CB>
concept isLazyCallback = std::is_invocable_v<CB, Try<T>>;

template <class T, bool reschedule> class LazyBase {
public:
  using promise_type = detail::LazyPromise<T>;
  using Handle = std::coroutine_handle<promise_type>;
  using ValueType = T;

  struct AwaiterBase {
    Handle _handle;
    bool await_ready() const noexcept { return false; }
    // As in the real library: only a Lazy coroutine may await a Lazy.
    template <class P> std::coroutine_handle<> await_suspend(std::coroutine_handle<P> continuation) noexcept {
      static_assert(std::is_base_of_v<LazyPromiseBase, P>,
                    "'co_await Lazy' is only allowed to be called by Lazy or DetachedCoroutine");
      return _handle;
    }
  };
  struct ValueAwaiter : AwaiterBase {
    T await_resume();
  };
  struct TryAwaiter : AwaiterBase {
    Try<T> await_resume() noexcept;
    TryAwaiter coAwait(Executor *ex);
  };

  explicit LazyBase(Handle coro) noexcept : _coro(coro) {}
  LazyBase(LazyBase &&other) noexcept;
  LazyBase(const LazyBase &) = delete;
  LazyBase &operator=(const LazyBase &) = delete;
  LazyBase &operator=(LazyBase &&other) noexcept; // destroys its own coroutine first
  ~LazyBase();

  Executor *getExecutor();
  template <class F>
    requires isLazyCallback<T, F>
  void start(F &&callback) {}
  bool isReady() const; // also true once the coroutine was taken out
  ValueAwaiter operator co_await();
  TryAwaiter coAwaitTry();

protected:
  Handle _coro;
};
} // namespace detail

template <typename T> class [[nodiscard]] Lazy : public detail::LazyBase<T, false> {
  using Base = detail::LazyBase<T, false>;

public:
  using Base::Base;
  RescheduleLazy<T> via(Executor *ex) &&;
  template <class F>
    requires detail::isLazyCallback<T, F>
  void directlyStart(F &&callback, Executor *executor) {}
  typename Base::ValueAwaiter coAwait(Executor *ex);
};

template <typename T> class [[nodiscard]] RescheduleLazy : public detail::LazyBase<T, true> {
  using Base = detail::LazyBase<T, true>;

public:
  using Base::Base;
  void detach();
  [[deprecated("RescheduleLazy should be only allowed in DetachedCoroutine")]] typename Base::ValueAwaiter
  operator co_await();
};

template <class L> auto syncAwait(L &&lazy) -> typename std::decay_t<L>::ValueType;
template <class L> auto syncAwait(L &&lazy, Executor *ex) -> typename std::decay_t<L>::ValueType;

template <SignalType S = SignalType::None, typename T, template <typename> typename LazyType>
Lazy<std::vector<Try<T>>> collectAll(std::vector<LazyType<T>> &&input);
template <SignalType S = SignalType::None, template <typename> typename LazyType, typename... Ts>
Lazy<std::tuple<Try<Ts>...>> collectAll(LazyType<Ts>... inputs);
template <SignalType S = SignalType::None, typename T, template <typename> typename LazyType>
Lazy<std::vector<Try<T>>> collectAllPara(std::vector<LazyType<T>> &&input);
template <SignalType S = SignalType::None, template <typename> typename LazyType, typename... Ts>
Lazy<std::tuple<Try<Ts>...>> collectAllPara(LazyType<Ts>... inputs);
template <SignalType S = SignalType::None, typename T, template <typename> typename LazyType>
Lazy<std::vector<Try<T>>> collectAllWindowed(std::size_t maxConcurrency, bool yield,
                                             std::vector<LazyType<T>> &&input);
template <class T> struct CollectAnyResult {
  std::size_t _idx;
  Try<T> _value;
};
template <SignalType S = SignalType::None, typename T, template <typename> typename LazyType>
Lazy<CollectAnyResult<T>> collectAny(std::vector<LazyType<T>> &&input);
template <SignalType S = SignalType::None, template <typename> typename LazyType, typename... Ts>
Lazy<std::variant<Try<Ts>...>> collectAny(LazyType<Ts>... awaitables);

} // namespace coro
} // namespace async_simple
