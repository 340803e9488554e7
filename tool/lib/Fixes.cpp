//===--- Fixes.cpp - apply the fix-its of findings (--fix) ---------------===//

#include "Fixes.h"
#include "AtomicFile.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"

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

} // namespace vtlint
