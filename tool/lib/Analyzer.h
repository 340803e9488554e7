//===--- Analyzer.h - run the checks over one translation unit -----------===//
//
// The in-process analysis every front end shares (the CI driver and the
// language server): parse one translation unit with clang, run the enabled
// valuetask-* checks on it through clang-tidy's AST consumer, and return the
// findings as plain data. Thread-safe: each call has its own clang-tidy
// context, diagnostics, file manager and virtual file system (whose working
// directory is the compile command's, so the process never changes its own),
// so translation units can be analysed in parallel in one process.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LIB_ANALYZER_H
#define VTLINT_TOOL_LIB_ANALYZER_H

#include "Configuration.h"
#include "Finding.h"
#include "Preamble.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/Error.h"
#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace vtlint {

struct AnalysisRequest {
  std::string File;      // the translation unit's main file (absolute)
  std::string Directory; // the compile command's working directory
  /// The compiler command line, argv[0] first (a compile database entry's
  /// CommandLine); output and dependency-file flags are dropped.
  std::vector<std::string> CommandLine;
  /// Analysed instead of the main file's contents on disk (editor buffers).
  std::optional<std::string> UnsavedContents;
};

/// Analyses one translation unit with the given (already resolved) options.
FileResult analyzeFile(const AnalysisRequest &Request,
                       const clang::tidy::ClangTidyOptions &Options);

/// The compiler command line analyzeFile runs for Request (clang-tidy's
/// adjustments, the options' extra arguments, the resource directory).
std::vector<std::string>
analysisCommandLine(const AnalysisRequest &Request,
                    const clang::tidy::ClangTidyOptions &Options);

/// What the language server adds to an analysis: a preamble store, so the
/// main file is parsed on top of its reused include region (Preamble.h),
/// and a cancellation flag. Once *Cancelled is set (by another thread), the
/// parse stops at the next top-level declaration and the checks do not run:
/// the result is incomplete and must be discarded.
struct IncrementalAnalysis {
  PreambleStore *Preambles = nullptr;
  const std::atomic<bool> *Cancelled = nullptr;
  /// Set to how the preamble was served (the log says it).
  PreambleOutcome Preamble = PreambleOutcome::NoPreamble;
  /// Set to where the time went (the log says it): the compile command
  /// and preamble (reused, or built), the main file's parse, the checks.
  struct Timings {
    std::chrono::steady_clock::duration Prepare{}, Parse{}, Check{};
  } Took;
};

FileResult analyzeFile(const AnalysisRequest &Request,
                       const clang::tidy::ClangTidyOptions &Options,
                       IncrementalAnalysis &Incremental);

/// Resolves the options for Request.File from Config, then analyses it; the
/// error is a configuration error (a malformed `.clang-tidy`).
llvm::Expected<FileResult> analyzeFile(const AnalysisRequest &Request,
                                       Configuration &Config);

/// The directory of clang's built-in headers (stddef.h, ...) that vtlint
/// passes as -resource-dir: the installed clang's, not one beside vtlint.
llvm::StringRef clangResourceDirectory();

} // namespace vtlint

#endif // VTLINT_TOOL_LIB_ANALYZER_H
