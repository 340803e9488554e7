//===--- StoredCheck.h - valuetask-stored ----------------------------------===//

#ifndef VTLINT_CHECKS_STOREDCHECK_H
#define VTLINT_CHECKS_STOREDCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/TaskModels.h"
#include <string>
#include <vector>

namespace clang::tidy::valuetask {

/// Finds value tasks kept beyond one consumption: a data member, a global, a
/// static or thread-local variable whose type is or holds a value task
/// (through std::optional, pairs, tuples, variants, arrays and the standard
/// containers), and a local array or container of value tasks whose
/// elements may be consumed at two places (not the when_all idiom: moved
/// whole into a combinator, or walked once). A value task can be consumed
/// only once, so keeping one invites a second consumption; a vt::Task is
/// the type to keep. Only types whose task-type model says storing is a
/// misuse count. Classes named in `AllowedClasses` (an awaiter, a
/// combinator) and the task classes themselves may hold one.
///
/// For the user-facing documentation see:
/// docs/checks/valuetask-stored.md
class StoredCheck : public ClangTidyCheck {
public:
  StoredCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  /// True when a member of \p Context (or of a class around it) may hold a
  /// value task by design.
  bool isExemptClassContext(const DeclContext *Context) const;
  void diagnose(const DeclaratorDecl *Declaration, StringRef Kind,
                QualType Held);

  const TaskModels Models;
  const std::string RawAllowedClasses;
  const std::vector<std::string> AllowedClasses;
};

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_STOREDCHECK_H
