//===--- Diagnostics.cpp - findings -> LSP diagnostics and quick fixes ----===//

#include "Diagnostics.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include <algorithm>
#include <map>

namespace vtlint::lsp {
namespace {

/// Quick-fix titles quote code; longer snippets are cut to keep menus short.
constexpr std::size_t MaxQuotedBytes = 40;

bool isIdentifierByte(char C) { return llvm::isAlnum(C) || C == '_' || C == '$'; }

bool samePath(llvm::StringRef A, llvm::StringRef B) {
  return A == B || llvm::sys::fs::equivalent(A, B);
}

/// The span to underline at a clang position: the identifier starting there,
/// else the one character there (nothing at the very end of a line).
Range spanAt(const LineIndex &Lines, const SourcePosition &At) {
  Position Start = Lines.fromClang(At.Line, At.Column);
  std::size_t Begin = Lines.toOffset(Start);
  llvm::StringRef Rest = Lines.text().drop_front(Begin);
  Rest = Rest.take_until([](char C) { return C == '\n' || C == '\r'; });
  std::size_t Length = 0;
  while (Length < Rest.size() && isIdentifierByte(Rest[Length]))
    ++Length;
  if (Length == 0 && !Rest.empty()) {
    // One character: one UTF-16 unit, or two for a surrogate pair.
    Length = utf8PrefixForUtf16Units(Rest, 1);
    if (Length == 0)
      Length = utf8PrefixForUtf16Units(Rest, 2);
  }
  return {Start, Lines.fromOffset(Begin + Length)};
}

Range spanOf(SourceTexts &Texts, const FixEdit &Edit) {
  const LineIndex &Lines = Texts.lines(Edit.File);
  return {Lines.fromClang(Edit.Begin.Line, Edit.Begin.Column),
          Lines.fromClang(Edit.End.Line, Edit.End.Column)};
}

/// Code quoted in a title: one line, at most MaxQuotedBytes, never cut in
/// the middle of a UTF-8 sequence.
std::string quote(llvm::StringRef Code) {
  std::string Flat;
  for (char C : Code)
    Flat += C == '\n' ? std::string("\\n") : C == '\r' ? std::string() : std::string(1, C);
  if (Flat.size() > MaxQuotedBytes) {
    std::size_t Cut = MaxQuotedBytes;
    while (Cut > 0 && (static_cast<unsigned char>(Flat[Cut]) & 0xC0) == 0x80)
      --Cut;
    Flat = Flat.substr(0, Cut) + "...";
  }
  return "'" + Flat + "'";
}

llvm::json::Value relatedInformation(const Finding &F, SourceTexts &Texts) {
  llvm::json::Array Related;
  for (const Note &N : F.Notes) {
    const LineIndex &Lines = Texts.lines(N.Location.File);
    Related.push_back(llvm::json::Object{
        {"location", llvm::json::Object{{"uri", Texts.uriFor(N.Location.File)},
                                        {"range", toJSON(spanAt(Lines, N.Location))}}},
        {"message", N.Message}});
  }
  return Related;
}

llvm::json::Value quickFix(const Finding &F, const llvm::json::Value &Diagnostic,
                           SourceTexts &Texts) {
  // WorkspaceEdit.changes: URI -> TextEdit[], in the order clang gave them.
  std::map<std::string, llvm::json::Array> EditsByUri;
  for (const FixEdit &Edit : F.Fixes)
    EditsByUri[Texts.uriFor(Edit.File)].push_back(
        llvm::json::Object{{"range", toJSON(spanOf(Texts, Edit))}, {"newText", Edit.Replacement}});
  llvm::json::Object Changes;
  for (auto &[Uri, Edits] : EditsByUri)
    Changes[Uri] = std::move(Edits);
  return llvm::json::Object{{"title", describeFix(F, Texts)},
                            {"kind", "quickfix"},
                            {"isPreferred", true},
                            {"diagnostics", llvm::json::Array{Diagnostic}},
                            {"edit", llvm::json::Object{{"changes", std::move(Changes)}}}};
}

} // namespace

std::string describeFix(const Finding &F, SourceTexts &Texts) {
  std::string What;
  if (F.Fixes.size() != 1) {
    What = "apply " + std::to_string(F.Fixes.size()) + " edits";
  } else {
    const FixEdit &Edit = F.Fixes.front();
    llvm::StringRef Old = Texts.lines(Edit.File).text().substr(Edit.Offset, Edit.Length);
    if (Old.empty())
      What = "insert " + quote(Edit.Replacement);
    else if (Edit.Replacement.empty())
      What = "remove " + quote(Old);
    else
      What = "replace " + quote(Old) + " with " + quote(Edit.Replacement);
  }
  return What + " (" + F.Check + ")";
}

DiagnosticWithFix compileErrorDiagnostic(const FileResult &Result, const Document &Target,
                                         SourceTexts &Texts) {
  DiagnosticWithFix Item;
  std::string Message = Result.FirstError;
  std::optional<llvm::json::Value> Related;
  const LineIndex &Lines = Texts.lines(Target.Path);
  if (!Result.FirstErrorAt.File.empty()) {
    const SourcePosition &At = Result.FirstErrorAt;
    const SourcePosition &IncludedFrom = Result.FirstErrorIncludedFrom;
    Message = Result.FirstErrorMessage;
    if (samePath(At.File, Target.Path)) {
      Item.Span = spanAt(Lines, At);
    } else if (IncludedFrom.Line != 0 && samePath(IncludedFrom.File, Target.Path)) {
      // The whole rest of the #include line, from the file name on.
      Position Start = Lines.fromClang(IncludedFrom.Line, IncludedFrom.Column);
      std::size_t Begin = Lines.toOffset(Start);
      llvm::StringRef Rest = Lines.text().drop_front(Begin);
      std::size_t Length = Rest.find_first_of("\r\n");
      Item.Span = {Start, Lines.fromOffset(Begin + std::min(Length, Rest.size()))};
      Message = "in included file: " + Result.FirstErrorMessage;
      const LineIndex &Header = Texts.lines(At.File);
      Related = llvm::json::Array{llvm::json::Object{
          {"location", llvm::json::Object{{"uri", Texts.uriFor(At.File)},
                                          {"range", toJSON(spanAt(Header, At))}}},
          {"message", Result.FirstErrorMessage}}};
    }
  }
  llvm::json::Object Diagnostic{{"range", toJSON(Item.Span)},
                                {"severity", SeverityError},
                                {"source", DiagnosticSource},
                                {"message", Message}};
  if (Related)
    Diagnostic["relatedInformation"] = std::move(*Related);
  Item.Diagnostic = std::move(Diagnostic);
  return Item;
}

std::vector<DiagnosticWithFix> toDiagnostics(const std::vector<Finding> &Findings,
                                             const Document &Target, SourceTexts &Texts,
                                             const DocUrlFunction &DocUrl) {
  std::vector<DiagnosticWithFix> Result;
  for (const Finding &F : Findings) {
    if (!samePath(F.Location.File, Target.Path))
      continue;
    DiagnosticWithFix Item;
    Item.Span = spanAt(Texts.lines(Target.Path), F.Location);
    llvm::json::Object Diagnostic{
        {"range", toJSON(Item.Span)},
        {"severity", SeverityWarning},
        {"code", F.Check},
        {"codeDescription", llvm::json::Object{{"href", DocUrl(F.Check)}}},
        {"source", DiagnosticSource},
        {"message", F.Message}};
    if (!F.Notes.empty())
      Diagnostic["relatedInformation"] = relatedInformation(F, Texts);
    Item.Diagnostic = std::move(Diagnostic);
    if (!F.Fixes.empty())
      Item.QuickFix = quickFix(F, Item.Diagnostic, Texts);
    for (const FixEdit &Edit : F.Fixes)
      if (samePath(Edit.File, Target.Path))
        Item.EditSpans.push_back(spanOf(Texts, Edit));
    Result.push_back(std::move(Item));
  }
  return Result;
}

} // namespace vtlint::lsp
