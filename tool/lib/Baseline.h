//===--- Baseline.h - accept the findings recorded earlier ---------------===//
//
// A baseline lets an old code base adopt vtlint: findings recorded once are
// suppressed, new ones are reported. The file is JSON (docs/vtlint.md):
//
//   {"version": 1, "tool": "vtlint",
//    "findings": [{"check": "valuetask-unawaited", "file": "src/a.cpp",
//                  "fingerprint": "0f3c...", "count": 1,
//                  "message": "..."}]}
//
// A finding matches an entry with the same check, file (relative to the
// baseline file's directory, '/'-separated) and fingerprint (Fingerprint.h:
// no line number), so lines moving up or down keep matching. An entry with
// count N suppresses at most N identical findings. "message" is for people
// reading the file; matching ignores it.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LIB_BASELINE_H
#define VTLINT_TOOL_LIB_BASELINE_H

#include "Finding.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace vtlint {

inline constexpr int BaselineVersion = 1;

class Baseline {
public:
  /// Reads a baseline; a missing, unreadable or malformed file is an error.
  static llvm::Expected<Baseline> load(llvm::StringRef Path);

  /// A baseline recording Findings, for a file to be written at Path.
  static Baseline record(llvm::StringRef Path,
                         const std::vector<const Finding *> &Findings);

  /// The serialised file, ready to write.
  std::string toJson() const;

  /// True, and one use consumed, when Found is recorded here.
  bool consume(const Finding &Found);

private:
  using Key = std::tuple<std::string, std::string, std::string>; // check, file, fingerprint
  struct Entry {
    unsigned Count = 0;
    std::string Message;
  };
  Key keyOf(const Finding &Found) const;

  std::string Directory; // paths are relative to it
  std::map<Key, Entry> Entries;
};

} // namespace vtlint

#endif // VTLINT_TOOL_LIB_BASELINE_H
