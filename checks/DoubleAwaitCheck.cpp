//===--- DoubleAwaitCheck.cpp - valuetask-double-await -------------------===//

#include "DoubleAwaitCheck.h"
#include "utils/Advice.h"

using namespace clang::ast_matchers;

namespace clang::tidy::valuetask {

void DoubleAwaitCheck::check(const MatchFinder::MatchResult &Result) {
  if (const ConsumptionFindings *Found = findings(Result))
    for (const DoubleConsumption &Finding : Found->DoubleConsumptions)
      diagnose(Finding);
}

void DoubleAwaitCheck::diagnose(const DoubleConsumption &Finding) {
  diag(Finding.Second, consumedTwiceMessage(*Finding.Model)) << Finding.Var;
  diag(Finding.First, "first consumed here", DiagnosticIDs::Note);
}

} // namespace clang::tidy::valuetask
