#include <vt/vt.hpp>
vt::ValueTask<int> fetch();
inline vt::ValueTask<int> Shared = fetch();
