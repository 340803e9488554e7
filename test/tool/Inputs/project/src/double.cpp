#include <vt/vt.hpp>

vt::ValueTask<int> fetch();

vt::Task<int> twice() {
  vt::ValueTask<int> pending = fetch();
  int first = co_await pending;
  int second = co_await pending;
  co_return first + second;
}
