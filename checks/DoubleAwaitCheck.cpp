//===--- DoubleAwaitCheck.cpp - valuetask-double-await -------------------===//

#include "DoubleAwaitCheck.h"

using namespace clang::ast_matchers;

namespace clang::tidy::valuetask {

void DoubleAwaitCheck::check(const MatchFinder::MatchResult &Result) {
  if (const ConsumptionFindings *Found = findings(Result))
    for (const DoubleConsumption &Finding : Found->DoubleConsumptions)
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
