//===--- AnalysableFunctions.h - the functions the flow checks analyse --===//
//
// The flow-sensitive checks analyse function bodies, each exactly once:
// ordinary functions, primary templates (never their instantiations, which
// would repeat every finding per instantiation) and the call operator of
// each lambda (a lambda body is a function of its own).
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_ANALYSABLEFUNCTIONS_H
#define VTLINT_CHECKS_UTILS_ANALYSABLEFUNCTIONS_H

#include "clang/AST/Decl.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace clang::tidy::valuetask {

/// Registers, on behalf of \p Check, matchers that yield each function
/// worth analysing exactly once: ordinary functions, primary templates
/// (never their instantiations) and each lambda's call operator.
void matchAnalysableFunctions(ast_matchers::MatchFinder &Finder,
                              ast_matchers::MatchFinder::MatchCallback *Check);

/// The function bound by matchAnalysableFunctions, or null.
const FunctionDecl *
analysableFunction(const ast_matchers::MatchFinder::MatchResult &Result);

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_ANALYSABLEFUNCTIONS_H
