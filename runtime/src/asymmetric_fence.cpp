#include "asymmetric_fence.hpp"

#include <mutex>

#if defined(__linux__)
#include <linux/membarrier.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace vt::detail {

namespace {

// Written once (under call_once) before the threads that read it start;
// relaxed loads suffice because thread creation orders the write before
// those threads' reads. Any other reader (a thread pushing from outside a
// pool) that sees a stale false uses a real fence, which pairs correctly
// with either kind of heavy fence.
std::atomic<bool> membarrier_ready{false};
std::once_flag membarrier_once;

#if defined(__linux__)
long membarrier(int command) noexcept { return syscall(__NR_membarrier, command, 0, 0); }
#endif

} // namespace

void enable_asymmetric_fences() noexcept {
  std::call_once(membarrier_once, [] {
#if defined(__linux__)
    long supported = membarrier(MEMBARRIER_CMD_QUERY);
    if (supported < 0 || (supported & MEMBARRIER_CMD_PRIVATE_EXPEDITED) == 0)
      return;
    if (membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED) != 0)
      return;
    membarrier_ready.store(true, std::memory_order_relaxed);
#endif
  });
}

bool asymmetric_fences_enabled() noexcept { return membarrier_ready.load(std::memory_order_relaxed); }

void heavy_fence() noexcept {
#if defined(__linux__)
  if (asymmetric_fences_enabled() && membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED) == 0)
    return;
#endif
  std::atomic_thread_fence(std::memory_order_seq_cst);
}

} // namespace vt::detail
