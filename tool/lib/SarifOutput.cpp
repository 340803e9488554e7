//===--- SarifOutput.cpp - SARIF 2.1.0 -----------------------------------===//
//
// One run: the tool with every check of the binary as a rule (id, name,
// short and full description, help link), one result per finding (level,
// message, location, related locations for notes, fixes, partialFingerprints
// under "vtlint/v1"), and each translation unit that did not compile as a
// tool execution notification. Written with llvm::json so that Microsoft's
// validator (Sarif.Multitool validate) reports zero errors and warnings:
// messages end with a period (SARIF2001), the tool has a version and an
// information URI (SARIF2005), the file has $schema (SARIF2008), rules have
// friendly names and help links (SARIF2012). Columns count Unicode code
// points and the run says so ("columnKind"; clang's byte columns are off
// by one per extra byte of every non-ASCII character before them, and
// readers take UTF-16 code units when the kind is not set).
//
//===----------------------------------------------------------------------===//

#include "Configuration.h"
#include "Report.h"
#include "RuleCatalog.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace vtlint {
namespace {

using llvm::json::Array;
using llvm::json::Object;

/// file:// URI of an absolute path, percent-encoding all but RFC 3986's
/// unreserved characters and '/'.
std::string fileUri(llvm::StringRef Path) {
  std::string Uri = "file://";
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C))
      Uri += C;
    else
      Uri += "%" + llvm::utohexstr(C, /*LowerCase=*/false, /*Width=*/2);
  }
  return Uri;
}

Object text(llvm::StringRef Message) {
  std::string Sentence = Message.str();
  if (!Sentence.empty() && !llvm::StringRef(".!?").contains(Sentence.back()))
    Sentence += '.';
  return Object{{"text", Sentence}};
}

/// Columns in Unicode code points (see "columnKind" below).
unsigned column(const SourcePosition &At) {
  return At.CodePointColumn ? At.CodePointColumn : At.Column;
}

Object physicalLocation(const SourcePosition &At) {
  Object Region{{"startLine", At.Line}, {"startColumn", column(At)}};
  return Object{{"artifactLocation", Object{{"uri", fileUri(At.File)}}},
                {"region", std::move(Region)}};
}

Object ruleJson(llvm::StringRef Check) {
  RuleDescription Rule = describeRule(Check);
  return Object{{"id", Check},
                {"name", Rule.Name},
                {"shortDescription", text(Rule.ShortDescription)},
                {"fullDescription", text(Rule.FullDescription)},
                {"helpUri", Rule.HelpUri},
                {"defaultConfiguration", Object{{"level", "warning"}}}};
}

Array fixesJson(const Finding &Found) {
  if (Found.Fixes.empty())
    return Array{};
  // One fix per finding, one artifactChange per file it edits.
  std::vector<std::string> Files;
  for (const FixEdit &Edit : Found.Fixes)
    if (llvm::find(Files, Edit.File) == Files.end())
      Files.push_back(Edit.File);
  Array Changes;
  for (const std::string &File : Files) {
    Array Replacements;
    for (const FixEdit &Edit : Found.Fixes)
      if (Edit.File == File)
        Replacements.push_back(Object{
            {"deletedRegion", Object{{"startLine", Edit.Begin.Line},
                                     {"startColumn", column(Edit.Begin)},
                                     {"endLine", Edit.End.Line},
                                     {"endColumn", column(Edit.End)}}},
            {"insertedContent", Object{{"text", Edit.Replacement}}}});
    Changes.push_back(Object{{"artifactLocation", Object{{"uri", fileUri(File)}}},
                             {"replacements", std::move(Replacements)}});
  }
  return Array{Object{{"description", text("Apply the suggested fix")},
                      {"artifactChanges", std::move(Changes)}}};
}

Object resultJson(const Finding &Found, unsigned RuleIndex) {
  Object Result{{"ruleId", Found.Check},
                {"ruleIndex", RuleIndex},
                {"level", Found.Level == Severity::Error ? "error" : "warning"},
                {"message", text(Found.Message)},
                {"locations", Array{Object{{"physicalLocation",
                                            physicalLocation(Found.Location)}}}},
                {"partialFingerprints",
                 Object{{"vtlint/v1", Found.Fingerprint}}}};
  if (!Found.Notes.empty()) {
    Array Related;
    for (size_t I = 0; I < Found.Notes.size(); ++I)
      Related.push_back(Object{
          {"id", I + 1},
          {"message", text(Found.Notes[I].Message)},
          {"physicalLocation", physicalLocation(Found.Notes[I].Location)}});
    Result["relatedLocations"] = std::move(Related);
  }
  if (!Found.Fixes.empty())
    Result["fixes"] = fixesJson(Found);
  return Result;
}

} // namespace

std::string renderSarif(const Report &Result) {
  std::vector<std::string> Checks = availableChecks();
  // A finding from a check the binary does not list cannot happen, but a
  // rule index must never point past the array: add it rather than lie.
  for (const FileResult &File : Result.Results)
    for (const Finding &Found : File.Findings)
      if (llvm::find(Checks, Found.Check) == Checks.end())
        Checks.push_back(Found.Check);

  Array Rules;
  for (const std::string &Check : Checks)
    Rules.push_back(ruleJson(Check));

  Array Results, Notifications;
  for (const FileResult &File : Result.Results) {
    if (!File.Compiled)
      Notifications.push_back(Object{
          {"level", "error"},
          {"message", text(File.File + " was not analysed: " + File.FirstError)},
          {"locations",
           Array{Object{
               {"physicalLocation",
                File.FirstErrorAt.Line
                    ? physicalLocation(File.FirstErrorAt)
                    : Object{{"artifactLocation",
                              Object{{"uri", fileUri(File.File)}}}}}}}}});
    for (const Finding &Found : File.Findings) {
      unsigned Index = llvm::find(Checks, Found.Check) - Checks.begin();
      Results.push_back(resultJson(Found, Index));
    }
  }

  Object Invocation{{"executionSuccessful", Result.failedCount() == 0}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);

  Object Driver{{"name", "vtlint"},
                {"version", vtlintVersion()},
                {"semanticVersion", vtlintVersion()},
                {"informationUri", (documentationUri() + "/vtlint.md").str()},
                {"rules", std::move(Rules)}};
  Object Run{{"tool", Object{{"driver", std::move(Driver)}}},
             {"columnKind", "unicodeCodePoints"},
             {"invocations", Array{std::move(Invocation)}},
             {"results", std::move(Results)}};
  llvm::json::Value Root =
      Object{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
             {"version", "2.1.0"},
             {"runs", Array{std::move(Run)}}};
  std::string Out;
  llvm::raw_string_ostream(Out) << llvm::formatv("{0:2}", Root) << "\n";
  return Out;
}

} // namespace vtlint
