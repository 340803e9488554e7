//===--- DoubleAwaitCheck.h - valuetask-double-await ---------------------===//

#ifndef VTLINT_CHECKS_DOUBLEAWAITCHECK_H
#define VTLINT_CHECKS_DOUBLEAWAITCHECK_H

#include "utils/ConsumptionCheck.h"

namespace clang::tidy::valuetask {

/// Finds a value task that may be consumed more than once on some path:
/// awaited twice, awaited after result() or as_task(), moved away and then
/// used, in a loop it was created before, in a handler after its try block
/// consumed it. Flow-sensitive over the CFG with correct joins; exclusive
/// branches, the is_completed() fast path, a fresh value per loop iteration
/// and reassignment between consumptions are fine. Reported at the second
/// consumption with a note at the first.
///
/// For the user-facing documentation see:
/// docs/checks/valuetask-double-await.md
class DoubleAwaitCheck : public ConsumptionCheck {
public:
  DoubleAwaitCheck(StringRef Name, ClangTidyContext *Context)
      : ConsumptionCheck(Name, Context) {}
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void diagnose(const DoubleConsumption &Finding);
};

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_DOUBLEAWAITCHECK_H
