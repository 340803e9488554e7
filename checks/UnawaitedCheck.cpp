//===--- UnawaitedCheck.cpp - valuetask-unawaited ------------------------===//

#include "UnawaitedCheck.h"
#include "utils/DiscardedValue.h"

using namespace clang::ast_matchers;

namespace clang::tidy::valuetask {

namespace {
/// A value the expression creates, not a reference to an existing object.
AST_MATCHER(Expr, isPRValue) { return Node.isPRValue(); }
} // namespace

static constexpr StringRef CallId = "value-task-call";

void UnawaitedCheck::registerMatchers(MatchFinder *Finder) {
  // Locals need the flow analysis; a discarded call is local to its
  // statement.
  matchAnalysableFunctions(*Finder, this);
  const auto ReturnsValueTask =
      callExpr(hasType(qualType(Types.valueTaskType())), isPRValue());
  Finder->addMatcher(
      expr(ReturnsValueTask, unless(isInTemplateInstantiation())).bind(CallId),
      this);
}

void UnawaitedCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>(CallId)) {
    Discard Kind = discardOf(*Call, *Result.Context);
    if (Kind == Discard::Silent ||
        (Kind == Discard::Explicit && !AllowExplicitDiscard))
      diagnoseDiscardedCall(*Call);
    return;
  }
  const FunctionDecl *Function = analysableFunction(Result);
  if (!Function)
    return;
  for (const UnconsumedValue &Finding :
       analyzeConsumption(*Function, *Result.Context, Types).UnconsumedValues)
    diagnoseUnconsumedLocal(Finding);
}

void UnawaitedCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Types.store(Opts, Options);
  Options.store(Opts, "AllowExplicitDiscard", AllowExplicitDiscard);
}

void UnawaitedCheck::diagnoseDiscardedCall(const CallExpr &Call) {
  const auto *Callee = dyn_cast_or_null<NamedDecl>(Call.getCalleeDecl());
  bool Named = Callee && Callee->getIdentifier();
  diag(Call.getBeginLoc(),
       "value task returned by %select{this call|'%1'}0 is never awaited; a "
       "dropped value task loses its result and its errors: co_await it")
      << Named << (Named ? Callee->getName() : StringRef());
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
