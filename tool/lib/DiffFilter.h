//===--- DiffFilter.h - --diff: only what a change touches ----------------===//
//
// As clang-tidy-diff.py does: from a unified diff (`git diff REV`, or one on
// stdin), the changed lines of each file. vtlint then
//  1. analyses only the translation units whose main file, or a file they
//     include, the diff changes (the includes are found by preprocessing a
//     unit only when the diff changes a file that is no unit's main file);
//  2. reports only findings on changed lines (a finding also passes when
//     one of its notes is on one, as with --line-filter).
// A file the diff deletes changes nothing that can be analysed.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LIB_DIFFFILTER_H
#define VTLINT_TOOL_LIB_DIFFFILTER_H

#include "Finding.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <string>
#include <utility>
#include <vector>

namespace vtlint {

/// Changed lines (first, last; 1-based, inclusive) by absolute path.
using ChangedLines = llvm::StringMap<std::vector<std::pair<unsigned, unsigned>>>;

/// The added lines of every hunk of a unified diff, with or without context
/// lines (-U0 or not); paths in the diff are
/// relative to BaseDirectory (after a/ or b/ is dropped, as `git diff` and
/// `patch -p1` have them) unless absolute.
llvm::Expected<ChangedLines> parseUnifiedDiff(llvm::StringRef Diff,
                                              llvm::StringRef BaseDirectory);

/// --diff=REV: `git diff -U0 REV` run in the working directory, paths
/// relative to it; "-": the diff on standard input.
llvm::Expected<std::string> readDiff(llvm::StringRef Revision);

/// Whether Found, or one of its notes, is on a changed line.
bool onChangedLine(const ChangedLines &Changes, const Finding &Found);

} // namespace vtlint

#endif // VTLINT_TOOL_LIB_DIFFFILTER_H
