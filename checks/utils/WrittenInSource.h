//===--- WrittenInSource.h - match code as written, cheaply --------------===//
//
// The checks look at each piece of code once, as the user wrote it: never
// per template instantiation (that would repeat a finding per instantiation)
// and never at declarations the compiler made up. clang's matchers for that,
// isInstantiated() and isInTemplateInstantiation(), ask for the node's
// ancestors, and the first ancestor query of a translation unit builds a
// parent map of the whole AST, every standard header included: measured on
// the lint benchmark (bench/lint), that one map cost more than all the
// checks' own work together. The matcher's traversal already knows whether
// it is inside an instantiation or an implicit declaration, and skips both
// for matchers in TK_IgnoreUnlessSpelledInSource mode; so do we, and no
// check may ask for ancestors (hasParent, hasAncestor, getParents).
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_WRITTENINSOURCE_H
#define VTLINT_CHECKS_UTILS_WRITTENINSOURCE_H

#include "clang/ASTMatchers/ASTMatchers.h"
#include <utility>

namespace clang::tidy::valuetask {

/// Matches what \p Inner matches, only outside template instantiations and
/// implicit declarations. Inner matchers see the code without the implicit
/// nodes clang adds (casts, temporaries), as with ignoringImplicit(); the
/// check's callback still gets the full AST.
template <typename MatcherT> auto writtenInSource(MatcherT &&Inner) {
  return ast_matchers::traverse(TK_IgnoreUnlessSpelledInSource,
                                std::forward<MatcherT>(Inner));
}

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_WRITTENINSOURCE_H
