//===--- ResultBeforeCompletionCheck.cpp - valuetask-result-before-completion

#include "ResultBeforeCompletionCheck.h"
#include "utils/Advice.h"
#include "utils/WrittenInSource.h"

using namespace clang::ast_matchers;

namespace clang::tidy::valuetask {

namespace {
/// A value the expression creates, not a reference to an existing object.
AST_MATCHER(Expr, isPRValue) { return Node.isPRValue(); }
/// An expression of a type some task-type model describes.
AST_MATCHER_P(Expr, hasModeledType, const TaskModels *, Models) {
  return Models->modelOf(Node.getType()) != nullptr;
}
} // namespace

static constexpr StringRef TemporaryReadId = "temporary-read";

void ResultBeforeCompletionCheck::registerMatchers(MatchFinder *Finder) {
  // Variables need the flow analysis; a value task fresh off a call cannot
  // have been checked by anyone.
  ConsumptionCheck::registerMatchers(Finder);
  const auto FreshTask = expr(isPRValue(), ignoringImplicit(callExpr()),
                              hasModeledType(&Models));
  Finder->addMatcher(
      writtenInSource(cxxMemberCallExpr(on(ignoringImplicit(FreshTask)))
                          .bind(TemporaryReadId)),
      this);
}

void ResultBeforeCompletionCheck::check(
    const MatchFinder::MatchResult &Result) {
  if (const auto *Read =
          Result.Nodes.getNodeAs<CXXMemberCallExpr>(TemporaryReadId)) {
    checkTemporary(*Read);
    return;
  }
  if (const ConsumptionFindings *Found = findings(Result))
    for (const ResultBeforeCompletion &Finding : Found->ResultsBeforeCompletion)
      diagnoseVariable(Finding);
}

void ResultBeforeCompletionCheck::diagnoseVariable(
    const ResultBeforeCompletion &Finding) {
  const TaskModel *Model = Finding.Model;
  diag(Finding.Call, notCompleteMessage(*Model, Finding.Operation))
      << Finding.Var;
}

/// `fetch().result()`: an accessor that needs completion, on a task nobody
/// could have checked yet.
void ResultBeforeCompletionCheck::checkTemporary(const CXXMemberCallExpr &Call) {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  const TaskModel *Model =
      Models.modelOf(Call.getImplicitObjectArgument()->getType());
  if (!Method || !Method->getIdentifier() || !Model)
    return;
  const MemberRule *Rule = Model->member(Method->getName());
  if (!Rule || (Rule->Effect != MemberEffect::ConsumeRequiringCompletion &&
                Rule->Effect != MemberEffect::ReadRequiringCompletion))
    return;
  diag(Call.getExprLoc(),
       notCompleteTemporaryMessage(*Model, Method->getName()));
}

} // namespace clang::tidy::valuetask
