//===--- ProfileOptions.cpp - the options every profile-guided check reads ===//

#include "ProfileOptions.h"

namespace clang::tidy::valuetask {

ProfileOptions::ProfileOptions(const ClangTidyCheck::OptionsView &Options)
    : ProfileFile(Options.getLocalOrGlobal("ProfileFile", "")),
      MinCalls(Options.get<std::uint64_t>("MinCalls", DefaultMinCalls)),
      Lambdas(Options.getLocalOrGlobal("Lambdas", false)) {}

void ProfileOptions::store(ClangTidyOptions::OptionMap &Opts,
                           const ClangTidyCheck::OptionsView &Options) const {
  Options.store(Opts, "ProfileFile", ProfileFile);
  Options.store<std::uint64_t>(Opts, "MinCalls", MinCalls);
  Options.store(Opts, "Lambdas", Lambdas);
}

ProfileData *ProfileOptions::profile(const ClangTidyCheck &Check) {
  if (!enabled())
    return nullptr;
  // Reload through the cache each time: it returns the same data unless the
  // file changed (vtlint's language server lints for hours).
  llvm::Expected<std::shared_ptr<ProfileData>> Data =
      ProfileData::load(ProfileFile);
  if (!Data) {
    std::string Message = llvm::toString(Data.takeError());
    if (!Reported)
      Check.configurationDiag("%0", DiagnosticIDs::Error) << Message;
    Reported = true;
    return nullptr;
  }
  Loaded = std::move(*Data);
  if (Lambdas)
    Loaded->adviseLambdas();
  return Loaded.get();
}

double ProfileOptions::readPercent(const ClangTidyCheck &Check,
                                   const ClangTidyCheck::OptionsView &Options,
                                   StringRef Name, StringRef Default,
                                   std::string &Raw) {
  StringRef Given = Options.get(Name, Default);
  Raw = Given.str();
  if (std::optional<double> Value = parsePercent(Given))
    return *Value;
  Check.configurationDiag("invalid value '%0' for option '%1': expected a "
                          "percentage between 0 and 100, such as 50%%")
      << Given << Name;
  Raw = Default.str();
  return *parsePercent(Default);
}

} // namespace clang::tidy::valuetask
