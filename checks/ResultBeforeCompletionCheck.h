//===--- ResultBeforeCompletionCheck.h - valuetask-result-before-completion ===//

#ifndef VTLINT_CHECKS_RESULTBEFORECOMPLETIONCHECK_H
#define VTLINT_CHECKS_RESULTBEFORECOMPLETIONCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/AnalysableFunctions.h"
#include "utils/SharedConsumption.h"
#include "utils/ValueTaskTypes.h"

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
class ResultBeforeCompletionCheck : public ClangTidyCheck {
public:
  ResultBeforeCompletionCheck(StringRef Name, ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context), Types(Options) {}
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  /// The shared consumption results live for one unit (SharedConsumption.h).
  void onStartOfTranslationUnit() override { releaseSharedConsumption(); }
  void onEndOfTranslationUnit() override { releaseSharedConsumption(); }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override {
    Types.store(Opts, Options);
  }

private:
  void diagnoseVariable(const ResultBeforeCompletion &Finding);
  void diagnoseTemporary(const CXXMemberCallExpr &Call);

  const ValueTaskTypes Types;
};

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_RESULTBEFORECOMPLETIONCHECK_H
