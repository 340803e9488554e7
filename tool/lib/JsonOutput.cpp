//===--- JsonOutput.cpp - the documented JSON report ---------------------===//
//
// Schema (docs/vtlint.md, version 1):
//   {"version": 1, "tool": {"name": "vtlint", "version": "0.1.0"},
//    "summary": {"files", "analysed", "failed", "findings", "suppressed",
//                "fixed"},
//    "files": [{"file", "compiled", "error"?, "error_line"?,
//               "error_column"?}],
//    "findings": [{"check", "severity", "message", "file", "line",
//                  "column", "offset", "fingerprint",
//                  "notes": [{"message", "file", "line", "column"}],
//                  "fixes": [{"file", "offset", "length", "replacement",
//                             "start": {"line", "column"},
//                             "end": {"line", "column"}}]}]}
//
//===----------------------------------------------------------------------===//

#include "Report.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace vtlint {
namespace {

llvm::json::Object lineColumn(const SourcePosition &At) {
  return llvm::json::Object{{"line", At.Line}, {"column", At.Column}};
}

llvm::json::Object findingJson(const Finding &Found) {
  llvm::json::Array Notes;
  for (const Note &N : Found.Notes)
    Notes.push_back(llvm::json::Object{{"message", N.Message},
                                       {"file", N.Location.File},
                                       {"line", N.Location.Line},
                                       {"column", N.Location.Column}});
  llvm::json::Array Fixes;
  for (const FixEdit &Edit : Found.Fixes)
    Fixes.push_back(llvm::json::Object{{"file", Edit.File},
                                       {"offset", Edit.Offset},
                                       {"length", Edit.Length},
                                       {"replacement", Edit.Replacement},
                                       {"start", lineColumn(Edit.Begin)},
                                       {"end", lineColumn(Edit.End)}});
  return llvm::json::Object{{"check", Found.Check},
                            {"severity", Found.Level == Severity::Error
                                             ? "error"
                                             : "warning"},
                            {"message", Found.Message},
                            {"file", Found.Location.File},
                            {"line", Found.Location.Line},
                            {"column", Found.Location.Column},
                            {"offset", Found.Location.Offset},
                            {"fingerprint", Found.Fingerprint},
                            {"notes", std::move(Notes)},
                            {"fixes", std::move(Fixes)}};
}

} // namespace

std::string renderJson(const Report &Result) {
  llvm::json::Array Files, Findings;
  for (const FileResult &File : Result.Results) {
    llvm::json::Object Entry{{"file", File.File}, {"compiled", File.Compiled}};
    if (!File.Compiled) {
      Entry["error"] = File.FirstError;
      if (File.FirstErrorAt.Line) {
        Entry["error_line"] = File.FirstErrorAt.Line;
        Entry["error_column"] = File.FirstErrorAt.Column;
      }
    }
    Files.push_back(std::move(Entry));
    for (const Finding &Found : File.Findings)
      Findings.push_back(findingJson(Found));
  }
  llvm::json::Value Root = llvm::json::Object{
      {"version", 1},
      {"tool", llvm::json::Object{{"name", "vtlint"},
                                  {"version", vtlintVersion()}}},
      {"summary", llvm::json::Object{{"files", Result.Results.size()},
                                     {"analysed", Result.analysedCount()},
                                     {"failed", Result.failedCount()},
                                     {"findings", Result.findingCount()},
                                     {"suppressed", Result.Suppressed},
                                     {"fixed", Result.Fixed}}},
      {"files", std::move(Files)},
      {"findings", std::move(Findings)}};
  std::string Text;
  llvm::raw_string_ostream(Text) << llvm::formatv("{0:2}", Root) << "\n";
  return Text;
}

} // namespace vtlint
