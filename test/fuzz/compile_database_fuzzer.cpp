//===--- compile_database_fuzzer.cpp - compile_commands.json loading -------===//
//
// The input is a compile_commands.json; vtlint selects its translation units
// the way `vtlint -p DIR` does. Every input must give requests or an error,
// never a crash; accepted requests must name absolute files in absolute
// directories (an empty command is allowed: that file is reported as
// failed with "no compile command").
//
//===----------------------------------------------------------------------===//

#include "ScratchFile.h"
#include "Sources.h"
#include "llvm/Support/Path.h"
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Json(reinterpret_cast<const char *>(Data), Size);
  vtlint::SourceSelection Selection;
  Selection.BuildPath = vtlint::fuzz::writeScratchFile("compile_commands.json", Json);
  auto Requests = vtlint::selectTranslationUnits(Selection);
  if (!Requests) {
    llvm::consumeError(Requests.takeError());
    return 0;
  }
  for (const vtlint::AnalysisRequest &Request : *Requests)
    if (!llvm::sys::path::is_absolute(Request.File) ||
        !llvm::sys::path::is_absolute(Request.Directory))
      std::abort(); // Positions and fixes would point nowhere.
  return 0;
}
