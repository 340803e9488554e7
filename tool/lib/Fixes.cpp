//===--- Fixes.cpp - apply the fix-its of findings (--fix) ---------------===//

#include "Fixes.h"
#include "AtomicFile.h"
#include "SourceText.h"
#include "clang/Tooling/Core/Replacement.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

namespace vtlint {
namespace {

using clang::tooling::Replacement;
using clang::tooling::Replacements;

bool contains(const Replacements &Set, const Replacement &R) {
  for (const Replacement &Existing : Set)
    if (Existing == R)
      return true;
  return false;
}

/// Adds every edit of Found to a copy of Taken; the copy only if all fit.
bool takeWhole(const Finding &Found, llvm::StringMap<Replacements> &Taken) {
  llvm::StringMap<Replacements> Trial = Taken;
  for (const FixEdit &Edit : Found.Fixes) {
    Replacement R(Edit.File, Edit.Offset, Edit.Length, Edit.Replacement);
    Replacements &Set = Trial[Edit.File];
    if (contains(Set, R))
      continue;
    if (llvm::Error Err = Set.add(R)) {
      llvm::consumeError(std::move(Err));
      return false;
    }
  }
  Taken = std::move(Trial);
  return true;
}

/// True when Path's current text is still what Found was computed from, as
/// far as its fixes can tell: the finding's line reads the same, and every
/// edit's byte offset still falls on the line and column it had. A file
/// changed during the run (an editor saved it) fails this unless the change
/// left every fixed place exactly where it was.
bool stillAsAnalysed(const SourceText &Current, llvm::StringRef Path,
                     const Finding &Found) {
  if (Found.Location.File == Path &&
      Current.line(Found.Location.Line) != Found.SourceLine)
    return false;
  for (const FixEdit &Edit : Found.Fixes) {
    if (Edit.File != Path)
      continue;
    if (Edit.Offset + Edit.Length > Current.text().size() ||
        Current.lineAndColumn(Edit.Offset) !=
            std::make_pair(Edit.Begin.Line, Edit.Begin.Column))
      return false;
  }
  return true;
}

bool editsFile(const Finding &Found, llvm::StringRef Path) {
  return llvm::any_of(Found.Fixes,
                      [&](const FixEdit &Edit) { return Edit.File == Path; });
}

} // namespace

llvm::Expected<std::vector<bool>>
applyFixes(const std::vector<const Finding *> &Findings) {
  std::vector<bool> Fixed(Findings.size(), false);
  llvm::StringMap<Replacements> Taken;
  for (size_t I = 0; I < Findings.size(); ++I)
    if (!Findings[I]->Fixes.empty())
      Fixed[I] = takeWhole(*Findings[I], Taken);

  for (const auto &FileEdits : Taken) {
    llvm::StringRef Path = FileEdits.getKey();
    auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false);
    if (!Buffer)
      return llvm::createStringError("cannot read '" + Path +
                                     "' to fix it: " +
                                     Buffer.getError().message());
    llvm::StringRef Original = (*Buffer)->getBuffer();
    // The file may have changed since it was analysed: then its fixes could
    // land in the wrong place, so it is left alone and reported.
    SourceText Current(Original.str());
    bool Unchanged = true;
    for (size_t I = 0; I < Findings.size(); ++I)
      if (Fixed[I] && editsFile(*Findings[I], Path) &&
          !stillAsAnalysed(Current, Path, *Findings[I]))
        Unchanged = false;
    if (!Unchanged) {
      llvm::errs() << "vtlint: warning: '" << Path
                   << "' changed since it was analysed; its fixes were not "
                      "applied (run vtlint again)\n";
      for (size_t I = 0; I < Findings.size(); ++I)
        if (editsFile(*Findings[I], Path))
          Fixed[I] = false;
      continue;
    }
    llvm::Expected<std::string> Changed =
        clang::tooling::applyAllReplacements(Original, FileEdits.getValue());
    if (!Changed)
      return llvm::createStringError("cannot fix '" + Path + "': " +
                                     llvm::toString(Changed.takeError()));
    if (*Changed != Original)
      if (llvm::Error Err = writeFileAtomically(Path, *Changed))
        return std::move(Err);
  }
  return Fixed;
}

namespace {

llvm::StringMap<Replacements> replacementsOf(const std::vector<FixEdit> &Edits) {
  llvm::StringMap<Replacements> ByFile;
  for (const FixEdit &Edit : Edits)
    // A conflicting edit within one finding cannot be exported as one set.
    llvm::consumeError(ByFile[Edit.File].add(
        Replacement(Edit.File, Edit.Offset, Edit.Length, Edit.Replacement)));
  return ByFile;
}

} // namespace

std::string exportFixesYaml(const std::vector<const Finding *> &Findings,
                            llvm::StringRef MainFile) {
  namespace tooling = clang::tooling;
  tooling::TranslationUnitDiagnostics Exported;
  Exported.MainSourceFile = MainFile.str();
  for (const Finding *Found : Findings) {
    tooling::DiagnosticMessage Message;
    Message.Message = Found->Message;
    Message.FilePath = Found->Location.File;
    Message.FileOffset = Found->Location.Offset;
    Message.Fix = replacementsOf(Found->Fixes);
    llvm::SmallVector<tooling::DiagnosticMessage, 1> Notes;
    for (const Note &N : Found->Notes) {
      tooling::DiagnosticMessage Added;
      Added.Message = N.Message;
      Added.FilePath = N.Location.File;
      Added.FileOffset = N.Location.Offset;
      Added.Fix = replacementsOf(N.Fixes);
      Notes.push_back(std::move(Added));
    }
    Exported.Diagnostics.emplace_back(
        Found->Check, Message, Notes,
        Found->Level == Severity::Error ? tooling::Diagnostic::Error
                                        : tooling::Diagnostic::Warning,
        /*BuildDirectory=*/"");
  }
  std::string Text;
  llvm::raw_string_ostream Stream(Text);
  llvm::yaml::Output Yaml(Stream);
  Yaml << Exported;
  Stream.flush();
  return Text;
}

} // namespace vtlint
