//===--- baseline_fuzzer.cpp - the baseline file parser --------------------===//
//
// The input is a baseline file. A malformed one must be an error, never a
// crash; one that loads must round-trip: what toJson() writes loads again
// and writes the same text (so `--write-baseline` never produces a file the
// next run rejects or reads differently).
//
//===----------------------------------------------------------------------===//

#include "Baseline.h"
#include "ScratchFile.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  std::string Path = vtlint::fuzz::writeScratchFile("baseline.json", Text);
  auto First = vtlint::Baseline::load(Path);
  if (!First) {
    llvm::consumeError(First.takeError());
    return 0;
  }
  std::string Written = First->toJson();
  vtlint::fuzz::writeScratchFile("baseline.json", Written);
  auto Second = vtlint::Baseline::load(Path);
  if (!Second) {
    llvm::errs() << "fuzz: a written baseline does not load again: "
                 << llvm::toString(Second.takeError()) << "\n";
    std::abort();
  }
  if (Second->toJson() != Written) {
    llvm::errs() << "fuzz: a baseline does not round-trip\n";
    std::abort();
  }
  return 0;
}
