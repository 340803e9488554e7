//===--- AnalysableFunctions.cpp - the functions the flow checks analyse ===//

#include "utils/AnalysableFunctions.h"
#include "utils/WrittenInSource.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"

using namespace clang::ast_matchers;

namespace clang::tidy::valuetask {

static constexpr llvm::StringLiteral FunctionId = "vt-analysed-function";
static constexpr llvm::StringLiteral LambdaId = "vt-analysed-lambda";

void matchAnalysableFunctions(MatchFinder &Finder,
                              MatchFinder::MatchCallback *Check) {
  const auto LambdaCallOperator =
      cxxMethodDecl(ofClass(cxxRecordDecl(isLambda())));
  // Written in source: never an instantiation, whose findings would repeat
  // the primary template's.
  const auto OwnFunction = functionDecl(isDefinition(), unless(isImplicit()),
                                        unless(LambdaCallOperator));
  Finder.addMatcher(writtenInSource(OwnFunction.bind(FunctionId)), Check);
  Finder.addMatcher(writtenInSource(lambdaExpr().bind(LambdaId)), Check);
}

const FunctionDecl *
analysableFunction(const MatchFinder::MatchResult &Result) {
  if (const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>(LambdaId))
    return Lambda->getCallOperator();
  return Result.Nodes.getNodeAs<FunctionDecl>(FunctionId);
}

} // namespace clang::tidy::valuetask
