//===--- CompileCommands.cpp - how to compile an open document ------------===//

#include "CompileCommands.h"

#include "CompileDatabase.h"
#include "InstallLayout.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace vtlint::lsp {
namespace {

constexpr llvm::StringLiteral CompilerDriver = "clang++";

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
    return llvm::createStringError("no compile database '" + JsonPath + "'");
  std::lock_guard<std::mutex> Guard(Lock);
  auto Cached = Loaded.find(JsonPath);
  if (Cached != Loaded.end() && Cached->second.Modified == Status.getLastModificationTime())
    return Cached->second.Database;

  auto Json = loadCompileDatabase(JsonPath);
  if (!Json)
    return Json.takeError();
  std::shared_ptr<clang::tooling::CompilationDatabase> Database =
      clang::tooling::inferMissingCompileCommands(std::move(*Json));
  Loaded.insert_or_assign(JsonPath, LoadedDatabase{Status.getLastModificationTime(), Database});
  return Database;
}

llvm::Error CompileCommands::loadBuildDatabase() {
  if (!Settings.BuildPath || Settings.FixedFlags)
    return llvm::Error::success();
  llvm::Expected<std::string> JsonPath =
      compileDatabaseOfBuildPath(*Settings.BuildPath);
  if (!JsonPath)
    return JsonPath.takeError();
  auto Database = database(*JsonPath);
  return Database ? llvm::Error::success() : Database.takeError();
}

llvm::Expected<AnalysisRequest> CompileCommands::requestFor(llvm::StringRef File) {
  if (Settings.FixedFlags)
    return commandWithFlags(File, *Settings.FixedFlags);

  std::optional<std::string> JsonPath;
  if (Settings.BuildPath) {
    llvm::Expected<std::string> Found = compileDatabaseOfBuildPath(*Settings.BuildPath);
    if (!Found)
      return Found.takeError();
    JsonPath = *Found;
  } else {
    JsonPath = findCompileDatabaseAbove(File);
  }
  if (JsonPath) {
    auto Database = database(*JsonPath);
    if (!Database)
      return Database.takeError();
    std::vector<clang::tooling::CompileCommand> Commands = (*Database)->getCompileCommands(File);
    if (!Commands.empty())
      return requestFromCommand(Commands.front(), File);
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
