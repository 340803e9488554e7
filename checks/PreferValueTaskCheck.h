//===--- PreferValueTaskCheck.h - valuetask-prefer-valuetask ---------------===//

#ifndef VTLINT_CHECKS_PREFERVALUETASKCHECK_H
#define VTLINT_CHECKS_PREFERVALUETASKCHECK_H

#include "utils/ProfileGuidedCheck.h"

namespace clang::tidy::valuetask {

/// Profile-guided: finds functions returning a Task that, in the profile
/// named by `ProfileFile`, completed synchronously on at least
/// `PreferSyncRate` (default 70%) of at least `MinCalls` (default 1000)
/// calls. Each of those calls allocated a task for a result that was
/// already there; a value task would have carried it inline. No fix-it:
/// a Task may be awaited many times and a value task only once, so the
/// callers must be checked by hand. Without a profile it reports nothing.
///
/// For the user-facing documentation see:
/// docs/checks/valuetask-prefer-valuetask.md
class PreferValueTaskCheck : public ProfileGuidedCheck {
public:
  PreferValueTaskCheck(StringRef Name, ClangTidyContext *Context)
      : ProfileGuidedCheck(Name, Context, ProfiledReturn::Task,
                           "PreferSyncRate", "70%") {}

private:
  bool isFinding(double SyncRate) const override {
    return SyncRate >= threshold();
  }
  void diagnose(const FunctionDecl &Function, const FunctionCounts &Counts,
                const ASTContext &Context) override;
};

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_PREFERVALUETASKCHECK_H
