//===--- UnawaitedCheck.cpp - valuetask-unawaited ------------------------===//

#include "UnawaitedCheck.h"
#include "clang/AST/ExprCXX.h"
#include "utils/DiscardedValue.h"
#include "utils/SpelledValueTask.h"
#include "utils/WrittenInSource.h"

using namespace clang::ast_matchers;

namespace clang::tidy::valuetask {

static constexpr StringRef DiscardingStmtId = "discarding-statement";

namespace {
/// `[[likely]] call();`: clang has no matcher for attributed statements.
const internal::VariadicDynCastAllOfMatcher<Stmt, AttributedStmt>
    attributedStmt; // NOLINT(readability-identifier-naming): a matcher
} // namespace

/// The called function's name, also for a call a template has not resolved
/// yet; empty for an unnamed callee (a lambda, an operator).
static StringRef calleeName(const CallExpr &Call) {
  if (const auto *Callee = dyn_cast_or_null<NamedDecl>(Call.getCalleeDecl()))
    return Callee->getIdentifier() ? Callee->getName() : StringRef();
  const auto *Lookup =
      dyn_cast<OverloadExpr>(Call.getCallee()->IgnoreParenImpCasts());
  return Lookup && Lookup->getName().isIdentifier()
             ? Lookup->getName().getAsIdentifierInfo()->getName()
             : StringRef();
}

void UnawaitedCheck::registerMatchers(MatchFinder *Finder) {
  // Locals need the flow analysis; a discarded call is local to its
  // statement, found from the statements that discard values
  // (DiscardedValue.h), each kind its own matcher so that the finder only
  // tries it on nodes of that kind. Templates are checked once, at the
  // pattern: a call there may be unresolved yet (valueTaskCall).
  ConsumptionCheck::registerMatchers(Finder);
  for (const auto &DiscardingStmt :
       {compoundStmt(), ifStmt(), whileStmt(), doStmt(), forStmt(),
        cxxForRangeStmt(), switchCase(), labelStmt(), attributedStmt(),
        binaryOperator(hasOperatorName(",")), explicitCastExpr(),
        cxxOperatorCallExpr(hasOverloadedOperatorName("="))})
    Finder->addMatcher(writtenInSource(stmt(DiscardingStmt).bind(DiscardingStmtId)),
                       this);
}

void UnawaitedCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Parent = Result.Nodes.getNodeAs<Stmt>(DiscardingStmtId)) {
    for (const DiscardedValue &Discarded : discardedValues(*Parent)) {
      const CallExpr *Call = valueTaskCall(*Discarded.Value);
      if (Call && (Discarded.Kind == Discard::Silent || !AllowExplicitDiscard))
        diagnoseDiscardedCall(*Call);
    }
    return;
  }
  if (const ConsumptionFindings *Found = findings(Result))
    for (const UnconsumedValue &Finding : Found->UnconsumedValues)
      diagnoseUnconsumedLocal(Finding);
}

const CallExpr *UnawaitedCheck::valueTaskCall(const Expr &Value) const {
  const auto *Call = dyn_cast<CallExpr>(&Value);
  if (!Call)
    return nullptr;
  // A value the call creates, not a reference to an existing value task.
  if (Call->isPRValue() && Types.isValueTask(Call->getType()))
    return Call;
  return Call->isTypeDependent() && returnsSpelledValueTask(*Call, Types)
             ? Call
             : nullptr;
}

void UnawaitedCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ConsumptionCheck::storeOptions(Opts);
  Options.store(Opts, "AllowExplicitDiscard", AllowExplicitDiscard);
}

void UnawaitedCheck::diagnoseDiscardedCall(const CallExpr &Call) {
  StringRef Callee = calleeName(Call);
  diag(Call.getBeginLoc(),
       "value task returned by %select{this call|'%1'}0 is never awaited; a "
       "dropped value task loses its result and its errors: co_await it")
      << !Callee.empty() << Callee;
}

void UnawaitedCheck::diagnoseUnconsumedLocal(const UnconsumedValue &Finding) {
  if (Finding.Overwritten) {
    diag(Finding.Exit,
         "value task %0 is overwritten before it is consumed on some path; "
         "the old value task is dropped with its result and its errors: "
         "co_await it first")
        << Finding.Var;
    return;
  }
  diag(Finding.Var->getLocation(),
       "value task %0 is not consumed on every path; a dropped value task "
       "loses its result and its errors: co_await it, or call result() or "
       "as_task() on it")
      << Finding.Var;
  if (Finding.Exit.isValid())
    diag(Finding.Exit, "%0 goes out of scope here without being consumed",
         DiagnosticIDs::Note)
        << Finding.Var;
}

} // namespace clang::tidy::valuetask
