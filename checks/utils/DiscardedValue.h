//===--- DiscardedValue.h - which values does a statement throw away? ----===//
//
// valuetask-unawaited asks of a call returning a value task: is its value
// dropped on the floor? Either silently, as an expression statement (also
// the left side of a comma, a for-loop increment, a branch or loop body
// without braces), or on purpose, cast to void or assigned to std::ignore.
//
// The question is asked from the parent down: the parent statement lists the
// sub-expressions whose values it discards. Asking from the call up would
// need the call's parent, and the first parent query of a translation unit
// builds a parent map of its whole AST (see WrittenInSource.h).
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_DISCARDEDVALUE_H
#define VTLINT_CHECKS_UTILS_DISCARDEDVALUE_H

#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::valuetask {

enum class Discard {
  Silent,    ///< an expression statement: nobody looks at the value
  Explicit,  ///< `(void)call()`, `static_cast<void>(call())`, `std::ignore = call()`
};

struct DiscardedValue {
  const Expr *Value;
  Discard Kind;
};

/// The sub-expressions whose values \p Parent discards, each seen through
/// the implicit nodes that wrap a temporary (cleanups, binding,
/// materialization, no-op casts) and parentheses. Empty for a statement
/// that uses all its operands' values.
llvm::SmallVector<DiscardedValue, 4> discardedValues(const Stmt &Parent);

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_DISCARDEDVALUE_H
