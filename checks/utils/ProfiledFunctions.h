//===--- ProfiledFunctions.h - the definitions a profile can speak of ----===//
//
// The profile-guided checks look at function definitions as written: plain
// functions and methods, primary templates (a profile sums every
// instantiation into one entry) and lambdas (matched by file and line: their
// entries have no usable name), never instantiations.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_PROFILEDFUNCTIONS_H
#define VTLINT_CHECKS_UTILS_PROFILEDFUNCTIONS_H

#include "clang/AST/Decl.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace clang::tidy::valuetask {

/// Registers matchers, on behalf of \p Check, for every function definition
/// whose return type matches \p ReturnType and, with \p Lambdas, for every
/// lambda (whose return type the check tests itself).
void matchProfiledFunctions(
    ast_matchers::MatchFinder &Finder,
    ast_matchers::MatchFinder::MatchCallback *Check,
    const ast_matchers::internal::Matcher<QualType> &ReturnType, bool Lambdas);

/// The function bound by matchProfiledFunctions, or null (also for invalid
/// declarations and ones without a body).
const FunctionDecl *
profiledFunction(const ast_matchers::MatchFinder::MatchResult &Result);

/// True for a lambda's call operator.
bool isLambdaCallOperator(const FunctionDecl &Function);

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_PROFILEDFUNCTIONS_H
