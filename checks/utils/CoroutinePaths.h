//===--- CoroutinePaths.h - can a coroutine finish without suspending? ----===//
//
// A path analysis over a coroutine body's CFG. It answers two questions:
// can the body complete at all (reach a co_return, or fall off its end, as
// opposed to throwing or never leaving a loop), and can it complete without
// first passing an "asynchronous point", a co_await the caller says always
// suspends.
//
// Protocol:
//  1. Build the CFG of the body the user wrote (not the compiler's initial
//     and final suspends); co_return is a jump to the exit block there.
//  2. Walk it from the entry with one bit of state, "an asynchronous point
//     was passed", visiting each (block, bit) pair at most once, so loops
//     terminate and every path is covered.
//  3. Exception edges lead from each call that may throw to the handlers of
//     its try block, which are walked with the bit of that call; an
//     exception edge into the exit (the exception leaves) is not a
//     completion.
//  4. Any other edge into the exit block from a block that neither throws
//     nor calls a noreturn function is a completion; record it with the
//     current bit.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_COROUTINEPATHS_H
#define VTLINT_CHECKS_UTILS_COROUTINEPATHS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>

namespace clang::tidy::valuetask {

struct CompletionPaths {
  /// Some path reaches a co_return or the end of the body.
  bool CanComplete = false;
  /// Some such path passes no asynchronous point on the way.
  bool CanCompleteWithoutAsyncPoint = false;
};

/// Analyses \p Body, the statement a coroutine's user-written body.
/// \p IsAsyncPoint is asked about every CoawaitExpr and DependentCoawaitExpr.
/// std::nullopt when no CFG can be built (invalid code).
std::optional<CompletionPaths>
analyzeCompletionPaths(const Stmt &Body, ASTContext &Context,
                       llvm::function_ref<bool(const Expr &Await)> IsAsyncPoint);

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_COROUTINEPATHS_H
