// The seam through which every vt coroutine frame (Task and ValueTask
// promises) is allocated. Today it forwards to the global operator new; a
// per-thread frame pool can replace the two functions without touching the
// promises.
#pragma once

#include <cstddef>

namespace vt::detail {

void *allocate_frame(std::size_t size);
void deallocate_frame(void *frame, std::size_t size) noexcept;

/// Mixed into promise types: routes the frame through the seam above.
struct FrameAllocated {
  static void *operator new(std::size_t size) { return allocate_frame(size); }
  static void operator delete(void *frame, std::size_t size) noexcept {
    deallocate_frame(frame, size);
  }
};

} // namespace vt::detail
