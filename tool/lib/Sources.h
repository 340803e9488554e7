//===--- Sources.h - which translation units to analyse, and how ---------===//
//
// The translation units come from a compile database (-p BUILD_DIR, or the
// compile_commands.json found upwards from the first file) or from compiler
// flags after `--`. Every file named on the command line must be readable,
// and a database must parse: otherwise one clear error (exit 2) before
// anything runs. A file the database lists but that cannot be read (a
// stale entry) is left to the driver to report as one failed unit.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LIB_SOURCES_H
#define VTLINT_TOOL_LIB_SOURCES_H

#include "Analyzer.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace vtlint {

struct SourceSelection {
  std::optional<std::string> BuildPath; // -p: a directory or the JSON file
  std::vector<std::string> Files;       // positional files (any order)
  /// The flags after `--`, when given (even empty): no database is read.
  std::optional<std::vector<std::string>> FixedFlags;
};

/// One request per translation unit, sorted by absolute path, deduplicated
/// (a file compiled several times is analysed with its first command).
llvm::Expected<std::vector<AnalysisRequest>>
selectTranslationUnits(const SourceSelection &Selection);

/// "cannot read source file 'F': reason" unless File is a readable file.
llvm::Error checkReadable(llvm::StringRef File);

/// A shard of a run: the K-th (1-based) of N.
struct Shard {
  unsigned Index = 1;
  unsigned Count = 1;
};

/// Parses "K/N" with 1 <= K <= N.
llvm::Expected<Shard> parseShard(llvm::StringRef Text);

/// The requests of one shard: request I (in path order) belongs to shard
/// (I mod N) + 1, so shards are disjoint, their union is everything, and
/// their sizes differ by at most one.
std::vector<AnalysisRequest> selectShard(std::vector<AnalysisRequest> Requests,
                                         Shard Part);

} // namespace vtlint

#endif // VTLINT_TOOL_LIB_SOURCES_H
