//===--- OwnReturnStatements.h - a function's own return statements ------===//
//
// The return statements that leave a given function, found by walking down
// its body: those of lambdas, blocks and local classes written inside it
// return from those, not from the function. (The matcher way,
// returnStmt(forCallable(equalsNode(F))), walks up from every return
// statement and builds the whole translation unit's parent map on the
// first call: see WrittenInSource.h.)
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_OWNRETURNSTATEMENTS_H
#define VTLINT_CHECKS_UTILS_OWNRETURNSTATEMENTS_H

#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::valuetask {

/// The return statements in \p Body that return from the function whose
/// body it is, in source order.
llvm::SmallVector<const ReturnStmt *, 4> ownReturnStatements(const Stmt &Body);

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_OWNRETURNSTATEMENTS_H
