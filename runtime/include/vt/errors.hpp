// Typed errors thrown by the vt runtime: InvalidOperationError (here) and
// OperationCanceledError (declared beside CancellationToken, whose value it
// carries, and brought in below so this header names both).
#pragma once

#include <stdexcept>
#include <string>

namespace vt {

/// A value task consumed twice, result() read before completion, a stale
/// source version, a task completed twice: a misuse of the API, never a
/// run-time condition.
class InvalidOperationError : public std::logic_error {
public:
  using std::logic_error::logic_error;
};

} // namespace vt

#include <vt/cancellation_token.hpp>
