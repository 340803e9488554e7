//===--- Preamble.h - a reused precompiled preamble per open file --------===//
//
// The language server analyses the same file again after every edit, and
// almost all of each parse is the include region at the top of the file
// (<vt/vt.hpp> and the standard headers behind it). As clangd does, vtlint
// compiles that region once into a clang::PrecompiledPreamble (a PCH held
// in memory) and parses only the rest of the file on top of it.
//
// A preamble is reused while all of these hold, else it is built again:
//  1. the compile command (after vtlint's adjustments) is the same;
//  2. the include region's text is the same (ComputePreambleBounds);
//  3. every file the preamble read has the same size and modification time
//     (nanoseconds, from the file system; clang's own CanReuse compares
//     whole seconds, which misses a same-size save within the second);
//  4. clang's CanReuse agrees (it also checks that no header that was
//     missing, and so could now shadow another, has appeared).
// An include region that does not compile gets no preamble: the file is
// parsed whole, so its errors are reported with their include chain. That
// outcome is not remembered (a missing header that appears later is not
// among the inputs to stamp), so each edit of such a file tries again.
//
// Function bodies in headers are kept (clangd skips them): checks may look
// at a callee's body, and the findings must be exactly those of a full parse.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LIB_PREAMBLE_H
#define VTLINT_TOOL_LIB_PREAMBLE_H

#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/PrecompiledPreamble.h"
#include "clang/Serialization/PCHContainerOperations.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace vtlint {

/// How the last request for a file's preamble was served (for the log and
/// for tests).
enum class PreambleOutcome { Reused, Built, NoPreamble, DoesNotCompile };

/// "reused", "built", ... for the server's log.
llvm::StringRef describePreambleOutcome(PreambleOutcome Outcome);

/// A file the preamble read, as it was on disk when it was read.
struct PreambleFileStamp {
  std::string Path; // Absolute.
  uint64_t Size = 0;
  int64_t ModifiedNs = 0;
};

/// Path's size and modification time now (ModifiedNs -1 if unreadable).
PreambleFileStamp stampFile(llvm::StringRef Path);

class PreambleStore {
public:
  /// The preamble to parse \p Main (the contents of \p File) with under
  /// \p Invocation, reused or built now; null when the file has no include
  /// region or that region does not compile (parse the whole file then).
  std::shared_ptr<const clang::PrecompiledPreamble>
  get(const std::string &File, const std::vector<std::string> &CommandLine,
      const clang::CompilerInvocation &Invocation, const llvm::MemoryBuffer &Main,
      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
      std::shared_ptr<clang::PCHContainerOperations> PCH, PreambleOutcome &Outcome);

  /// Drops File's preamble (the editor closed it): it holds megabytes.
  void forget(llvm::StringRef File);

private:
  struct Entry {
    std::vector<std::string> CommandLine;
    std::string RegionText; // The include region the preamble was built from.
    std::vector<PreambleFileStamp> Inputs;
    std::shared_ptr<const clang::PrecompiledPreamble> Preamble;
  };
  static bool inputsUnchanged(const std::vector<PreambleFileStamp> &Inputs);

  std::mutex Lock; // Guards Entries; a build runs without it.
  llvm::StringMap<std::shared_ptr<const Entry>> Entries;
};

} // namespace vtlint

#endif // VTLINT_TOOL_LIB_PREAMBLE_H
