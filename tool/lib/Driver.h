//===--- Driver.h - one vtlint run, from options to exit code ------------===//
//
// Everything `main` does after parsing the command line, so tests can run
// it in-process. Exit codes: 0 no finding outside the baseline (and every
// translation unit compiled); 1 findings, or a translation unit that does
// not compile (it is not a usage error, but the run could not vouch for
// that file); 2 bad usage, bad configuration, an unreadable database,
// baseline or source file, or a file --fix/--output cannot write. On exit 2
// one line `vtlint: error: ...` goes to Err and no file is written.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LIB_DRIVER_H
#define VTLINT_TOOL_LIB_DRIVER_H

#include "Configuration.h"
#include "Progress.h"
#include "Sources.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <optional>
#include <string>

namespace vtlint {

enum ExitCode : int { ExitClean = 0, ExitFindings = 1, ExitBadInput = 2 };

struct DriverOptions {
  SourceSelection Sources;
  ConfigurationSettings Config;
  unsigned Jobs = 0;          // 0: one per core
  std::string Format = "text"; // text, json, sarif, github
  std::optional<std::string> OutputFile;
  std::optional<std::string> BaselineFile;
  std::optional<std::string> WriteBaselineFile;
  std::optional<std::string> ShardSpec; // "K/N"
  std::optional<std::string> ProfileFile; // --profile (ProfileAdvice.h)
  std::optional<std::string> LineFilter;      // --line-filter (JSON)
  /// --diff=REV (`git diff REV`) or "-" (a unified diff on stdin):
  /// DiffFilter.h.
  std::optional<std::string> DiffRevision;
  std::optional<std::string> ExportFixesFile; // --export-fixes (YAML)
  bool Fix = false;
  bool FixErrors = false; // --fix also in files that do not compile
  bool FixNotes = false;  // --fix also with a note's single fix
  bool ListChecks = false; // print the enabled checks, analyse nothing
  bool DumpConfig = false; // print the effective configuration
  bool Quiet = false;
  /// --cache-dir / VTLINT_CACHE_DIR (ResultCache.h), bounded to CacheMaxBytes.
  std::optional<std::string> CacheDir;
  uint64_t CacheMaxBytes = uint64_t(1) << 30;
  /// The caller decides (auto: Bar when stderr is a terminal).
  ProgressStyle Progress = ProgressStyle::None;
};

int runVtlint(const DriverOptions &Options, llvm::raw_ostream &Out,
              llvm::raw_ostream &Err);

} // namespace vtlint

#endif // VTLINT_TOOL_LIB_DRIVER_H
