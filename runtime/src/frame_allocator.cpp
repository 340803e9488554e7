#include <vt/detail/frame_allocator.hpp>

#include <new>

namespace vt::detail {

void *allocate_frame(std::size_t size) { return ::operator new(size); }

void deallocate_frame(void *frame, std::size_t size) noexcept { ::operator delete(frame, size); }

} // namespace vt::detail
