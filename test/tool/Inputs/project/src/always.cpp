#include <vt/vt.hpp>

vt::Task<int> load();

vt::ValueTask<int> slow() {
  int value = co_await load();
  co_return value + 1;
}
