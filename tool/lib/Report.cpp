//===--- Report.cpp - what a run found, for every output format ----------===//

#include "Report.h"
#include "llvm/ADT/StringSwitch.h"

namespace vtlint {
namespace {

std::string counted(unsigned N, llvm::StringRef One, llvm::StringRef Many) {
  return std::to_string(N) + " " + (N == 1 ? One : Many).str();
}

} // namespace

llvm::StringRef vtlintVersion() { return VTLINT_VERSION; }

unsigned Report::findingCount() const {
  unsigned Count = 0;
  for (const FileResult &Result : Results)
    Count += Result.Findings.size();
  return Count;
}

unsigned Report::filesWithFindings() const {
  unsigned Count = 0;
  for (const FileResult &Result : Results)
    Count += !Result.Findings.empty();
  return Count;
}

unsigned Report::analysedCount() const {
  unsigned Count = 0;
  for (const FileResult &Result : Results)
    Count += Result.Compiled;
  return Count;
}

unsigned Report::failedCount() const {
  return Results.size() - analysedCount();
}

std::string summaryLine(const Report &Result) {
  std::string Line = "vtlint: " +
                     counted(Result.findingCount(), "finding", "findings") +
                     " in " + std::to_string(Result.filesWithFindings()) +
                     " of " + counted(Result.Results.size(), "file", "files") +
                     " (" + std::to_string(Result.analysedCount()) +
                     " analysed, " + std::to_string(Result.failedCount()) +
                     " failed";
  if (Result.Suppressed)
    Line += ", " + std::to_string(Result.Suppressed) + " suppressed by the baseline";
  if (Result.Fixed)
    Line += ", " + std::to_string(Result.Fixed) + " fixed";
  if (Result.Cached)
    Line += ", " + std::to_string(Result.Cached) + " from the cache";
  return Line + ")";
}

llvm::Expected<OutputFormat> parseOutputFormat(llvm::StringRef Name) {
  std::optional<OutputFormat> Format =
      llvm::StringSwitch<std::optional<OutputFormat>>(Name)
          .Case("text", OutputFormat::Text)
          .Case("json", OutputFormat::Json)
          .Case("sarif", OutputFormat::Sarif)
          .Case("github", OutputFormat::Github)
          .Default(std::nullopt);
  if (!Format)
    return llvm::createStringError("unknown --format '" + Name +
                                   "' (expected text, json, sarif or github)");
  return *Format;
}

std::string renderReport(const Report &Result, OutputFormat Format) {
  switch (Format) {
  case OutputFormat::Text:
    return renderText(Result);
  case OutputFormat::Json:
    return renderJson(Result);
  case OutputFormat::Sarif:
    return renderSarif(Result);
  case OutputFormat::Github:
    return renderGithub(Result);
  }
  llvm_unreachable("every output format is handled above");
}

} // namespace vtlint
