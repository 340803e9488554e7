//===--- checks_fuzzer.cpp - the five checks on mutated C++ ----------------===//
//
// The input is a C++ source file (seeded from test/checks/*.cpp), analysed
// in-process with every valuetask-* check exactly as `vtlint` would, against
// the vt runtime headers. Invalid code must be skipped or reported as a
// compile error, never crash a check; every finding must point into the file.
//
//===----------------------------------------------------------------------===//

#include "Analyzer.h"
#include "Configuration.h"
#include "ScratchFile.h"
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static std::unique_ptr<vtlint::Configuration> Config = [] {
    vtlint::ConfigurationSettings Settings;
    Settings.ChecksGlob = "valuetask-*";
    auto Created = vtlint::Configuration::create(Settings);
    if (!Created) {
      llvm::errs() << "fuzz: " << llvm::toString(Created.takeError()) << "\n";
      std::abort();
    }
    return std::move(*Created);
  }();
  vtlint::AnalysisRequest Request;
  Request.Directory = vtlint::fuzz::scratchDirectory();
  Request.File = Request.Directory + "/input.cpp";
  Request.CommandLine = {"clang++", "-std=c++20", "-fsyntax-only",
                         "-I" VTLINT_FUZZ_RUNTIME_INCLUDE, Request.File};
  Request.UnsavedContents = std::string(reinterpret_cast<const char *>(Data), Size);
  auto Result = vtlint::analyzeFile(Request, *Config);
  if (!Result) {
    llvm::consumeError(Result.takeError());
    return 0;
  }
  // vtlint recovers from a crash in clang or a check (the file counts as
  // failed); for the fuzzer that is still a crash to report.
  if (!Result->Compiled && Result->FirstError.find("crashed") != std::string::npos) {
    llvm::errs() << "fuzz: " << Result->FirstError << "\n";
    std::abort();
  }
  for (const vtlint::Finding &Found : Result->Findings)
    if (Found.Location.File == Request.File && Found.Location.Offset > Size)
      std::abort(); // A finding past the end of the file it names.
  return 0;
}
