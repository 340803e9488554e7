//===--- Arguments.h - what llvm::cl lets through but vtlint must not ----===//
//
// llvm::cl treats an unknown argument that begins with the name of a
// one-letter option as a group of one-letter options: `--hello` and
// clang-tidy's `--header-filter` both started with `-h` and printed the help
// with exit 0, so a CI job passing them went green without analysing
// anything. So every argument is first looked up in llvm::cl's own registry
// of options; an argument that names none (and is not a cl::Prefix option
// followed by its value, such as `-j2`) is bad usage.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LIB_ARGUMENTS_H
#define VTLINT_TOOL_LIB_ARGUMENTS_H

#include "llvm/ADT/ArrayRef.h"
#include <optional>
#include <string>

namespace vtlint {

/// The first argument of Args (argv[0] first, nothing after `--`) that is
/// not a registered llvm::cl option, if any.
std::optional<std::string> findUnknownOption(llvm::ArrayRef<const char *> Args);

} // namespace vtlint

#endif // VTLINT_TOOL_LIB_ARGUMENTS_H
