//===--- Fixes.h - apply the fix-its of findings (--fix) -----------------===//

#ifndef VTLINT_TOOL_LIB_FIXES_H
#define VTLINT_TOOL_LIB_FIXES_H

#include "Finding.h"
#include "llvm/Support/Error.h"
#include <vector>

namespace vtlint {

/// Applies the fix-its of Findings to the files on disk:
///  1. each finding's edits are taken whole or not at all: a finding whose
///     edit overlaps an edit already taken is left unfixed;
///  2. an edit identical to one already taken (a header reached from two
///     translation units) is applied once;
///  3. a file whose text no longer matches what was analysed at the fixed
///     places (edited during the run) is left alone, with a warning on
///     stderr, and its findings count as not fixed;
///  4. each changed file is rewritten atomically (AtomicFile.h).
/// Running it again on the fixed files changes nothing, because the checks
/// no longer report what was fixed. Returns, per finding, whether it was
/// fixed; an error only when a file cannot be read or written.
llvm::Expected<std::vector<bool>>
applyFixes(const std::vector<const Finding *> &Findings);

/// The findings as clang-tidy's --export-fixes YAML (a
/// clang::tooling::TranslationUnitDiagnostics), which clang-apply-replacements
/// reads. MainFile is the YAML's MainSourceFile.
std::string exportFixesYaml(const std::vector<const Finding *> &Findings,
                            llvm::StringRef MainFile);

} // namespace vtlint

#endif // VTLINT_TOOL_LIB_FIXES_H
