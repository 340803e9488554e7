// Semantic 1: a ValueTask made from a ready value costs no allocation, called
// directly or awaited inside a coroutine; vt::from_result allocates.
// RUN: %cxx %s %vtlib -o %t && timeout 60 %t | FileCheck %s
#include <vt/vt.hpp>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <new>

static std::atomic<long> allocations{0};

#if defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#define VT_TEST_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
#define VT_TEST_SANITIZED 1
#endif

#ifdef VT_TEST_SANITIZED
// Sanitizers own operator new; count through their allocator hook instead.
#include <sanitizer/allocator_interface.h>
static void count_malloc(const volatile void *, std::size_t) { allocations.fetch_add(1, std::memory_order_relaxed); }
static void ignore_free(const volatile void *) {}
[[maybe_unused]] static const int hooks_installed = __sanitizer_install_malloc_and_free_hooks(count_malloc, ignore_free);
#else
void *operator new(std::size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void *p = std::malloc(size == 0 ? 1 : size))
    return p;
  throw std::bad_alloc();
}
void operator delete(void *p) noexcept { std::free(p); }
void operator delete(void *p, std::size_t) noexcept { std::free(p); }
// The aligned forms too: libstdc++'s own aligned operator new does not call
// the plain one, and the frame pool allocates its blocks line-aligned.
void *operator new(std::size_t size, std::align_val_t alignment) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  const auto align = static_cast<std::size_t>(alignment);
  // aligned_alloc wants a multiple of the alignment.
  if (void *p = std::aligned_alloc(align, (size + align - 1) / align * align))
    return p;
  throw std::bad_alloc();
}
void operator delete(void *p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void *p, std::size_t, std::align_val_t) noexcept { std::free(p); }
#endif

constexpr int kCalls = 1'000'000;

__attribute__((noinline)) vt::ValueTask<int> ready_value(int i) { return vt::ValueTask<int>(i); }

vt::Task<long> await_many() {
  long before = allocations.load();
  long sum = 0;
  for (int i = 0; i < kCalls; ++i)
    sum += co_await ready_value(i);
  std::printf("co_await path: %d calls, %ld allocations\n", kCalls, allocations.load() - before);
  co_return sum;
}

int main() {
  long before = allocations.load();
  long sum = 0;
  for (int i = 0; i < kCalls; ++i)
    sum += ready_value(i).result();
  std::printf("result() path: %d calls, %ld allocations, sum %ld\n", kCalls, allocations.load() - before, sum);
  // CHECK: result() path: 1000000 calls, 0 allocations, sum 499999500000

  vt::Task<long> awaited = await_many();
  // CHECK: co_await path: 1000000 calls, 0 allocations
  std::printf("co_await sum %ld\n", awaited.get());
  // CHECK: co_await sum 499999500000

  before = allocations.load();
  vt::Task<int> task = vt::from_result(7);
  std::printf("from_result allocates: %s, value %d\n", allocations.load() > before ? "yes" : "no", task.get());
  // CHECK: from_result allocates: yes, value 7
}
