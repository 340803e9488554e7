//===--- WrittenBodyCFG.h - the CFG of the body the user wrote -----------===//
//
// The flow analyses (ConsumptionAnalysis, CoroutinePaths) look at the code
// the user wrote: for a coroutine, its written body, without the compiler's
// promise, initial and final suspends. One more step is needed in a
// coroutine template whose promise type is already known (it returns
// `vt::Task<>`, not `vt::Task<T>`): an await of a dependent operand keeps
// its operand but has no ready, suspend and resume expressions yet, and the
// CFG builder refuses a null child. While the CFG is built, each such hole
// holds a `true` literal of no consequence (the await itself stays one
// element, where the analyses anchor what it does); the holes are restored
// before this returns.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_WRITTENBODYCFG_H
#define VTLINT_CHECKS_UTILS_WRITTENBODYCFG_H

#include "clang/Analysis/CFG.h"
#include <memory>

namespace clang::tidy::valuetask {

/// The statement the user wrote as \p Body: a coroutine's own body, any
/// other body as it is.
const Stmt *writtenBody(const Stmt *Body);

/// The CFG of \p Body (already the written body), or null when clang cannot
/// build one (invalid code).
std::unique_ptr<CFG> buildWrittenBodyCFG(const Decl *D, const Stmt *Body,
                                         ASTContext &Context,
                                         const CFG::BuildOptions &Options);

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_WRITTENBODYCFG_H
