#include <vt/vt.hpp>

vt::ValueTask<int> fetch();

vt::ValueTask<int> Cached = fetch();
