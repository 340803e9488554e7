// The hooks through which Task and ValueTask feed vt::profile.
//
// Protocol for one call of a profiled function:
//  1. Creation: a Task or ValueTask coroutine's get_return_object(), or a
//     ValueTask built from a value or a task in a plain function, receives a
//     std::source_location naming the function (a defaulted argument, so
//     the caller's location). When profiling is off this is the whole cost:
//     one relaxed load and one well-predicted branch (none at all when
//     compiled with VT_PROFILE_HOOKS=0).
//  2. A ValueTask built from a value is complete by definition: its call is
//     recorded at once, synchronous (record_ready_value_task_call), and the
//     handle keeps nothing.
//  3. Any other handle keeps its site (a Task a ProfileSite pointer, a
//     ValueTask a 32-bit ProfileSiteId, which fits in the bytes its
//     representation would otherwise pad) until its first inspection: the
//     first time it is awaited or asked (is_completed(), result(),
//     as_task(), get(), wait(), ...), or when it is destroyed without ever
//     being inspected, it calls record_call(site, completed) and forgets the
//     site: one call, counted as synchronous if it was already complete.
//  4. The count goes to the calling thread's own counters (no lock): a
//     per-thread direct-mapped cache maps a creation place to its counter
//     slot; vt::profile::flush() and the exit handler sum every thread's.
#pragma once

#include <atomic>
#include <cstdint>
#include <source_location>

/// 0 compiles the hooks out (bench-profile-nohooks measures what the
/// disabled hooks cost against nothing). Every translation unit of one
/// program must agree, libvt.a included.
#ifndef VT_PROFILE_HOOKS
#define VT_PROFILE_HOOKS 1
#endif

namespace vt::detail {

/// An interned profiled function (defined in runtime/src/profile.cpp).
struct ProfileSite;

/// A ProfileSite by number (its index + 1); 0: not profiled.
using ProfileSiteId = std::uint32_t;

/// relaxed: a plain switch; a call that races with start()/stop() may or may
/// not be recorded, and either is fine.
extern std::atomic<bool> profiling_enabled;

/// The site for a Task-returning or ValueTask-returning function, or null /
/// 0 (a runtime-internal function, or no memory). A ValueTask constructed in
/// a plain function (`from_coroutine` false) counts only if the function's
/// signature names a ValueTask: a value task built inside `main` is not a
/// call of `main`.
ProfileSite *task_profile_site(std::source_location where) noexcept;
ProfileSiteId value_task_profile_site(std::source_location where, bool from_coroutine) noexcept;

/// Step 2: one synchronous call of the plain function at `where`.
void record_ready_value_task_call(std::source_location where) noexcept;

/// Step 3: one call of `site`, synchronous if `completed`.
void record_call(ProfileSite *site, bool completed) noexcept;
void record_call(ProfileSiteId site, bool completed) noexcept;

inline bool profiling_on() noexcept {
#if VT_PROFILE_HOOKS
  return profiling_enabled.load(std::memory_order_relaxed);
#else
  return false;
#endif
}

inline ProfileSite *profile_task_call(std::source_location where) noexcept {
  if (profiling_on()) [[unlikely]]
    return task_profile_site(where);
  return nullptr;
}

inline ProfileSiteId profile_value_task_call(std::source_location where, bool from_coroutine = false) noexcept {
  if (profiling_on()) [[unlikely]]
    return value_task_profile_site(where, from_coroutine);
  return 0;
}

inline void profile_ready_value_task_call(std::source_location where) noexcept {
  if (profiling_on()) [[unlikely]]
    record_ready_value_task_call(where);
}

} // namespace vt::detail
