//===--- LowSyncRateCheck.h - valuetask-low-sync-rate ----------------------===//

#ifndef VTLINT_CHECKS_LOWSYNCRATECHECK_H
#define VTLINT_CHECKS_LOWSYNCRATECHECK_H

#include "utils/ProfileGuidedCheck.h"

namespace clang::tidy::valuetask {

/// Profile-guided: finds functions returning a value task that, in the
/// profile named by `ProfileFile`, completed synchronously on less than
/// `MinSyncRate` (default 50%) of at least `MinCalls` (default 1000) calls.
/// A value task pays off only on the synchronous path; on the others it adds
/// a wrapper around the allocation it was meant to avoid, so the function
/// should return the task. A fix-it changes `ValueTask<X>` to `Task<X>` for
/// a coroutine declared once, outside any macro, not virtual. Without a
/// profile the check reports nothing.
///
/// For the user-facing documentation see:
/// docs/checks/valuetask-low-sync-rate.md
class LowSyncRateCheck : public ProfileGuidedCheck {
public:
  LowSyncRateCheck(StringRef Name, ClangTidyContext *Context)
      : ProfileGuidedCheck(Name, Context, ProfiledReturn::ValueTask,
                           "MinSyncRate", "50%") {}

private:
  bool isFinding(double SyncRate) const override {
    return SyncRate < threshold();
  }
  void diagnose(const FunctionDecl &Function, const FunctionCounts &Counts,
                const ASTContext &Context) override;
};

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_LOWSYNCRATECHECK_H
