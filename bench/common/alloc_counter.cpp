// Replaced global allocation functions that count calls and bytes. The
// array and nothrow forms end up in the standard library's defaults, which
// call the plain ones; the aligned form does not, so it is replaced too.
#include "alloc_counter.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
// relaxed: statistics; the benchmark reads them after joining (or waiting
// for) every thread that allocated, which orders the increments.
std::atomic<std::uint64_t> allocations{0};
std::atomic<std::uint64_t> bytes{0};
} // namespace

void *operator new(std::size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  bytes.fetch_add(size, std::memory_order_relaxed);
  if (void *block = std::malloc(size == 0 ? 1 : size))
    return block;
  throw std::bad_alloc();
}

void operator delete(void *block) noexcept { std::free(block); }
void operator delete(void *block, std::size_t) noexcept { std::free(block); }
// The aligned forms too: libstdc++'s own aligned operator new does not call
// the plain one, and the frame pool allocates its blocks line-aligned.
void *operator new(std::size_t size, std::align_val_t alignment) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  bytes.fetch_add(size, std::memory_order_relaxed);
  const auto align = static_cast<std::size_t>(alignment);
  // aligned_alloc wants a multiple of the alignment.
  if (void *block = std::aligned_alloc(align, (size + align - 1) / align * align))
    return block;
  throw std::bad_alloc();
}
void operator delete(void *block, std::align_val_t) noexcept { std::free(block); }
void operator delete(void *block, std::size_t, std::align_val_t) noexcept { std::free(block); }

namespace bench {
AllocCount alloc_count() noexcept {
  return {allocations.load(std::memory_order_relaxed), bytes.load(std::memory_order_relaxed)};
}
} // namespace bench
