//===--- UnawaitedCheck.cpp - valuetask-unawaited ------------------------===//

#include "UnawaitedCheck.h"
#include "clang/AST/ExprCXX.h"
#include "utils/DiscardedValue.h"
#include "utils/SpelledValueTask.h"

using namespace clang::ast_matchers;

namespace clang::tidy::valuetask {

namespace {
/// A value the expression creates, not a reference to an existing object.
AST_MATCHER(Expr, isPRValue) { return Node.isPRValue(); }
} // namespace

static constexpr StringRef CallId = "value-task-call";
static constexpr StringRef DependentCallId = "dependent-call";

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
  // statement.
  matchAnalysableFunctions(*Finder, this);
  const auto ReturnsValueTask =
      callExpr(hasType(qualType(Types.valueTaskType())), isPRValue());
  Finder->addMatcher(
      expr(ReturnsValueTask, unless(isInTemplateInstantiation())).bind(CallId),
      this);
  // In a template, a call to `template <class T> vt::ValueTask<T> f(T)` is
  // unresolved until instantiation; the pattern is checked once instead.
  Finder->addMatcher(callExpr(isTypeDependent()).bind(DependentCallId), this);
}

void UnawaitedCheck::check(const MatchFinder::MatchResult &Result) {
  if (const CallExpr *Call = valueTaskCall(Result)) {
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

const CallExpr *
UnawaitedCheck::valueTaskCall(const MatchFinder::MatchResult &Result) const {
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>(CallId))
    return Call;
  const auto *Dependent = Result.Nodes.getNodeAs<CallExpr>(DependentCallId);
  return Dependent && returnsSpelledValueTask(*Dependent, Types) ? Dependent
                                                                 : nullptr;
}

void UnawaitedCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Types.store(Opts, Options);
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
