//===--- ResultBeforeCompletionCheck.cpp - valuetask-result-before-completion

#include "ResultBeforeCompletionCheck.h"
#include "utils/WrittenInSource.h"

using namespace clang::ast_matchers;

namespace clang::tidy::valuetask {

namespace {
/// A value the expression creates, not a reference to an existing object.
AST_MATCHER(Expr, isPRValue) { return Node.isPRValue(); }
} // namespace

static constexpr StringRef TemporaryReadId = "temporary-read";

void ResultBeforeCompletionCheck::registerMatchers(MatchFinder *Finder) {
  // Variables need the flow analysis; a value task fresh off a call cannot
  // have been checked by anyone.
  ConsumptionCheck::registerMatchers(Finder);
  const auto FreshValueTask =
      expr(hasType(qualType(Types.valueTaskType())), isPRValue(),
           ignoringImplicit(callExpr()));
  const auto ResultMethod = cxxMethodDecl(hasName("result"));
  Finder->addMatcher(
      writtenInSource(cxxMemberCallExpr(callee(ResultMethod),
                                        on(ignoringImplicit(FreshValueTask)))
                          .bind(TemporaryReadId)),
      this);
}

void ResultBeforeCompletionCheck::check(
    const MatchFinder::MatchResult &Result) {
  if (const auto *Read =
          Result.Nodes.getNodeAs<CXXMemberCallExpr>(TemporaryReadId)) {
    diagnoseTemporary(*Read);
    return;
  }
  if (const ConsumptionFindings *Found = findings(Result))
    for (const ResultBeforeCompletion &Finding : Found->ResultsBeforeCompletion)
      diagnoseVariable(Finding);
}

void ResultBeforeCompletionCheck::diagnoseVariable(
    const ResultBeforeCompletion &Finding) {
  diag(Finding.Call, "result() is called on value task %0 that may not be "
                     "complete; check is_completed() first or co_await it")
      << Finding.Var;
}

void ResultBeforeCompletionCheck::diagnoseTemporary(
    const CXXMemberCallExpr &Call) {
  diag(Call.getExprLoc(),
       "result() is called on a value task fresh from a call, which may not "
       "be complete; keep it in a variable and check is_completed() first, "
       "or co_await it");
}

} // namespace clang::tidy::valuetask
