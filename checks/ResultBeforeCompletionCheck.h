//===--- ResultBeforeCompletionCheck.h - valuetask-result-before-completion ----------------------------------===//

#ifndef VTLINT_CHECKS_RESULTBEFORECOMPLETIONCHECK_H
#define VTLINT_CHECKS_RESULTBEFORECOMPLETIONCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/ValueTaskTypes.h"

namespace clang::tidy::valuetask {

/// Placeholder until the check is written.
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
  void registerMatchers(ast_matchers::MatchFinder *Finder) override {}
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override {
    Types.store(Opts, Options);
  }

private:
  const ValueTaskTypes Types;
};

} // namespace clang::tidy::valuetask

#endif
