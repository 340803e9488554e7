//===--- CompileCommands.cpp - how to compile an open document ------------===//

#include "CompileCommands.h"

#include "CompileDatabase.h"
#include "InstallLayout.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace vtlint::lsp {
namespace {

constexpr llvm::StringLiteral DatabaseName = "compile_commands.json";
constexpr llvm::StringLiteral CompilerDriver = "clang++";

/// -p accepts the build directory or the JSON file itself.
std::string databasePath(llvm::StringRef BuildPath) {
  llvm::SmallString<256> Path(BuildPath);
  llvm::sys::fs::make_absolute(Path);
  if (llvm::sys::fs::is_directory(Path))
    llvm::sys::path::append(Path, DatabaseName);
  return Path.str().str();
}

/// The nearest DIR/compile_commands.json or DIR/build/compile_commands.json
/// above File (clangd looks in the same places, so a project set up for
/// clangd works unchanged).
std::optional<std::string> databaseAbove(llvm::StringRef File) {
  for (llvm::StringRef Directory = llvm::sys::path::parent_path(File); !Directory.empty();
       Directory = llvm::sys::path::parent_path(Directory)) {
    for (llvm::StringRef Subdirectory : {"", "build"}) {
      llvm::SmallString<256> Candidate(Directory);
      llvm::sys::path::append(Candidate, Subdirectory, DatabaseName);
      if (llvm::sys::fs::exists(Candidate))
        return Candidate.str().str();
    }
  }
  return std::nullopt;
}

AnalysisRequest commandWithFlags(llvm::StringRef File, llvm::ArrayRef<std::string> Flags) {
  AnalysisRequest Request;
  Request.File = File.str();
  Request.Directory = llvm::sys::path::parent_path(File).str();
  Request.CommandLine.push_back(CompilerDriver.str());
  llvm::append_range(Request.CommandLine, Flags);
  Request.CommandLine.push_back(File.str());
  return Request;
}

} // namespace

llvm::Expected<std::shared_ptr<clang::tooling::CompilationDatabase>>
CompileCommands::database(llvm::StringRef JsonPath) {
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(JsonPath, Status) || !llvm::sys::fs::exists(Status))
    return llvm::createStringError("compile database '" + JsonPath + "' not found");
  std::lock_guard<std::mutex> Guard(Lock);
  auto Cached = Loaded.find(JsonPath);
  if (Cached != Loaded.end() && Cached->second.Modified == Status.getLastModificationTime())
    return Cached->second.Database;

  auto Json = loadJsonCompileDatabase(JsonPath);
  if (!Json)
    return llvm::createStringError("cannot read compile database '" + JsonPath +
                                   "': " + llvm::toString(Json.takeError()));
  std::shared_ptr<clang::tooling::CompilationDatabase> Database =
      clang::tooling::inferMissingCompileCommands(std::move(*Json));
  Loaded.insert_or_assign(JsonPath, LoadedDatabase{Status.getLastModificationTime(), Database});
  return Database;
}

llvm::Error CompileCommands::loadBuildDatabase() {
  if (!Settings.BuildPath || Settings.FixedFlags)
    return llvm::Error::success();
  auto Database = database(databasePath(*Settings.BuildPath));
  return Database ? llvm::Error::success() : Database.takeError();
}

llvm::Expected<AnalysisRequest> CompileCommands::requestFor(llvm::StringRef File) {
  if (Settings.FixedFlags)
    return commandWithFlags(File, *Settings.FixedFlags);

  std::optional<std::string> JsonPath =
      Settings.BuildPath ? databasePath(*Settings.BuildPath) : databaseAbove(File);
  if (JsonPath) {
    auto Database = database(*JsonPath);
    if (!Database)
      return Database.takeError();
    std::vector<clang::tooling::CompileCommand> Commands = (*Database)->getCompileCommands(File);
    if (!Commands.empty()) {
      AnalysisRequest Request;
      Request.File = File.str();
      Request.Directory = Commands.front().Directory;
      Request.CommandLine = Commands.front().CommandLine;
      return Request;
    }
  }
  return commandWithFlags(File, defaultFlags());
}

std::vector<std::string> defaultFlags() {
  std::vector<std::string> Flags{DefaultStandardFlag.str()};
  if (std::string RuntimeInclude = resolveRuntimeIncludeDirectory();
      !RuntimeInclude.empty())
    Flags.push_back("-I" + RuntimeInclude);
  return Flags;
}

} // namespace vtlint::lsp
