// The interface behind a source-backed vt::ValueTask: something that
// completes once per version and hands its result to exactly one consumer
// (a ValueTask coroutine's frame, a ManualResetValueTaskSource).
//
// A value task names the version it is bound to by a 32-bit token (the
// version's low 32 bits, which is what fits beside a pointer in a 16-byte
// value task; .NET's ValueTask uses a 16-bit token the same way): a value
// task stale by an exact multiple of 2^32 resets would pass for current.
#pragma once

#include <cstdint>

#include <vt/detail/continuation.hpp>
#include <vt/detail/task_state.hpp>

namespace vt::detail {

using SourceToken = std::uint32_t;

template <typename T>
class ValueTaskSource {
public:
  /// pending or the outcome. Throws InvalidOperationError if `token` is
  /// stale (the source was reset since the value task was made).
  virtual TaskStatus status(SourceToken token) const = 0;
  /// For destructors: true if `token` is current and not completed.
  virtual bool is_pending(SourceToken token) const noexcept = 0;
  /// False (node not kept) if already completed.
  virtual bool add_continuation(Continuation *node, SourceToken token) = 0;
  /// Completed only: moves the value out, or rethrows the fault.
  virtual T take_result(SourceToken token) = 0;
  /// The value task bound to `token` is gone (frames free themselves).
  virtual void release(SourceToken token) noexcept = 0;

protected:
  ~ValueTaskSource() = default;
};

} // namespace vt::detail
