//===--- Finding.h - one in-memory list of findings ----------------------===//
//
// Every output format (text, JSON, SARIF, GitHub), the baseline and the
// language server read the same plain structures. Lines and columns are
// 1-based; columns count bytes, as clang's do (CodePointColumn counts
// Unicode code points, for SARIF). Messages are one line each.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LIB_FINDING_H
#define VTLINT_TOOL_LIB_FINDING_H

#include <optional>
#include <string>
#include <vector>

namespace vtlint {

struct SourcePosition {
  std::string File; // absolute path
  unsigned Line = 0;
  unsigned Column = 0;
  unsigned Offset = 0; // byte offset in the file
  unsigned CodePointColumn = 0; // Column in Unicode code points (0: unknown)
};

/// One replacement of a fix-it: Length bytes at Offset become Replacement.
/// Begin/End bound the replaced range (End is exclusive).
struct FixEdit {
  std::string File;
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Replacement;
  SourcePosition Begin;
  SourcePosition End;
};

struct Note {
  std::string Message;
  SourcePosition Location;
  std::string SourceLine; // the text of the line at Location, no newline
  std::vector<FixEdit> Fixes; // applied only with --fix-notes
};

/// clang-tidy's level: findings are warnings unless --warnings-as-errors
/// names their check; clang-tidy's own NOLINT diagnostics are errors.
enum class Severity { Warning, Error };

struct Finding {
  std::string Check;   // e.g. "valuetask-double-await"
  std::string Message; // clang-tidy's message, without the [check] suffix
  SourcePosition Location;
  std::string SourceLine; // the text of the line at Location, no newline
  std::vector<Note> Notes;
  std::vector<FixEdit> Fixes;
  Severity Level = Severity::Warning;
  /// Stable across lines moving up or down: see Fingerprint.h.
  std::string Fingerprint;
};

/// The outcome of analysing one translation unit.
struct FileResult {
  std::string File;
  bool Compiled = true;   // false when the TU had a compile error
  bool Readable = true;   // false: a database entry whose file is missing
  std::string FirstError; // "file:line:col: error: message", the first one
  SourcePosition FirstErrorAt; // its position (Line 0: none)
  /// FirstError's message alone, and for an error in an included file the
  /// main file's #include that leads to it (Line 0: none): an editor puts
  /// the error there.
  std::string FirstErrorMessage;
  SourcePosition FirstErrorIncludedFrom;
  std::vector<Finding> Findings;
};

} // namespace vtlint

#endif // VTLINT_TOOL_LIB_FINDING_H
