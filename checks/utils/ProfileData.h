//===--- ProfileData.h - a vt::profile file, matched to functions --------===//
//
// The profile-guided checks (valuetask-low-sync-rate,
// valuetask-prefer-valuetask) read the JSON file the vt runtime writes
// (docs/profile.md) through the runtime's own reader. A file is read once
// per process and path (and again only if its modification time or size
// changes), then shared by every check instance and translation unit, in
// clang-tidy and in vtlint's parallel analyses alike.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_CHECKS_UTILS_PROFILEDATA_H
#define VTLINT_CHECKS_UTILS_PROFILEDATA_H

#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <memory>
#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::valuetask {

/// What a profiled function returned when it was measured.
enum class ProfiledReturn { Task, ValueTask };

/// One profile entry, as the checks need it.
struct ProfileEntry {
  std::string Function; // qualified name, template arguments dropped
  std::string Signature;
  std::string File; // as the compiler spelled it
  unsigned Line = 0;
  ProfiledReturn Returns = ProfiledReturn::Task;
  std::uint64_t Calls = 0;
  std::uint64_t Sync = 0;

  /// A lambda's entry: clang spells its name "f()::(anonymous class)::
  /// operator()", GCC "f()::<lambda()>"; it is matched by file and line.
  bool isLambda() const;
  /// The name to show a user: the qualified name, or "lambda".
  std::string displayName() const { return isLambda() ? "lambda" : Function; }
};

/// What the profile says about one function (all its entries summed).
struct FunctionCounts {
  std::uint64_t Calls = 0;
  std::uint64_t Sync = 0;
};

class ProfileData {
public:
  /// The profile at Path, from the process-wide cache. The error is one
  /// line: "cannot read profile 'p.json': ..." or
  /// "malformed profile 'p.json': line 3: ...".
  static llvm::Expected<std::shared_ptr<ProfileData>> load(llvm::StringRef Path);

  /// Sums the entries that belong to Function's definition (same qualified
  /// name, same file, an entry line within the definition) and marks them
  /// matched; only entries measured with the return type \p Returns count
  /// (a function changed from ValueTask to Task starts afresh).
  /// std::nullopt when none does.
  std::optional<FunctionCounts> countsFor(const FunctionDecl &Function,
                                          const SourceManager &Sources,
                                          ProfiledReturn Returns);

  /// A check advises lambdas (its `Lambdas` option): lambda entries then
  /// count in unmatchedEntriesIn.
  void adviseLambdas() { LambdasAdvised.store(true, std::memory_order_relaxed); }

  /// Entries for one of Files (absolute paths) that no function matched so
  /// far: the function is gone or the file changed. Lambda entries count
  /// only when lambdas are advised (nothing looks for them otherwise).
  std::vector<ProfileEntry>
  unmatchedEntriesIn(const std::vector<std::string> &Files) const;

  /// True if the profile's spelling of a file (maybe relative) names the
  /// absolute path \p File: its components, `./` and `../` prefixes
  /// dropped, are the last components of \p File.
  static bool sameFile(llvm::StringRef ProfilePath, llvm::StringRef File);

private:
  explicit ProfileData(std::vector<ProfileEntry> Entries);

  std::vector<ProfileEntry> Entries;
  mutable std::mutex MatchedMutex; // guards Matched
  std::vector<bool> Matched;       // by entry index
  // relaxed: a flag set before the analysis ends and read after it, the
  // two ordered by the thread pool's join (vtlint) or one thread.
  std::atomic<bool> LambdasAdvised{false};
};

/// "31", "99.9", "30.8": the synchronous share in percent with one decimal
/// at most (trailing ".0" dropped), and more decimals only where rounding
/// would show 0 or 100 for a share that is neither.
std::string formatPercent(std::uint64_t Sync, std::uint64_t Calls);

/// "12,000": thousands separated by commas.
std::string formatCount(std::uint64_t Count);

/// Reads a percentage option: "50", "50%" or "37.5%", between 0 and 100.
std::optional<double> parsePercent(llvm::StringRef Text);

} // namespace clang::tidy::valuetask

#endif // VTLINT_CHECKS_UTILS_PROFILEDATA_H
