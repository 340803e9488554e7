//===--- UnawaitedCheck.cpp - valuetask-unawaited ------------------------===//

#include "UnawaitedCheck.h"
#include "clang/AST/ExprCXX.h"
#include "utils/Advice.h"
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
      if (Discarded.Kind == Discard::Explicit && AllowExplicitDiscard)
        continue;
      for (const Expr *Value : possibleValues(*Discarded.Value))
        if (auto [Call, Model] = taskCall(*Value); Call)
          diagnoseDiscardedCall(*Call, *Model);
    }
    return;
  }
  if (const ConsumptionFindings *Found = findings(Result))
    for (const UnconsumedValue &Finding : Found->UnconsumedValues)
      diagnoseUnconsumedLocal(Finding);
}

/// The values a discarded expression may produce: `c ? get(1) : get(2)`
/// throws both arms away, `(log(), get())` its last operand.
llvm::SmallVector<const Expr *, 2>
UnawaitedCheck::possibleValues(const Expr &Value) {
  const Expr *E = Value.IgnoreParenImpCasts();
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
    E = Cleanups->getSubExpr()->IgnoreParenImpCasts();
  while (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
    E = Bind->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Conditional = dyn_cast<ConditionalOperator>(E)) {
    llvm::SmallVector<const Expr *, 2> Values =
        possibleValues(*Conditional->getTrueExpr());
    Values.append(possibleValues(*Conditional->getFalseExpr()));
    return Values;
  }
  if (const auto *Comma = dyn_cast<BinaryOperator>(E);
      Comma && Comma->getOpcode() == BO_Comma)
    return possibleValues(*Comma->getRHS());
  return {E};
}

std::pair<const CallExpr *, const TaskModel *>
UnawaitedCheck::taskCall(const Expr &Value) const {
  const auto *Call = dyn_cast<CallExpr>(&Value);
  if (!Call)
    return {};
  // A value the call creates, not a reference to an existing task.
  const TaskModel *Model = nullptr;
  if (Call->isPRValue() && !Call->isTypeDependent())
    Model = Models.modelOf(Call->getType());
  else if (Call->isTypeDependent())
    Model = modelReturnedBy(*Call, Models);
  // A shared task may be awaited through a copy; only a lazy one dropped
  // unawaited never runs.
  if (!Model || (Model->Kind == TaskKind::Shareable && !Model->Lazy))
    return {};
  return {Call, Model};
}

void UnawaitedCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ConsumptionCheck::storeOptions(Opts);
  Options.store(Opts, "AllowExplicitDiscard", AllowExplicitDiscard);
}

void UnawaitedCheck::diagnoseDiscardedCall(const CallExpr &Call,
                                           const TaskModel &Model) {
  StringRef Callee = calleeName(Call);
  diag(Call.getBeginLoc(), discardedCallMessage(Model))
      << !Callee.empty() << Callee;
}

void UnawaitedCheck::diagnoseUnconsumedLocal(const UnconsumedValue &Finding) {
  const TaskModel *Model = Finding.Model;
  if (Finding.Overwritten) {
    diag(Finding.Exit, overwrittenMessage(*Model)) << Finding.Var;
    return;
  }
  diag(Finding.Var->getLocation(), notConsumedMessage(*Model)) << Finding.Var;
  if (Finding.Exit.isValid())
    diag(Finding.Exit, "%0 goes out of scope here without being consumed",
         DiagnosticIDs::Note)
        << Finding.Var;
}

} // namespace clang::tidy::valuetask
