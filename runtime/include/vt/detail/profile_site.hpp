// The hooks through which Task and ValueTask feed vt::profile.
//
// Protocol for one call of a profiled function:
//  1. Creation: a Task or ValueTask coroutine's get_return_object(), or a
//     ValueTask built from a value or a task in a plain function, receives a
//     std::source_location naming the function (a defaulted argument, so
//     the caller's location). If profiling is on, profile_site() interns it
//     and the handle keeps the site; otherwise the handle keeps null. This
//     is the whole cost when profiling is off: one relaxed load and one
//     well-predicted branch.
//  2. First inspection: the first time the handle is awaited or asked
//     (is_completed(), result(), as_task(), get(), wait(), ...), or when it
//     is destroyed without ever being inspected, the handle calls
//     record_call(site, completed) and forgets the site: one call, counted
//     as synchronous if it was already complete.
//  3. The count goes to the calling thread's own counters (no lock);
//     vt::profile::flush() and the exit handler sum every thread's.
#pragma once

#include <atomic>
#include <source_location>

namespace vt::detail {

/// An interned profiled function (defined in runtime/src/profile.cpp).
struct ProfileSite;

/// relaxed: a plain switch; a call that races with start()/stop() may or may
/// not be recorded, and either is fine.
extern std::atomic<bool> profiling_enabled;

/// The site for a Task-returning or ValueTask-returning function, or null
/// (a runtime-internal function, or no memory). A ValueTask constructed in
/// a plain function (`from_coroutine` false) counts only if the function's
/// signature names a ValueTask: a value task built inside `main` is not a
/// call of `main`.
ProfileSite *task_profile_site(const std::source_location &where) noexcept;
ProfileSite *value_task_profile_site(const std::source_location &where, bool from_coroutine) noexcept;

/// Step 2: one call of `site`, synchronous if `completed`.
void record_call(ProfileSite *site, bool completed) noexcept;

inline ProfileSite *profile_task_call(const std::source_location &where) noexcept {
  if (profiling_enabled.load(std::memory_order_relaxed)) [[unlikely]]
    return task_profile_site(where);
  return nullptr;
}

inline ProfileSite *profile_value_task_call(const std::source_location &where,
                                            bool from_coroutine = false) noexcept {
  if (profiling_enabled.load(std::memory_order_relaxed)) [[unlikely]]
    return value_task_profile_site(where, from_coroutine);
  return nullptr;
}

} // namespace vt::detail
