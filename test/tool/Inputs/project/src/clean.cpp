#include <vt/vt.hpp>

vt::ValueTask<int> fetch();

vt::Task<int> once() {
  int value = co_await fetch();
  co_return value;
}
