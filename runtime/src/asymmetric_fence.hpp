// Asymmetric fences: a store-load (Dekker) race where one side runs all the
// time and the other rarely. The frequent side pays a compiler-only fence;
// the rare side pays a membarrier(2) system call, which makes every running
// thread of the process execute a full memory barrier. Same idea as folly's
// asymmetricLightBarrier/asymmetricHeavyBarrier.
//
// Why it is enough (light thread L: store X, light_fence, load Y; heavy
// thread H: store Y, heavy_fence, load X): membarrier puts a full barrier
// in L at some point P while H is inside heavy_fence. If P is after L's
// store X, X is visible to H's load X (which follows heavy_fence). If P is
// before the store X, then L's load Y comes after P, which is after H's
// store Y became visible, so L sees Y. Either way one side sees the other,
// exactly what two seq_cst fences give.
//
// Where membarrier is unavailable (old kernel, seccomp), both sides fall
// back to std::atomic_thread_fence(seq_cst). The choice is made once, in
// enable_asymmetric_fences(), before any thread that uses them starts.
#pragma once

#include <atomic>

namespace vt::detail {

/// Chooses membarrier when the kernel offers it. Idempotent, thread-safe;
/// call before starting threads that use the fences below.
void enable_asymmetric_fences() noexcept;

/// True once membarrier is registered (never goes back to false).
bool asymmetric_fences_enabled() noexcept;

/// The frequent side.
inline void light_fence() noexcept {
  if (asymmetric_fences_enabled())
    std::atomic_signal_fence(std::memory_order_seq_cst); // Compiler only.
  else
    std::atomic_thread_fence(std::memory_order_seq_cst);
}

/// The rare side.
void heavy_fence() noexcept;

} // namespace vt::detail
