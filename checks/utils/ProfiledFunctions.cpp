//===--- ProfiledFunctions.cpp - the definitions a profile can speak of --===//

#include "ProfiledFunctions.h"
#include "utils/WrittenInSource.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"

using namespace clang::ast_matchers;

namespace clang::tidy::valuetask {

static constexpr llvm::StringLiteral ProfiledFunctionId = "profiled-function";
static constexpr llvm::StringLiteral ProfiledLambdaId = "profiled-lambda";

void matchProfiledFunctions(MatchFinder &Finder,
                            MatchFinder::MatchCallback *Check,
                            const internal::Matcher<QualType> &ReturnType,
                            bool Lambdas) {
  const auto WrittenOnce =
      allOf(unless(isExpansionInSystemHeader()), unless(isImplicit()));
  Finder.addMatcher(
      writtenInSource(functionDecl(isDefinition(), returns(ReturnType),
                                   WrittenOnce)
                          .bind(ProfiledFunctionId)),
      Check);
  // The traversal as written does not enter a lambda's class: its call
  // operator is reached through the lambda expression (the return type is
  // tested by the check: a lambda's is rarely a value task).
  if (Lambdas)
    Finder.addMatcher(writtenInSource(lambdaExpr().bind(ProfiledLambdaId)), Check);
}

const FunctionDecl *profiledFunction(const MatchFinder::MatchResult &Result) {
  const FunctionDecl *Function = Result.Nodes.getNodeAs<FunctionDecl>(ProfiledFunctionId);
  if (const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>(ProfiledLambdaId))
    Function = Lambda->getCallOperator();
  if (!Function || Function->isInvalidDecl() || !Function->getBody() ||
      Function->getReturnType()->isReferenceType())
    return nullptr;
  return Function;
}

bool isLambdaCallOperator(const FunctionDecl &Function) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Function);
  return Method && Method->getParent()->isLambda();
}

} // namespace clang::tidy::valuetask
