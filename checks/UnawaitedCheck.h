//===--- UnawaitedCheck.h - valuetask-unawaited ----------------------------------===//

#ifndef VTLINT_CHECKS_UNAWAITEDCHECK_H
#define VTLINT_CHECKS_UNAWAITEDCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/ValueTaskTypes.h"

namespace clang::tidy::valuetask {

/// Placeholder until the check is written.
///
/// For the user-facing documentation see:
/// docs/checks/valuetask-unawaited.md
class UnawaitedCheck : public ClangTidyCheck {
public:
  UnawaitedCheck(StringRef Name, ClangTidyContext *Context)
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
