//===--- ResultCache.h - a translation unit's result, keyed by its input --===//
//
// --cache-dir=DIR (or VTLINT_CACHE_DIR): a unit whose input has not changed
// is not analysed again; its findings and fixes are replayed. As ctcache
// does for clang-tidy, the key is a BLAKE3 hash of
//  1. the preprocessed translation unit (clang -E -C with line markers),
//     and the bytes of every file the preprocessor read (so a finding's
//     offset, column and fix still fit a comment or spacing change);
//  2. the effective compiler command line, as the analysis runs it;
//  3. the effective configuration (clang-tidy's YAML of the options: checks,
//     check options, header filter, extra args) and a profile's content;
//  4. vtlint's version, clang's version and the vtlint executable's bytes.
// Paths under the root (the working directory of the run, the checkout in
// CI) are hashed and stored relative to it, so a cache directory restored
// on another machine, or another checkout path, still hits.
//
// The directory: DIR/v1/XX/REST.json, one file per entry, written to a
// temporary file and renamed (AtomicFile.h), so concurrent vtlint processes
// see a whole entry or none; an unreadable or malformed entry is a miss. A
// hit touches the entry's modification time; prune() then deletes the
// least recently used entries until the directory fits its size bound.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LIB_RESULTCACHE_H
#define VTLINT_TOOL_LIB_RESULTCACHE_H

#include "Analyzer.h"
#include "Finding.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/Error.h"
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vtlint {

class ResultCache {
public:
  /// Root: the directory whose paths are stored relative (absolute).
  ResultCache(std::string Directory, std::string Root, uint64_t MaxBytes);

  /// The key of Request under Options (Extra: further configuration text,
  /// e.g. a profile's content); std::nullopt when the unit cannot even be
  /// preprocessed (it is then analysed, and not stored).
  std::optional<std::string> key(const AnalysisRequest &Request,
                                 const clang::tidy::ClangTidyOptions &Options,
                                 llvm::StringRef Extra) const;

  /// The stored result of Key for the unit at File, if any.
  std::optional<FileResult> lookup(llvm::StringRef Key, llvm::StringRef File);
  void store(llvm::StringRef Key, const FileResult &Result);

  /// Deletes the least recently used entries until the total size is at
  /// most the bound (to 90% of it, so not every run prunes).
  void prune();

  unsigned hits() const { return Hits.load(std::memory_order_relaxed); }

private:
  std::string entryPath(llvm::StringRef Key) const;

  std::string Directory;
  std::string Root;
  uint64_t MaxBytes;
  std::atomic<unsigned> Hits{0}; // relaxed: a count read after the pool joins
};

/// The files (absolute) the preprocessor reads for Request: its main file
/// and every header; std::nullopt when it cannot be preprocessed.
std::optional<std::vector<std::string>>
filesRead(const AnalysisRequest &Request,
          const clang::tidy::ClangTidyOptions &Options);

/// Parses a size such as 500M, 2G, 1048576 (bytes); K, M, G are powers of
/// 1024.
llvm::Expected<uint64_t> parseByteSize(llvm::StringRef Text);

} // namespace vtlint

#endif // VTLINT_TOOL_LIB_RESULTCACHE_H
