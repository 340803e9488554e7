//===--- PreferValueTaskCheck.cpp - valuetask-prefer-valuetask -------------===//

#include "PreferValueTaskCheck.h"

namespace clang::tidy::valuetask {

void PreferValueTaskCheck::diagnose(const FunctionDecl &Function,
                                    const FunctionCounts &Counts,
                                    const ASTContext &Context) {
  // Every synchronous call allocated a task (its coroutine frame or shared
  // state) that a ready value task would have carried inline.
  auto Diag = diag(Function.getLocation(),
                   "%0 completed synchronously on %1%% of %2 calls; "
                   "returning %3 would avoid about %4 allocations");
  nameFunction(Diag, Function);
  Diag << formatPercent(Counts.Sync, Counts.Calls)
      << formatCount(Counts.Calls)
      << suggestedReturnType(Function, Context).Spelling
      << formatCount(Counts.Sync);
}

} // namespace clang::tidy::valuetask
