// Replaced global allocation functions that count calls and bytes. Every
// other form of operator new (array, nothrow, aligned) ends up in the
// standard library's defaults, which call these two.
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

namespace bench {
AllocCount alloc_count() noexcept {
  return {allocations.load(std::memory_order_relaxed), bytes.load(std::memory_order_relaxed)};
}
} // namespace bench
