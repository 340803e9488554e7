#include <vt/vt.hpp>

namespace net {
template <class T> struct Lazy {};
}

vt::Task<int> fetch();

struct Awaiter {
  vt::ValueTask<int> inner_;
};

struct Client {
  vt::ValueTask<int> pending_;
  net::Lazy<int> lazy_;
};

vt::ValueTask<int> load() { co_return co_await fetch(); }
