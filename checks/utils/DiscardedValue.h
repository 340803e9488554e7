//===--- DiscardedValue.h - is an expression's value thrown away? --------===//
//
// valuetask-unawaited asks of a call returning a value task: is its value
// dropped on the floor? Either silently, as an expression statement (also
// the left side of a comma, a for-loop increment, a branch or loop body
// without braces), or on purpose, cast to void or assigned to std::ignore.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_DISCARDEDVALUE_H
#define VTLINT_CHECKS_UTILS_DISCARDEDVALUE_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::valuetask {

enum class Discard {
  None,      ///< the value is used
  Silent,    ///< an expression statement: nobody looks at the value
  Explicit,  ///< `(void)call()`, `static_cast<void>(call())`, `std::ignore = call()`
};

/// How \p E's value is discarded, looking through the implicit nodes that
/// wrap a temporary (cleanups, binding, materialization, no-op casts).
Discard discardOf(const Expr &E, ASTContext &Context);

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_DISCARDEDVALUE_H
