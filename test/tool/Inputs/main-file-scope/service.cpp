#include "service.h"

// The namespace reopened in the main file: its own block is matched.
namespace service {
vt::Task<int> reopened() {
  vt::ValueTask<int> v = fetch(3);
  int a = co_await v;
  co_return a + co_await v;
}
} // namespace service

// An out-of-line member of a class the header declares.
vt::Task<int> service::Cache::refresh() {
  vt::ValueTask<int> v = fetch(4);
  co_return v.result();
}

DEFINE_TWICE_AWAITED(from_macro)
