// RUN: %check_clang_tidy %s valuetask-double-await %t -- -config='{CheckOptions: {ValueTaskTypes: "::lib::Future"}}'
// REQUIRES: checks

// Value tasks of another library: one named by the ValueTaskTypes option,
// one that opts in with [[clang::annotate("vt::value_task")]]. Both are
// consumed the way vt::ValueTask is (co_await, result(), as_task()).

#include <vt/vt.hpp>

namespace lib {
template <typename T> struct Future {
  Future(Future &&) noexcept;
  ~Future();
  bool is_completed() const;
  T result();
  vt::Task<T> as_task();
  auto operator co_await() { return vt::ValueTask<T>(T()).operator co_await(); }
};

template <typename T> struct [[clang::annotate("vt::value_task")]] Lazy {
  Lazy(Lazy &&) noexcept;
  ~Lazy();
  bool is_completed() const;
  T result();
  auto operator co_await() { return vt::ValueTask<T>(T()).operator co_await(); }
};
} // namespace lib

lib::Future<int> load();
lib::Lazy<int> compute();

vt::ValueTask<int> configured_type_awaited_twice() {
  auto f = load();
  int x = co_await f;
  x += co_await f;
// CHECK-NOTES: :[[@LINE-1]]:8: warning: value task 'f' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:11: note: first consumed here
  co_return x;
}

vt::ValueTask<int> annotated_type_read_then_awaited() {
  auto l = compute();
  int x = 0;
  if (l.is_completed())
    x = l.result();
  x += co_await l;
// CHECK-NOTES: :[[@LINE-1]]:8: warning: value task 'l' is consumed a second time; a value task can be consumed only once: await it once, or call as_task() and await the task [valuetask-double-await]
// CHECK-NOTES: :[[@LINE-3]]:11: note: first consumed here
  co_return x;
}

vt::ValueTask<int> default_type_is_replaced_by_the_option() {
  vt::ValueTask<int> v(1);
  int x = co_await v;
  x += co_await v;
  co_return x;
}

vt::ValueTask<int> fast_path_with_a_configured_type() {
  auto f = load();
  if (f.is_completed())
    co_return f.result();
  co_return co_await f;
}
