//===--- ConsumptionCheck.h - the shape of the three flow checks ----------===//
//
// valuetask-double-await, valuetask-unawaited and
// valuetask-result-before-completion each report one part of the same
// consumption analysis (SharedConsumption.h), over the same functions
// (AnalysableFunctions.h), with the same type options. This base owns what
// they share, the analysis's lifetime included: the kept results are
// released at the start and at the end of every translation unit here, so
// no check can forget to.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_CONSUMPTIONCHECK_H
#define VTLINT_CHECKS_UTILS_CONSUMPTIONCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/SharedConsumption.h"
#include "utils/TaskModels.h"

namespace clang::tidy::valuetask {

class ConsumptionCheck : public ClangTidyCheck {
public:
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  /// Matches the analysable functions; a check adds its own matchers after.
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void onStartOfTranslationUnit() override { releaseSharedConsumption(); }
  void onEndOfTranslationUnit() override { releaseSharedConsumption(); }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override {
    Models.store(Opts, Options);
  }

protected:
  ConsumptionCheck(StringRef Name, ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context), Models(Options) {}

  /// The analysis of the function matched by registerMatchers, or null when
  /// \p Result is another of the check's matches.
  const ConsumptionFindings *
  findings(const ast_matchers::MatchFinder::MatchResult &Result) const;

  const TaskModels Models;
};

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_CONSUMPTIONCHECK_H
