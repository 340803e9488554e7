#include <vt/vt.hpp>

namespace my {
template <class T> struct Lazy {
  T Value;
};
} // namespace my

struct Holder {
  vt::ValueTask<int> Pending;
};

my::Lazy<int> Global;
