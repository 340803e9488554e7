//===--- ResultBeforeCompletionCheck.h - valuetask-result-before-completion ===//

#ifndef VTLINT_CHECKS_RESULTBEFORECOMPLETIONCHECK_H
#define VTLINT_CHECKS_RESULTBEFORECOMPLETIONCHECK_H

#include "utils/ConsumptionCheck.h"

namespace clang::tidy::valuetask {

/// Finds `result()` called on a value task that is not known to be
/// complete: no dominating is_completed() (or is_completed_successfully(),
/// is_faulted(), is_canceled()) check, no earlier assert(v.is_completed()),
/// no earlier co_await. The runtime throws InvalidOperationError there when
/// the value task is still pending. A value task read straight off a call
/// (`fetch().result()`) is never known to be complete. Reported at the
/// `result` token.
///
/// For the user-facing documentation see:
/// docs/checks/valuetask-result-before-completion.md
class ResultBeforeCompletionCheck : public ConsumptionCheck {
public:
  ResultBeforeCompletionCheck(StringRef Name, ClangTidyContext *Context)
      : ConsumptionCheck(Name, Context) {}
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void diagnoseVariable(const ResultBeforeCompletion &Finding);
  void checkTemporary(const CXXMemberCallExpr &Call);
};

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_RESULTBEFORECOMPLETIONCHECK_H
