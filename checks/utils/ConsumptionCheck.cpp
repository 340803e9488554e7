//===--- ConsumptionCheck.cpp - the shape of the three flow checks --------===//

#include "utils/ConsumptionCheck.h"
#include "utils/AnalysableFunctions.h"

namespace clang::tidy::valuetask {

void ConsumptionCheck::registerMatchers(ast_matchers::MatchFinder *Finder) {
  matchAnalysableFunctions(*Finder, this);
}

const ConsumptionFindings *ConsumptionCheck::findings(
    const ast_matchers::MatchFinder::MatchResult &Result) const {
  const FunctionDecl *Function = analysableFunction(Result);
  if (!Function)
    return nullptr;
  return &sharedConsumption(*Function, *Result.Context, Models);
}

} // namespace clang::tidy::valuetask
