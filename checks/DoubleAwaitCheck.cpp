//===--- DoubleAwaitCheck.cpp - valuetask-double-await -------------------===//

#include "DoubleAwaitCheck.h"

using namespace clang::ast_matchers;

namespace clang::tidy::valuetask {

void DoubleAwaitCheck::registerMatchers(MatchFinder *Finder) {
  matchAnalysableFunctions(*Finder, this);
}

void DoubleAwaitCheck::check(const MatchFinder::MatchResult &Result) {
  const FunctionDecl *Function = analysableFunction(Result);
  if (!Function)
    return;
  for (const DoubleConsumption &Finding :
       sharedConsumption(*Function, *Result.Context, Types).DoubleConsumptions)
    diagnose(Finding);
}

void DoubleAwaitCheck::diagnose(const DoubleConsumption &Finding) {
  diag(Finding.Second,
       "value task %0 is consumed a second time; a value task can be consumed "
       "only once: await it once, or call as_task() and await the task")
      << Finding.Var;
  diag(Finding.First, "first consumed here", DiagnosticIDs::Note);
}

} // namespace clang::tidy::valuetask
