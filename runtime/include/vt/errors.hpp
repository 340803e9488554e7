// Typed errors thrown by the vt runtime.
#pragma once

#include <stdexcept>
#include <string>

namespace vt {

class CancellationToken;

/// A value task consumed twice, result() read before completion, a stale
/// source version: a misuse of the API, never a run-time condition.
class InvalidOperationError : public std::logic_error {
public:
  using std::logic_error::logic_error;
};

} // namespace vt
