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
//     between pool workers).
//   - The depot moves frames back. Without it, a producer outside the pool
//     whose frames all die on workers (the spawn-many pattern) would call
//     operator new for every frame while the workers' lists overflow.
//       1. A full list hands its newest kBatchSize blocks, as one batch, to
//          the process-wide depot (one lock per batch, not per frame).
//       2. An empty list takes a whole batch from the depot before falling
//          back to operator new.
//       3. The depot keeps at most kMaxDepotBatches per class; beyond that
//          a batch goes back to operator delete, so a burst does not pin
//          memory for good.
//   - Thread exit: the cache's destructor offers its full batches to the
//     depot, frees the rest with operator delete and marks the thread's
//     cache dead; frames freed later on that thread (other thread_local
//     destructors) go straight to operator delete.
//   - Larger frames bypass the pool.
// Under AddressSanitizer, cached blocks are poisoned (except the link word),
// so a use of a freed frame is still reported.
#include <vt/detail/frame_allocator.hpp>

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <new>
#include <vector>

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
constexpr std::uint32_t kBatchSize = kMaxCachedPerClass / 2;
constexpr std::size_t kMaxDepotBatches = 64;

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

/// A run of free blocks of one class, linked through their first word.
struct Batch {
  FreeBlock *head = nullptr;
  std::uint32_t count = 0;
};

void free_batch(Batch batch, std::size_t index) noexcept {
  while (FreeBlock *block = batch.head) {
    batch.head = block->next;
    unpoison(block, class_size(index));
    ::operator delete(block);
  }
}

/// The process-wide depot (design, depot steps 1-3).
class Depot {
public:
  /// Step 1 (and 3 when full).
  void put(std::size_t index, Batch batch) noexcept {
    {
      std::lock_guard lock(mutex_);
      auto &shelf = shelves_[index];
      if (shelf.size() < kMaxDepotBatches) {
        // Never allocates: reserved to kMaxDepotBatches up front.
        shelf.push_back(batch);
        // relaxed: a hint for take(); the shelf itself is read under the lock.
        stocked_[index].store(true, std::memory_order_relaxed);
        return;
      }
    }
    free_batch(batch, index);
  }

  /// Step 2. An empty batch when the depot has none of this class.
  Batch take(std::size_t index) noexcept {
    // relaxed: an unlocked peek keeps a thread whose list is empty off the
    // lock while the depot has nothing for it. A stale `false` only means
    // one operator new instead of a recycled frame; a stale `true` one
    // needless lock.
    if (!stocked_[index].load(std::memory_order_relaxed))
      return {};
    std::lock_guard lock(mutex_);
    auto &shelf = shelves_[index];
    if (shelf.empty())
      return {};
    Batch batch = shelf.back();
    shelf.pop_back();
    stocked_[index].store(!shelf.empty(), std::memory_order_relaxed);
    return batch;
  }

  static Depot &instance() {
    // Never destroyed: pool workers free frames while static destructors
    // run at exit. Its blocks stay reachable from here, not leaked.
    static Depot *const depot = new Depot;
    return *depot;
  }

private:
  Depot() {
    for (auto &shelf : shelves_)
      shelf.reserve(kMaxDepotBatches);
  }

  std::mutex mutex_;
  std::array<std::vector<Batch>, kClassCount> shelves_; // Guarded by mutex_.
  /// Whether a class's shelf holds a batch: written under mutex_, read
  /// without it.
  std::array<std::atomic<bool>, kClassCount> stocked_{};
};

class FrameCache {
public:
  FrameCache() = default;
  FrameCache(const FrameCache &) = delete;
  FrameCache &operator=(const FrameCache &) = delete;
  ~FrameCache();

  void *take(std::size_t index) noexcept {
    FreeBlock *block = heads_[index];
    if (block == nullptr) {
      const Batch batch = Depot::instance().take(index); // Depot step 2.
      if (batch.head == nullptr)
        return nullptr;
      block = batch.head;
      counts_[index] = batch.count;
    }
    heads_[index] = block->next;
    --counts_[index];
    unpoison(block, class_size(index));
    return block;
  }

  void give(void *frame, std::size_t index) noexcept {
    if (counts_[index] == kMaxCachedPerClass)
      Depot::instance().put(index, take_batch(index)); // Depot step 1.
    auto *block = static_cast<FreeBlock *>(frame);
    block->next = heads_[index];
    heads_[index] = block;
    ++counts_[index];
    poison(block, class_size(index));
  }

private:
  /// Unlinks the newest kBatchSize blocks (at most all) of a class.
  Batch take_batch(std::size_t index) noexcept {
    Batch batch{heads_[index], 0};
    FreeBlock *last = nullptr;
    for (FreeBlock *block = heads_[index]; block != nullptr && batch.count < kBatchSize; block = block->next) {
      last = block;
      ++batch.count;
    }
    if (last != nullptr) {
      heads_[index] = last->next;
      last->next = nullptr;
    }
    counts_[index] -= batch.count;
    return batch;
  }

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
  for (std::size_t index = 0; index < kClassCount; ++index) {
    while (counts_[index] >= kBatchSize)
      Depot::instance().put(index, take_batch(index));
    free_batch(take_batch(index), index);
  }
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
    if (FrameCache *cache = this_thread_cache()) {
      cache->give(frame, class_of(size));
      return;
    }
  // Unsized: a pooled-class block is larger than `size`.
  ::operator delete(frame);
}

void set_frame_pooling(bool enabled) noexcept { pooling_enabled.store(enabled, std::memory_order_relaxed); }

bool frame_pooling() noexcept { return pooling_enabled.load(std::memory_order_relaxed); }

} // namespace vt::detail
