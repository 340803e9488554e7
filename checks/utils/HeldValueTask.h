//===--- HeldValueTask.h - does a type hold a value task? -----------------===//
//
// A variable "holds" a value task when its type is one (a task whose model
// says keeping it is a misuse, TaskModel::StoringIsMisuse), or wraps one in a
// standard holder: std::optional, std::pair, std::tuple, std::variant, the
// owning smart pointers, C arrays, std::array and the standard containers,
// nested to any depth and through typedefs and aliases. References and raw
// pointers refer to a value task without owning it, so they hold nothing;
// user-defined classes are not looked into (their own members are checked
// where they are declared).
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_HELDVALUETASK_H
#define VTLINT_CHECKS_UTILS_HELDVALUETASK_H

#include "utils/TaskModels.h"

namespace clang::tidy::valuetask {

struct ValueTaskHolding {
  /// The type is, or owns, at least one value task.
  bool Holds = false;
  /// ... and one of them sits in an array or a standard container (a
  /// collection of many), not merely in an optional, pair or variant.
  bool InCollection = false;
};

/// How \p Type holds a value task. Works on dependent types too: inside a
/// template, `std::vector<vt::ValueTask<T>>` holds one.
ValueTaskHolding findHeldValueTask(QualType Type, const TaskModels &Models);

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_HELDVALUETASK_H
