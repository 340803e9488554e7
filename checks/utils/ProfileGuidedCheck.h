//===--- ProfileGuidedCheck.h - the shape of the profile-guided checks ----===//
//
// valuetask-low-sync-rate and valuetask-prefer-valuetask ask one question of
// a vt::profile file from opposite sides: how often did this function
// complete synchronously? Both read the type options, `ProfileFile`,
// `MinCalls` and one rate threshold; both look at the definitions returning
// one kind of type, as written (ProfiledFunctions.h); both suggest the
// sibling type. This base does all of that; a check says which kind it
// looks at, which rates are findings, and how to word them.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_PROFILEGUIDEDCHECK_H
#define VTLINT_CHECKS_UTILS_PROFILEGUIDEDCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/ProfileOptions.h"
#include "utils/ValueTaskTypes.h"
#include <optional>
#include <string>

namespace clang::tidy::valuetask {

class ProfileGuidedCheck : public ClangTidyCheck {
public:
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  /// The check looks at functions returning \p Profiled; its threshold is
  /// the percentage option \p RateOption, \p DefaultRate ("50%") if unset.
  ProfileGuidedCheck(StringRef Name, ClangTidyContext *Context,
                     ProfiledReturn Profiled, StringRef RateOption,
                     StringRef DefaultRate);

  /// True when completing synchronously on \p SyncRate percent of the calls
  /// is worth a finding (compared against threshold()).
  virtual bool isFinding(double SyncRate) const = 0;
  virtual void diagnose(const FunctionDecl &Function,
                        const FunctionCounts &Counts,
                        const ASTContext &Context) = 0;

  double threshold() const { return Threshold; }

  /// Streams a finding's subject: the function ('get_config'), or "the
  /// lambda" for a lambda, which has no name (the finding points at it).
  static void nameFunction(const DiagnosticBuilder &Diag,
                           const FunctionDecl &Function);

  /// The return type to suggest instead of \p Function's: the other kind.
  struct Suggestion {
    /// The configured class beside the current one (vt::Task beside
    /// vt::ValueTask and back); none when no configured name fits, and
    /// then no fix-it may be offered.
    std::optional<StringRef> Sibling;
    /// As it would be written: `Task<int>`.
    std::string Spelling;
  };
  Suggestion suggestedReturnType(const FunctionDecl &Function,
                                 const ASTContext &Context) const;

  const ValueTaskTypes Types;

private:
  bool returnsProfiledKind(const FunctionDecl &Function) const;

  const ProfiledReturn Profiled;
  ProfileOptions Profile;
  const std::string RateOption;
  std::string RawThreshold;
  const double Threshold; // percent
};

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_PROFILEGUIDEDCHECK_H
