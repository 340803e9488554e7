//===--- ProfiledFunctions.cpp - the definitions a profile can speak of --===//

#include "ProfiledFunctions.h"
#include "utils/WrittenInSource.h"
#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"

using namespace clang::ast_matchers;

namespace clang::tidy::valuetask {

static constexpr llvm::StringLiteral ProfiledFunctionId = "profiled-function";

void matchProfiledFunctions(MatchFinder &Finder,
                            MatchFinder::MatchCallback *Check,
                            const internal::Matcher<QualType> &ReturnType) {
  const auto WrittenOnce =
      allOf(unless(isExpansionInSystemHeader()), unless(isImplicit()));
  const auto LambdaCallOperator =
      cxxMethodDecl(ofClass(cxxRecordDecl(isLambda())));
  Finder.addMatcher(
      writtenInSource(functionDecl(isDefinition(), returns(ReturnType),
                                   WrittenOnce, unless(LambdaCallOperator))
                          .bind(ProfiledFunctionId)),
      Check);
}

const FunctionDecl *profiledFunction(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>(ProfiledFunctionId);
  if (!Function || Function->isInvalidDecl() || !Function->getBody() ||
      Function->getReturnType()->isReferenceType())
    return nullptr;
  return Function;
}

} // namespace clang::tidy::valuetask
