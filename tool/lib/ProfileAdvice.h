//===--- ProfileAdvice.h - vtlint --profile ------------------------------===//
//
// `vtlint --profile=FILE` turns on the profile-guided checks
// (valuetask-low-sync-rate, valuetask-prefer-valuetask) with FILE as their
// `ProfileFile`:
//  1. before anything is analysed, the profile is read once; a missing or
//     malformed file is bad input (exit 2, one line);
//  2. every file's options get `<check>.ProfileFile` (overriding any
//     `.clang-tidy` value) and, unless --checks chose the checks, both
//     checks are enabled;
//  3. after the analysis, entries for analysed files that matched no
//     function (renamed, deleted, or the file changed) make one note in
//     the summary.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LIB_PROFILEADVICE_H
#define VTLINT_TOOL_LIB_PROFILEADVICE_H

#include "Finding.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace vtlint {

/// Step 1: the profile's absolute path, or a one-line error.
llvm::Expected<std::string> loadProfile(llvm::StringRef Path);

/// Step 2, for one file's options.
void applyProfile(clang::tidy::ClangTidyOptions &Options,
                  llvm::StringRef AbsolutePath, bool ChecksChosen);

/// Step 3: "vtlint: note: 2 profile entries match no function in the
/// analysed files and were ignored (stale profile?): f (a.cpp:3), ...",
/// or nothing when every entry for these files matched.
std::optional<std::string> staleProfileNote(llvm::StringRef AbsolutePath,
                                            const std::vector<FileResult> &Results);

} // namespace vtlint

#endif // VTLINT_TOOL_LIB_PROFILEADVICE_H
