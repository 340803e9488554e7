//===--- UnawaitedCheck.h - valuetask-unawaited --------------------------===//

#ifndef VTLINT_CHECKS_UNAWAITEDCHECK_H
#define VTLINT_CHECKS_UNAWAITEDCHECK_H

#include "utils/ConsumptionCheck.h"

namespace clang::tidy::valuetask {

/// Finds value tasks nobody consumes: a call returning a value task whose
/// result is discarded as a statement, or explicitly with `(void)` or
/// `std::ignore =` (unless AllowExplicitDiscard); a local value task that
/// reaches the end of its scope unconsumed on some normal path, or is
/// overwritten while it may still be unconsumed. Paths taken only because
/// an exception was thrown do not count. Reported at the call, at the
/// local's declaration, or at the overwriting assignment.
///
/// For the user-facing documentation see:
/// docs/checks/valuetask-unawaited.md
class UnawaitedCheck : public ConsumptionCheck {
public:
  UnawaitedCheck(StringRef Name, ClangTidyContext *Context)
      : ConsumptionCheck(Name, Context),
        AllowExplicitDiscard(Options.get("AllowExplicitDiscard", false)) {}
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  /// \p Value as a call returning a value task (resolved or, in a
  /// template, not yet), or null.
  const CallExpr *valueTaskCall(const Expr &Value) const;
  void diagnoseDiscardedCall(const CallExpr &Call);
  void diagnoseUnconsumedLocal(const UnconsumedValue &Finding);
  const bool AllowExplicitDiscard;
};

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UNAWAITEDCHECK_H
