// Per-thread coroutine frame pool, by size class.
//
// Design:
//   - Sizes up to kMaxPooledSize are rounded up to a multiple of kClassStep
//     and ALWAYS allocated at that rounded size, pooling on or off, so any
//     block of a class can serve any request of that class.
//   - Each thread keeps, per class, a free list of at most kMaxCachedPerClass
//     blocks (linked through their first word). No atomics, no locks: only
//     the owning thread touches its lists.
//   - A frame freed on another thread than the one that allocated it goes to
//     the FREEING thread's list (memory migrates with the work, as it does
//     between pool workers). The bound keeps a producer/consumer pair from
//     hoarding: a full list hands the block back to operator delete.
//   - Thread exit: the cache's destructor returns every block to operator
//     delete and marks the thread's cache dead; frames freed later on that
//     thread (other thread_local destructors) go straight to operator delete.
//   - Larger frames bypass the pool.
// Under AddressSanitizer, cached blocks are poisoned (except the link word),
// so a use of a freed frame is still reported.
#include <vt/detail/frame_allocator.hpp>

#include <array>
#include <atomic>
#include <cstdint>
#include <new>

#if defined(__SANITIZE_ADDRESS__)
#define VT_FRAME_POOL_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VT_FRAME_POOL_ASAN 1
#endif
#endif

#ifdef VT_FRAME_POOL_ASAN
#include <sanitizer/asan_interface.h>
#endif

namespace vt::detail {

namespace {

constexpr std::size_t kClassStep = 64;
constexpr std::size_t kMaxPooledSize = 2048;
constexpr std::size_t kClassCount = kMaxPooledSize / kClassStep;
constexpr std::uint32_t kMaxCachedPerClass = 256;

// relaxed: a preference read on every allocation; a thread that sees a
// stale value allocates or frees one frame the other way, which is correct
// either way (see the design notes above).
std::atomic<bool> pooling_enabled{true};

std::size_t class_of(std::size_t size) noexcept { return (size - 1) / kClassStep; }
std::size_t class_size(std::size_t index) noexcept { return (index + 1) * kClassStep; }

struct FreeBlock {
  FreeBlock *next;
};

void poison(void *block, std::size_t size) noexcept {
#ifdef VT_FRAME_POOL_ASAN
  __asan_poison_memory_region(static_cast<char *>(block) + sizeof(FreeBlock), size - sizeof(FreeBlock));
#else
  (void)block, (void)size;
#endif
}

void unpoison(void *block, std::size_t size) noexcept {
#ifdef VT_FRAME_POOL_ASAN
  __asan_unpoison_memory_region(block, size);
#else
  (void)block, (void)size;
#endif
}

class FrameCache {
public:
  FrameCache() = default;
  FrameCache(const FrameCache &) = delete;
  FrameCache &operator=(const FrameCache &) = delete;
  ~FrameCache();

  void *take(std::size_t index) noexcept {
    FreeBlock *block = heads_[index];
    if (block == nullptr)
      return nullptr;
    heads_[index] = block->next;
    --counts_[index];
    unpoison(block, class_size(index));
    return block;
  }

  /// False when the class's list is full (the caller frees the block).
  bool give(void *frame, std::size_t index) noexcept {
    if (counts_[index] == kMaxCachedPerClass)
      return false;
    auto *block = static_cast<FreeBlock *>(frame);
    block->next = heads_[index];
    heads_[index] = block;
    ++counts_[index];
    poison(block, class_size(index));
    return true;
  }

private:
  std::array<FreeBlock *, kClassCount> heads_{};
  std::array<std::uint32_t, kClassCount> counts_{};
};

enum class CacheState : unsigned char { unborn, alive, dead };

// Trivially destructible, so still readable while (and after) the thread's
// non-trivial thread_locals are destroyed. initial-exec: read on every
// frame allocation (the -fPIC default would call __tls_get_addr).
[[gnu::tls_model("initial-exec")]] thread_local CacheState tls_state = CacheState::unborn;
[[gnu::tls_model("initial-exec")]] thread_local FrameCache *tls_cache = nullptr;

FrameCache::~FrameCache() {
  for (std::size_t index = 0; index < kClassCount; ++index)
    while (void *block = take(index))
      ::operator delete(block);
  tls_state = CacheState::dead;
  tls_cache = nullptr;
}

/// This thread's cache; null once the thread has started exiting.
FrameCache *this_thread_cache() noexcept {
  if (tls_state == CacheState::alive)
    return tls_cache;
  if (tls_state == CacheState::dead)
    return nullptr;
  thread_local FrameCache cache;
  tls_cache = &cache;
  tls_state = CacheState::alive;
  return tls_cache;
}

} // namespace

void *allocate_frame(std::size_t size) {
  if (size == 0 || size > kMaxPooledSize)
    return ::operator new(size);
  const std::size_t index = class_of(size);
  if (pooling_enabled.load(std::memory_order_relaxed))
    if (FrameCache *cache = this_thread_cache())
      if (void *block = cache->take(index))
        return block;
  return ::operator new(class_size(index));
}

void deallocate_frame(void *frame, std::size_t size) noexcept {
  if (size != 0 && size <= kMaxPooledSize && pooling_enabled.load(std::memory_order_relaxed))
    if (FrameCache *cache = this_thread_cache())
      if (cache->give(frame, class_of(size)))
        return;
  // Unsized: a pooled-class block is larger than `size`.
  ::operator delete(frame);
}

void set_frame_pooling(bool enabled) noexcept { pooling_enabled.store(enabled, std::memory_order_relaxed); }

bool frame_pooling() noexcept { return pooling_enabled.load(std::memory_order_relaxed); }

} // namespace vt::detail
