// Per-thread coroutine frame pool, by size class, with magazines and a
// depot (Bonwick and Adams' magazine layer, USENIX 2001).
//
// Design:
//   - Sizes up to kMaxPooledSize are rounded up to a multiple of kClassStep
//     and ALWAYS allocated at that rounded size, pooling on or off, so any
//     block of a class can serve any request of that class.
//   - A magazine is an array of up to kMagazineSize free blocks of one
//     class. Each thread holds, per class, a loaded magazine and the
//     previous one: at most 2 * kMagazineSize cached blocks. No atomics, no
//     locks: only the owning thread touches them.
//   - Why arrays and not free lists: a block freed on another thread (a
//     frame that completed on a pool worker) sits in that thread's cache.
//     Popping a linked list reads the block's link word, a dependent load
//     of a line that thread wrote last, one full cache miss per frame on
//     the allocating thread's critical path. Popping a magazine reads a
//     pointer from an array, sequentially; the block itself is then only
//     written (the coroutine's initial stores), which the store buffer
//     absorbs.
//   - A frame freed on another thread than the one that allocated it goes to
//     the FREEING thread's magazines (memory migrates with the work).
//   - The depot moves whole magazines between threads (one lock per
//     magazine, not per frame). Without it, a producer outside the pool
//     whose frames all die on workers (the spawn-many pattern) would call
//     operator new for every frame while the workers' caches overflow.
//     Allocation (take):
//       1. Pop from the loaded magazine.
//       2. Loaded empty, previous not: swap them, pop.
//       3. Both empty: hand the empty loaded magazine to the depot's spares
//          and load a full one from the depot, pop.
//       4. The depot has none: operator new.
//     Free (give):
//       1. Push to the loaded magazine.
//       2. Loaded full, previous not: swap them, push.
//       3. Both full: the previous one goes to the depot as a full
//          magazine, the loaded one becomes the previous, and an empty one
//          (a depot spare, else a new one) is loaded; push.
//       4. No magazine can be had (out of memory): operator delete.
//     The depot keeps at most kMaxDepotMagazines full magazines per class;
//     beyond that a magazine's blocks go back to operator delete, so a
//     burst does not pin memory for good. It keeps at most kMaxSpares empty
//     magazines.
//   - Thread exit: the cache's destructor offers its full magazines to the
//     depot, frees the rest with operator delete and marks the thread's
//     cache dead; frames freed later on that thread (other thread_local
//     destructors) go straight to operator delete.
//   - Pooled-class blocks are aligned to a cache line (kLineSize), so a
//     128-byte frame is two lines, not three, and two frames never share a
//     line: the producer writing a new frame would otherwise invalidate the
//     line a worker is running the previous one from.
//   - Larger frames bypass the pool.
// Under AddressSanitizer, cached blocks are poisoned whole, so a use of a
// freed frame is still reported.
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

constexpr std::size_t kLineSize = 64;
constexpr std::size_t kClassStep = kLineSize; // Every class is whole lines.
constexpr std::size_t kMaxPooledSize = 2048;
constexpr std::size_t kClassCount = kMaxPooledSize / kClassStep;
constexpr std::uint32_t kMagazineSize = 128;
constexpr std::size_t kMaxDepotMagazines = 64;
constexpr std::size_t kMaxSpares = 64;

// relaxed: a preference read on every allocation; a thread that sees a
// stale value allocates or frees one frame the other way, which is correct
// either way (see the design notes above).
std::atomic<bool> pooling_enabled{true};

std::size_t class_of(std::size_t size) noexcept { return (size - 1) / kClassStep; }
std::size_t class_size(std::size_t index) noexcept { return (index + 1) * kClassStep; }

void *new_block(std::size_t index) { return ::operator new(class_size(index), std::align_val_t{kLineSize}); }
void delete_block(void *block) noexcept { ::operator delete(block, std::align_val_t{kLineSize}); }

void poison(void *block, std::size_t size) noexcept {
#ifdef VT_FRAME_POOL_ASAN
  __asan_poison_memory_region(block, size);
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

struct Magazine {
  bool empty() const noexcept { return count == 0; }
  bool full() const noexcept { return count == kMagazineSize; }
  void push(void *block) noexcept { blocks[count++] = block; }
  void *pop() noexcept { return blocks[--count]; }

  /// Gives every block back to operator delete.
  void release(std::size_t index) noexcept {
    while (!empty()) {
      void *block = pop();
      unpoison(block, class_size(index));
      delete_block(block);
    }
  }

  std::uint32_t count = 0;
  void *blocks[kMagazineSize];
};

/// The process-wide depot (design: take step 3, give step 3).
class Depot {
public:
  /// Give step 3: a full magazine for other threads (or its blocks back to
  /// operator delete when the class's shelf is full).
  void put_full(std::size_t index, Magazine *magazine) noexcept {
    {
      std::lock_guard lock(mutex_);
      auto &shelf = full_[index];
      if (shelf.size() < kMaxDepotMagazines) {
        // Never allocates: reserved to kMaxDepotMagazines up front.
        shelf.push_back(magazine);
        // relaxed: a hint for take_full(); the shelf is read under the lock.
        stocked_[index].store(true, std::memory_order_relaxed);
        return;
      }
    }
    magazine->release(index);
    put_spare(magazine);
  }

  /// Take step 3: a full magazine of the class, or null.
  Magazine *take_full(std::size_t index) noexcept {
    // relaxed: an unlocked peek keeps a thread whose magazines are empty off
    // the lock while the depot has nothing for it. A stale `false` only
    // means one operator new instead of a recycled frame; a stale `true`
    // one needless lock.
    if (!stocked_[index].load(std::memory_order_relaxed))
      return nullptr;
    std::lock_guard lock(mutex_);
    auto &shelf = full_[index];
    if (shelf.empty())
      return nullptr;
    Magazine *magazine = shelf.back();
    shelf.pop_back();
    stocked_[index].store(!shelf.empty(), std::memory_order_relaxed);
    return magazine;
  }

  /// An empty magazine: a spare, else a new one; null when out of memory.
  Magazine *take_empty() noexcept {
    {
      std::lock_guard lock(mutex_);
      if (!spares_.empty()) {
        Magazine *magazine = spares_.back();
        spares_.pop_back();
        return magazine;
      }
    }
    return new (std::nothrow) Magazine;
  }

  void put_spare(Magazine *magazine) noexcept {
    {
      std::lock_guard lock(mutex_);
      if (spares_.size() < kMaxSpares) {
        spares_.push_back(magazine); // Reserved up front: never allocates.
        return;
      }
    }
    delete magazine;
  }

  static Depot &instance() {
    // Never destroyed: pool workers free frames while static destructors
    // run at exit. Its blocks stay reachable from here, not leaked.
    static Depot *const depot = new Depot;
    return *depot;
  }

private:
  Depot() {
    for (auto &shelf : full_)
      shelf.reserve(kMaxDepotMagazines);
    spares_.reserve(kMaxSpares);
  }

  std::mutex mutex_;
  std::array<std::vector<Magazine *>, kClassCount> full_; // Guarded by mutex_.
  std::vector<Magazine *> spares_;                        // Guarded by mutex_.
  /// Whether a class's shelf holds a magazine: written under mutex_, read
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
    Magazine *&loaded = loaded_[index];
    if (loaded == nullptr || loaded->empty()) {
      Magazine *&previous = previous_[index];
      if (previous != nullptr && !previous->empty()) { // Take step 2.
        std::swap(loaded, previous);
      } else { // Step 3.
        Magazine *full = Depot::instance().take_full(index);
        if (full == nullptr)
          return nullptr; // Step 4.
        if (loaded != nullptr)
          Depot::instance().put_spare(loaded);
        loaded = full;
      }
    }
    void *block = loaded->pop(); // Step 1.
    unpoison(block, class_size(index));
    return block;
  }

  /// False when no magazine could be had (give step 4).
  bool give(void *frame, std::size_t index) noexcept {
    Magazine *&loaded = loaded_[index];
    if (loaded == nullptr || loaded->full()) {
      Magazine *&previous = previous_[index];
      if (previous != nullptr && !previous->full()) { // Give step 2.
        std::swap(loaded, previous);
      } else { // Step 3.
        Magazine *empty = Depot::instance().take_empty();
        if (empty == nullptr)
          return false;
        if (previous != nullptr)
          Depot::instance().put_full(index, previous);
        previous = loaded;
        loaded = empty;
      }
    }
    poison(frame, class_size(index));
    loaded->push(frame); // Step 1.
    return true;
  }

private:
  std::array<Magazine *, kClassCount> loaded_{};
  std::array<Magazine *, kClassCount> previous_{};
};

enum class CacheState : unsigned char { unborn, alive, dead };

// Trivially destructible, so still readable while (and after) the thread's
// non-trivial thread_locals are destroyed. initial-exec: read on every
// frame allocation (the -fPIC default would call __tls_get_addr).
[[gnu::tls_model("initial-exec")]] thread_local CacheState tls_state = CacheState::unborn;
[[gnu::tls_model("initial-exec")]] thread_local FrameCache *tls_cache = nullptr;

FrameCache::~FrameCache() {
  for (std::size_t index = 0; index < kClassCount; ++index)
    for (Magazine *magazine : {loaded_[index], previous_[index]}) {
      if (magazine == nullptr)
        continue;
      if (magazine->full()) {
        Depot::instance().put_full(index, magazine);
      } else {
        magazine->release(index);
        Depot::instance().put_spare(magazine);
      }
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
  return new_block(index);
}

void deallocate_frame(void *frame, std::size_t size) noexcept {
  if (size != 0 && size <= kMaxPooledSize && pooling_enabled.load(std::memory_order_relaxed))
    if (FrameCache *cache = this_thread_cache())
      if (cache->give(frame, class_of(size)))
        return;
  if (size != 0 && size <= kMaxPooledSize)
    delete_block(frame);
  else
    ::operator delete(frame);
}

void set_frame_pooling(bool enabled) noexcept { pooling_enabled.store(enabled, std::memory_order_relaxed); }

bool frame_pooling() noexcept { return pooling_enabled.load(std::memory_order_relaxed); }

} // namespace vt::detail
