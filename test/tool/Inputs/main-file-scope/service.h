#pragma once
#include <vt/vt.hpp>

namespace service {
vt::ValueTask<int> fetch(int key);

struct Cache {
  vt::Task<int> refresh();
};
} // namespace service

// A coroutine whose definition the main file writes through this macro.
#define DEFINE_TWICE_AWAITED(name)                                             \
  vt::Task<int> name() {                                                       \
    vt::ValueTask<int> v = service::fetch(1);                                  \
    int a = co_await v;                                                        \
    int b = co_await v;                                                        \
    co_return a + b;                                                           \
  }

// A header function with a misuse: reported only under a HeaderFilterRegex.
inline vt::Task<int> header_misuse() {
  vt::ValueTask<int> v = service::fetch(2);
  co_return co_await v + co_await v;
}
