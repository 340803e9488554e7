//===--- CompileDatabase.h - find and read a compile_commands.json --------===//
//
// The one place the CLI (Sources.h) and the language server
// (lsp/CompileCommands.h) find, read and turn compile databases into
// requests, so both look in the same places and say the same things:
//  * -p names the build directory or the JSON file itself;
//  * without -p, the nearest DIR/compile_commands.json or
//    DIR/build/compile_commands.json above the file (clang-tidy looks in
//    DIR, clangd also in DIR/build: a project set up for either works);
//  * errors: "build directory 'D' does not exist", "no
//    compile_commands.json in 'D' (configure with ...)", "malformed compile
//    database 'F': reason".
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

#include "Analyzer.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>

namespace vtlint {

inline constexpr llvm::StringLiteral CompileDatabaseName = "compile_commands.json";

/// The database at JsonPath; the error is only the reason (one line), for
/// the caller to prefix with its own words and the path.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadJsonCompileDatabase(llvm::StringRef JsonPath);

/// loadJsonCompileDatabase, the error worded "malformed compile database
/// 'F': reason".
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompileDatabase(llvm::StringRef JsonPath);

/// The absolute path of the database -p names (a directory or the file).
llvm::Expected<std::string> compileDatabaseOfBuildPath(llvm::StringRef BuildPath);

/// The nearest DIR/compile_commands.json or DIR/build/compile_commands.json
/// above File, if any.
std::optional<std::string> findCompileDatabaseAbove(llvm::StringRef File);

/// Path made absolute against Base (default: the working directory), with
/// "." and ".." removed.
std::string absolutePath(llvm::StringRef Path, llvm::StringRef Base = "");

/// The request to analyse File with Command.
AnalysisRequest requestFromCommand(const clang::tooling::CompileCommand &Command,
                                   llvm::StringRef File);

} // namespace vtlint

#endif // VTLINT_TOOL_LIB_COMPILEDATABASE_H
