#include <vt/unobserved.hpp>

#include <cstdio>
#include <mutex>
#include <string>
#include <utility>

namespace vt {
namespace {

void print_warning(std::string_view message) {
  std::fprintf(stderr, "vt: warning: %.*s\n", static_cast<int>(message.size()), message.data());
}

// The handler is read by whichever thread drops the last reference, and
// written by set_unobserved_handler: a mutex keeps the std::function intact.
// Both live in a function-local static that is never destroyed, so reports
// from worker threads during program exit stay safe.
struct HandlerSlot {
  std::mutex mutex;
  std::function<void(std::string_view)> handler = print_warning;
};

HandlerSlot &slot() {
  static HandlerSlot *const instance = new HandlerSlot;
  return *instance;
}

} // namespace

void set_unobserved_handler(std::function<void(std::string_view)> handler) {
  if (!handler)
    handler = print_warning;
  HandlerSlot &s = slot();
  std::lock_guard lock(s.mutex);
  s.handler = std::move(handler);
}

namespace detail {
void report_unobserved(std::string_view message) noexcept {
  try {
    HandlerSlot &s = slot();
    std::function<void(std::string_view)> handler;
    {
      std::lock_guard lock(s.mutex);
      handler = s.handler;
    }
    // Called outside the lock so a handler may itself replace the handler.
    handler(message);
  } catch (...) {
  }
}
} // namespace detail

} // namespace vt
