//===--- ProfileAdvice.cpp - vtlint --profile ----------------------------===//

#include "ProfileAdvice.h"
#include "utils/ProfileData.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace vtlint {
namespace {

using clang::tidy::valuetask::ProfileData;

constexpr const char *ProfileGuidedChecks[] = {"valuetask-low-sync-rate",
                                               "valuetask-prefer-valuetask"};
constexpr size_t NamesInNote = 3;

} // namespace

llvm::Expected<std::string> loadProfile(llvm::StringRef Path) {
  llvm::SmallString<256> Absolute(Path);
  llvm::sys::fs::make_absolute(Absolute);
  auto Loaded = ProfileData::load(Absolute);
  if (!Loaded)
    return Loaded.takeError();
  return std::string(Absolute);
}

void applyProfile(clang::tidy::ClangTidyOptions &Options,
                  llvm::StringRef AbsolutePath, bool ChecksChosen) {
  for (const char *Check : ProfileGuidedChecks) {
    Options.CheckOptions[(llvm::Twine(Check) + ".ProfileFile").str()] =
        clang::tidy::ClangTidyOptions::ClangTidyValue(AbsolutePath);
    if (!ChecksChosen)
      Options.Checks = Options.Checks.value_or("") + "," + Check;
  }
}

std::optional<std::string> staleProfileNote(llvm::StringRef AbsolutePath,
                                            const std::vector<FileResult> &Results) {
  auto Loaded = ProfileData::load(AbsolutePath);
  if (!Loaded) { // Changed since step 1: the checks reported nothing either.
    llvm::consumeError(Loaded.takeError());
    return std::nullopt;
  }
  std::vector<std::string> Analysed;
  for (const FileResult &Result : Results)
    if (Result.Compiled)
      Analysed.push_back(Result.File);
  std::vector<clang::tidy::valuetask::ProfileEntry> Stale =
      (*Loaded)->unmatchedEntriesIn(Analysed);
  if (Stale.empty())
    return std::nullopt;
  std::string Note = "vtlint: note: " + std::to_string(Stale.size()) +
                     (Stale.size() == 1 ? " profile entry matches"
                                        : " profile entries match") +
                     " no function in the analysed files and " +
                     (Stale.size() == 1 ? "was" : "were") +
                     " ignored (stale profile?): ";
  for (size_t I = 0; I < Stale.size() && I < NamesInNote; ++I)
    Note += (I ? ", " : "") + Stale[I].displayName() + " (" +
            llvm::sys::path::filename(Stale[I].File).str() + ":" +
            std::to_string(Stale[I].Line) + ")";
  if (Stale.size() > NamesInNote)
    Note += ", ...";
  return Note;
}

} // namespace vtlint
