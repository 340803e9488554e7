//===--- ScratchFile.h - fuzz inputs that the code under test reads from disk
//
// The compile database, `.clang-tidy` and baseline loaders take a path, so
// each input is written to a file in a private directory (one per process:
// libFuzzer's -fork/-jobs workers do not share it) and the loader reads it.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TEST_FUZZ_SCRATCHFILE_H
#define VTLINT_TEST_FUZZ_SCRATCHFILE_H

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <string>

namespace vtlint::fuzz {

/// The process's scratch directory, created on first use.
inline const std::string &scratchDirectory() {
  static const std::string Directory = [] {
    llvm::SmallString<128> Path;
    if (llvm::sys::fs::createUniqueDirectory("vtlint-fuzz", Path)) {
      llvm::errs() << "fuzz: cannot create a scratch directory\n";
      std::abort();
    }
    return std::string(Path.str());
  }();
  return Directory;
}

/// Writes Bytes to Name inside the scratch directory; returns the path.
inline std::string writeScratchFile(llvm::StringRef Name, llvm::StringRef Bytes) {
  llvm::SmallString<128> Path(scratchDirectory());
  llvm::sys::path::append(Path, Name);
  std::error_code Error;
  llvm::raw_fd_ostream Out(Path, Error);
  if (Error) {
    llvm::errs() << "fuzz: cannot write " << Path << ": " << Error.message() << "\n";
    std::abort();
  }
  Out << Bytes;
  return std::string(Path.str());
}

} // namespace vtlint::fuzz

#endif // VTLINT_TEST_FUZZ_SCRATCHFILE_H
