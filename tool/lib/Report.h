//===--- Report.h - what a run found, for every output format ------------===//

#ifndef VTLINT_TOOL_LIB_REPORT_H
#define VTLINT_TOOL_LIB_REPORT_H

#include "Finding.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace vtlint {

struct Report {
  /// One per translation unit, sorted by path. Findings are the reported
  /// ones: baseline matches and duplicates (a header seen from several
  /// TUs) are already removed; sorted by position.
  std::vector<FileResult> Results;
  unsigned Suppressed = 0; // matched by the baseline
  unsigned Fixed = 0;      // findings whose fix-its --fix applied
  unsigned Cached = 0;     // units replayed from the result cache

  unsigned findingCount() const;
  unsigned filesWithFindings() const;
  unsigned analysedCount() const; // translation units that compiled
  unsigned failedCount() const;   // translation units that did not
};

/// "vtlint: 3 findings in 2 of 5 files (5 analysed, 0 failed)", with
/// ", N suppressed by the baseline", ", N fixed" and ", N from the cache"
/// when not zero.
std::string summaryLine(const Report &Result);

enum class OutputFormat { Text, Json, Sarif, Github };

llvm::Expected<OutputFormat> parseOutputFormat(llvm::StringRef Name);

/// The whole report in Format, without the summary line.
std::string renderReport(const Report &Result, OutputFormat Format);

// One function per format, each in its own file.
std::string renderText(const Report &Result);
std::string renderJson(const Report &Result);
std::string renderSarif(const Report &Result);
std::string renderGithub(const Report &Result);

/// This vtlint's version, e.g. "0.1.0".
llvm::StringRef vtlintVersion();

} // namespace vtlint

#endif // VTLINT_TOOL_LIB_REPORT_H
