//===--- LowSyncRateCheck.cpp - valuetask-low-sync-rate --------------------===//

#include "LowSyncRateCheck.h"
#include "clang/AST/StmtCXX.h"
#include "utils/ReturnTypeSpelling.h"

namespace clang::tidy::valuetask {

void LowSyncRateCheck::diagnose(const FunctionDecl &Function,
                                const FunctionCounts &Counts,
                                const ASTContext &Context) {
  Suggestion Task = suggestedReturnType(Function, Context);
  auto Diag = diag(Function.getLocation(),
                   "%0 completed synchronously on %1%% of %2 calls; a "
                   "ValueTask pays off only when most calls complete "
                   "synchronously; return %3");
  nameFunction(Diag, Function);
  Diag << formatPercent(Counts.Sync, Counts.Calls)
              << formatCount(Counts.Calls) << Task.Spelling;
  // Only a coroutine keeps compiling with the other return type: a plain
  // function's `return value;` has no Task to convert to.
  if (!Task.Sibling || !isa_and_nonnull<CoroutineBodyStmt>(Function.getBody()))
    return;
  if (std::optional<FixItHint> Fix =
          renameReturnTemplate(Function, unqualifiedName(*Task.Sibling)))
    Diag << *Fix;
}

} // namespace clang::tidy::valuetask
