//===--- AtomicFile.h - write a whole file or nothing --------------------===//

#ifndef VTLINT_TOOL_LIB_ATOMICFILE_H
#define VTLINT_TOOL_LIB_ATOMICFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace vtlint {

/// Writes Contents to a temporary file beside Path, then renames it over
/// Path, so readers see the old file or the new one, never a part. An
/// existing file keeps its permissions; a symbolic link keeps its place and
/// its target is replaced. Paths that are not regular files (/dev/stdout, a
/// FIFO, /dev/full) are written in place, and their write errors reported.
llvm::Error writeFileAtomically(llvm::StringRef LinkOrPath, llvm::StringRef Contents);

} // namespace vtlint

#endif // VTLINT_TOOL_LIB_ATOMICFILE_H
