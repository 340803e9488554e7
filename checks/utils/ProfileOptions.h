//===--- ProfileOptions.h - the options every profile-guided check reads --===//
//
// `ProfileFile` (no default: without it the check reports nothing),
// `MinCalls` (default 1000) and `Lambdas` (default false: advise coroutine
// lambdas too). ProfileFile and Lambdas are read with getLocalOrGlobal so one
// global setting serves both profile-guided checks; the profile itself is
// loaded on first use and shared (ProfileData's cache).
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_PROFILEOPTIONS_H
#define VTLINT_CHECKS_UTILS_PROFILEOPTIONS_H

#include "ProfileData.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <memory>
#include <optional>
#include <string>

namespace clang::tidy::valuetask {

inline constexpr std::uint64_t DefaultMinCalls = 1000;

class ProfileOptions {
public:
  explicit ProfileOptions(const ClangTidyCheck::OptionsView &Options);

  void store(ClangTidyOptions::OptionMap &Opts,
             const ClangTidyCheck::OptionsView &Options) const;

  bool enabled() const { return !ProfileFile.empty(); }
  std::uint64_t minCalls() const { return MinCalls; }
  /// Lambdas are advised only on request: they are often drivers, adapters
  /// and tests, and their entries carry no name.
  bool lambdas() const { return Lambdas; }

  /// The profile, or null when disabled or unreadable: an unreadable or
  /// malformed file is reported once per check instance, as a
  /// configuration error of \p Check.
  ProfileData *profile(const ClangTidyCheck &Check);

  /// Reads a percentage option of \p Check ("50", "50%") into \p Raw and
  /// returns its value; a bad value is reported as a configuration error
  /// and \p Default ("50%") is used instead.
  static double readPercent(const ClangTidyCheck &Check,
                            const ClangTidyCheck::OptionsView &Options,
                            StringRef Name, StringRef Default, std::string &Raw);

private:
  std::string ProfileFile;
  std::uint64_t MinCalls;
  bool Lambdas;
  std::shared_ptr<ProfileData> Loaded;
  bool Reported = false;
};

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_PROFILEOPTIONS_H
