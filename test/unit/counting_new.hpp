// Counts every global operator new of a test binary, on every thread, by
// replacing operator new/delete. Include it from exactly one file of a test
// binary (each *_test.cpp is its own binary): the replacements are
// definitions.
//
// ThreadSanitizer's runtime defines operator new itself, so there nothing is
// replaced, VT_TEST_COUNTS_ALLOCATIONS is 0 and counting tests skip (they run
// in the plain and AddressSanitizer builds).
#pragma once

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <new>

#if defined(__SANITIZE_THREAD__)
#define VT_TEST_COUNTS_ALLOCATIONS 0
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define VT_TEST_COUNTS_ALLOCATIONS 0
#endif
#endif
#ifndef VT_TEST_COUNTS_ALLOCATIONS
#define VT_TEST_COUNTS_ALLOCATIONS 1
#endif

namespace counting_new {
// relaxed: read after the allocating threads are joined or have handed
// their results over through the pool or a future (both synchronize).
inline std::atomic<std::uint64_t> allocations{0};

inline std::uint64_t allocations_now() {
  return allocations.load(std::memory_order_relaxed);
}

/// The operator new calls f() makes on any thread while it runs.
template <typename F>
long allocations_during(F &&f) {
  const std::uint64_t before = allocations_now();
  f();
  return static_cast<long>(allocations_now() - before);
}
} // namespace counting_new

#if VT_TEST_COUNTS_ALLOCATIONS
void *operator new(std::size_t size) {
  counting_new::allocations.fetch_add(1, std::memory_order_relaxed);
  if (void *block = std::malloc(size == 0 ? 1 : size))
    return block;
  throw std::bad_alloc();
}
void operator delete(void *block) noexcept { std::free(block); }
void operator delete(void *block, std::size_t) noexcept { std::free(block); }
// The aligned forms too: libstdc++'s own aligned operator new does not call
// the plain one, and the frame pool allocates its blocks line-aligned.
void *operator new(std::size_t size, std::align_val_t alignment) {
  counting_new::allocations.fetch_add(1, std::memory_order_relaxed);
  const auto align = static_cast<std::size_t>(alignment);
  // aligned_alloc wants a multiple of the alignment.
  if (void *block = std::aligned_alloc(align, (size + align - 1) / align * align))
    return block;
  throw std::bad_alloc();
}
void operator delete(void *block, std::align_val_t) noexcept { std::free(block); }
void operator delete(void *block, std::size_t, std::align_val_t) noexcept { std::free(block); }
#endif
