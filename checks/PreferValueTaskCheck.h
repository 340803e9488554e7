//===--- PreferValueTaskCheck.h - valuetask-prefer-valuetask ---------------===//

#ifndef VTLINT_CHECKS_PREFERVALUETASKCHECK_H
#define VTLINT_CHECKS_PREFERVALUETASKCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/ProfileOptions.h"
#include "utils/ValueTaskTypes.h"
#include <string>

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
class PreferValueTaskCheck : public ClangTidyCheck {
public:
  PreferValueTaskCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  void diagnose(const FunctionDecl &Function, const FunctionCounts &Counts,
                const ASTContext &Context);

  const ValueTaskTypes Types;
  ProfileOptions Profile;
  std::string RawPreferSyncRate;
  const double PreferSyncRate; // percent
};

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_PREFERVALUETASKCHECK_H
