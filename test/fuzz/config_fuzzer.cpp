//===--- config_fuzzer.cpp - `.clang-tidy` files and --checks globs --------===//
//
// The input is a `.clang-tidy` file, read three ways: parsed alone, as a
// --config-file resolved for a source file, and (its first line) as a
// --checks glob. Each must give options or a one-line error, never a crash.
//
//===----------------------------------------------------------------------===//

#include "Configuration.h"
#include "ScratchFile.h"
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  std::string Path = vtlint::fuzz::writeScratchFile(".clang-tidy", Text);

  if (auto Options = vtlint::parseConfigurationFile(Path); !Options)
    llvm::consumeError(Options.takeError());

  vtlint::ConfigurationSettings FromFile;
  FromFile.ConfigFile = Path;
  if (auto Config = vtlint::Configuration::create(FromFile)) {
    std::string Source = vtlint::fuzz::scratchDirectory() + "/source.cpp";
    if (auto Options = (*Config)->optionsFor(Source); !Options)
      llvm::consumeError(Options.takeError());
  } else {
    llvm::consumeError(Config.takeError());
  }

  llvm::StringRef Glob = Text.split('\n').first;
  if (llvm::Error Invalid = vtlint::validateChecksGlob(Glob, "--checks"))
    llvm::consumeError(std::move(Invalid));
  else
    (void)vtlint::enabledChecks(Glob);
  return 0;
}
