//===--- UnawaitedCheck.h - valuetask-unawaited --------------------------===//

#ifndef VTLINT_CHECKS_UNAWAITEDCHECK_H
#define VTLINT_CHECKS_UNAWAITEDCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/AnalysableFunctions.h"
#include "utils/SharedConsumption.h"
#include "utils/ValueTaskTypes.h"

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
class UnawaitedCheck : public ClangTidyCheck {
public:
  UnawaitedCheck(StringRef Name, ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context), Types(Options),
        AllowExplicitDiscard(Options.get("AllowExplicitDiscard", false)) {}
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  /// The shared consumption results live for one unit (SharedConsumption.h).
  void onStartOfTranslationUnit() override { releaseSharedConsumption(); }
  void onEndOfTranslationUnit() override { releaseSharedConsumption(); }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  /// \p Value as a call returning a value task (resolved or, in a
  /// template, not yet), or null.
  const CallExpr *valueTaskCall(const Expr &Value) const;
  void diagnoseDiscardedCall(const CallExpr &Call);
  void diagnoseUnconsumedLocal(const UnconsumedValue &Finding);

  const ValueTaskTypes Types;
  const bool AllowExplicitDiscard;
};

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UNAWAITEDCHECK_H
