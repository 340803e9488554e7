//===--- CompileDatabase.h - read a compile_commands.json strictly --------===//
//
// clang's JSONCompilationDatabase reads the file with LLVM's YAML parser,
// which is more forgiving than JSON: a bad escape inside a string is
// printed to stderr (the whole document, not one line) and the entry's
// command is silently dropped. And an entry whose "directory" is relative
// loads, but then every path of it is relative to nothing (positions of
// findings come out as 0:0). Found by the compile_database fuzz target.
// So the file is first checked to be JSON, with absolute directories; only
// then does clang's reader parse the entries.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LIB_COMPILEDATABASE_H
#define VTLINT_TOOL_LIB_COMPILEDATABASE_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <memory>

namespace vtlint {

/// The database at JsonPath; the error is only the reason (one line), for
/// the caller to prefix with its own words and the path.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadJsonCompileDatabase(llvm::StringRef JsonPath);

} // namespace vtlint

#endif // VTLINT_TOOL_LIB_COMPILEDATABASE_H
