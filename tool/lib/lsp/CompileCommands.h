//===--- CompileCommands.h - how to compile an open document --------------===//
//
// The editor names a file; vtlint needs its compiler command. In order:
//  1. `vtlint --lsp -- FLAGS`: `clang++ FLAGS FILE` for every file, no
//     database (as `vtlint FILE -- FLAGS` does on the command line);
//  2. `vtlint --lsp -p BUILD_DIR`: that compile_commands.json;
//  3. otherwise the nearest compile_commands.json above the file, in a
//     directory or its build/ subdirectory.
// 2 and 3 are the CLI's own (CompileDatabase.h), with its error messages.
// A file the database does not list (a header, a new file) gets the command
// of its nearest listed neighbour, as clangd does. Without a database, or
// when it yields nothing, the default is `clang++ -std=c++20 -I<vt> FILE`
// run in the file's directory: the language the checks need, the vt
// runtime's headers of the checkout vtlint was built from (when they are
// still there), and the file's own directory for its quoted includes.
// Databases are parsed once and reloaded when their file changes on disk.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LSP_COMPILECOMMANDS_H
#define VTLINT_TOOL_LSP_COMPILECOMMANDS_H

#include "Analyzer.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Chrono.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace vtlint::lsp {

inline constexpr llvm::StringLiteral DefaultStandardFlag = "-std=c++20";

/// The flags used without a database (see above).
std::vector<std::string> defaultFlags();

struct CompileCommandSettings {
  std::optional<std::string> BuildPath; // -p: a directory or the JSON file
  /// The flags after `--`, when given (even empty): no database is read.
  std::optional<std::vector<std::string>> FixedFlags;
};

class CompileCommands {
public:
  explicit CompileCommands(CompileCommandSettings Settings) : Settings(std::move(Settings)) {}

  /// Loads the -p database, if any, so a missing or malformed one is
  /// reported before the server starts.
  llvm::Error loadBuildDatabase();

  /// The request for File (absolute), without its unsaved contents. The
  /// error is an unreadable or malformed compile database.
  llvm::Expected<AnalysisRequest> requestFor(llvm::StringRef File);

private:
  struct LoadedDatabase {
    llvm::sys::TimePoint<> Modified;
    std::shared_ptr<clang::tooling::CompilationDatabase> Database;
  };

  /// The database at JsonPath, from the cache unless the file changed.
  llvm::Expected<std::shared_ptr<clang::tooling::CompilationDatabase>>
  database(llvm::StringRef JsonPath);

  CompileCommandSettings Settings;
  std::mutex Lock; // Guards Loaded.
  llvm::StringMap<LoadedDatabase> Loaded;
};

} // namespace vtlint::lsp

#endif // VTLINT_TOOL_LSP_COMPILECOMMANDS_H
