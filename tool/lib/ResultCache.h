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
// As ccache's direct mode, a manifest keyed by everything but the
// preprocessed unit (2-4 above, and the main file's path) records the files
// the last preprocessing read, with a hash of each, and the key it gave:
// while every one of them is unchanged, the key is taken from the manifest
// without preprocessing (a hit then costs reading those files). A file that
// changes sends the unit back to preprocessing. Like ccache's direct mode, it
// cannot see a new header that would now shadow one of the same name later
// on the include path; delete the cache directory after such a change.
// Paths under the root (the working directory of the run, the checkout in
// CI) are hashed and stored relative to it, so a cache directory restored
// on another machine, or another checkout path, still hits.
//
// The directory: DIR/v1/XX/REST.r.json (results) and .m.json (manifests),
// one file per entry, written to a
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

  struct Probe {
    /// The key of the unit; std::nullopt when it cannot even be
    /// preprocessed (it is then analysed, and not stored).
    std::optional<std::string> Key;
    bool Direct = false;     // Key came from the manifest, unpreprocessed
    std::string ManifestKey; // everything but the preprocessed unit
    std::vector<std::pair<std::string, std::string>> FilesRead; // name, hash
  };
  /// The key of Request under Options (Extra: further configuration text,
  /// e.g. a profile's content).
  Probe probe(const AnalysisRequest &Request,
              const clang::tidy::ClangTidyOptions &Options,
              llvm::StringRef Extra);
  /// Records the manifest of a preprocessed probe, for direct lookups.
  void remember(const Probe &Probed);

  /// The stored result of Key for the unit at File, if any.
  std::optional<FileResult> lookup(llvm::StringRef Key, llvm::StringRef File);
  void store(llvm::StringRef Key, const FileResult &Result);

  /// Deletes the least recently used entries until the total size is at
  /// most the bound (to 90% of it, so not every run prunes).
  void prune();

  unsigned hits() const { return Hits.load(std::memory_order_relaxed); }

private:
  /// Kind: "r" a result, "m" a manifest.
  std::string entryPath(llvm::StringRef Key, llvm::StringRef Kind) const;
  void writeEntry(llvm::StringRef Path, llvm::StringRef Text);

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
