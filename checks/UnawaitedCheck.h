//===--- UnawaitedCheck.h - valuetask-unawaited --------------------------===//

#ifndef VTLINT_CHECKS_UNAWAITEDCHECK_H
#define VTLINT_CHECKS_UNAWAITEDCHECK_H

#include "utils/ConsumptionCheck.h"

namespace clang::tidy::valuetask {

/// Finds tasks nobody consumes, as their task-type model says (a lazy task
/// that is dropped never runs; an eager one loses its result and errors): a
/// call returning one whose result is discarded as a statement (both arms
/// of a `?:` too), or explicitly with `(void)` or `std::ignore =` (unless
/// AllowExplicitDiscard); a local that reaches the end of its scope
/// unconsumed on some normal path, or is overwritten while it may still be
/// unconsumed. A value that can only be ready (built from a plain value or
/// a ready factory) is no dropped operation. Paths taken only because an
/// exception was thrown do not count. Reported at the call, at the local's
/// declaration, or at the overwriting assignment.
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
  static llvm::SmallVector<const Expr *, 2> possibleValues(const Expr &Value);
  /// \p Value as a call returning a task whose loss matters (resolved or,
  /// in a template, not yet), with its model; nulls otherwise.
  std::pair<const CallExpr *, const TaskModel *>
  taskCall(const Expr &Value) const;
  void diagnoseDiscardedCall(const CallExpr &Call, const TaskModel &Model);
  void diagnoseUnconsumedLocal(const UnconsumedValue &Finding);
  const bool AllowExplicitDiscard;
};

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UNAWAITEDCHECK_H
