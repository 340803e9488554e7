// The seam through which every vt coroutine frame (Task and ValueTask
// promises) is allocated, and the per-thread frame pool behind it.
//
// A ValueTask coroutine's frame is also its result source (the promise is
// the ValueTaskSource), so pooling frames pools sources too: like .NET's
// PoolingAsyncValueTaskMethodBuilder, an asynchronous value-task method
// allocates nothing in steady state. Details in runtime/src/frame_allocator.cpp.
#pragma once

#include <cstddef>

namespace vt::detail {

void *allocate_frame(std::size_t size);
void deallocate_frame(void *frame, std::size_t size) noexcept;

/// Frame pooling is on by default. Turning it off makes every frame a fresh
/// operator new / operator delete (benchmarks compare the two). Frames that
/// are alive while the switch flips are handled either way.
void set_frame_pooling(bool enabled) noexcept;
bool frame_pooling() noexcept;

/// Mixed into promise types: routes the frame through the seam above.
struct FrameAllocated {
  static void *operator new(std::size_t size) { return allocate_frame(size); }
  static void operator delete(void *frame, std::size_t size) noexcept {
    deallocate_frame(frame, size);
  }
};

} // namespace vt::detail
