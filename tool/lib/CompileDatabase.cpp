//===--- CompileDatabase.cpp - find and read a compile_commands.json ------===//

#include "CompileDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <string>

namespace vtlint {

llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadJsonCompileDatabase(llvm::StringRef JsonPath) {
  auto Buffer = llvm::MemoryBuffer::getFile(JsonPath, /*IsText=*/true);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError().message());
  llvm::StringRef Text = (*Buffer)->getBuffer();

  // 1. JSON, not just YAML (see the header).
  llvm::Expected<llvm::json::Value> Json = llvm::json::parse(Text);
  if (!Json)
    return llvm::createStringError("not valid JSON: " +
                                   llvm::toString(Json.takeError()));
  // 2. Absolute working directories. The shape (an array of objects with
  //    "file" and a command) is left to clang's reader and its messages.
  if (const llvm::json::Array *Entries = Json->getAsArray())
    for (size_t I = 0; I < Entries->size(); ++I)
      if (const llvm::json::Object *Entry = (*Entries)[I].getAsObject())
        if (std::optional<llvm::StringRef> Directory = Entry->getString("directory"))
          if (!llvm::sys::path::is_absolute(*Directory))
            return llvm::createStringError(
                "entry " + std::to_string(I) +
                ": \"directory\" must be an absolute path, not '" +
                Directory->str() + "'");

  std::string Error;
  std::unique_ptr<clang::tooling::CompilationDatabase> Database =
      clang::tooling::JSONCompilationDatabase::loadFromBuffer(
          Text, Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Database)
    return llvm::createStringError(Error);
  return Database;
}

llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompileDatabase(llvm::StringRef JsonPath) {
  auto Database = loadJsonCompileDatabase(JsonPath);
  if (!Database)
    return llvm::createStringError("malformed compile database '" + JsonPath +
                                   "': " + llvm::toString(Database.takeError()));
  return Database;
}

std::string absolutePath(llvm::StringRef Path, llvm::StringRef Base) {
  llvm::SmallString<256> Result(Path);
  if (!llvm::sys::path::is_absolute(Result)) {
    if (Base.empty())
      llvm::sys::fs::make_absolute(Result);
    else
      llvm::sys::fs::make_absolute(Base, Result);
  }
  llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/true);
  return Result.str().str();
}

llvm::Expected<std::string> compileDatabaseOfBuildPath(llvm::StringRef BuildPath) {
  llvm::SmallString<256> Path(absolutePath(BuildPath));
  if (!llvm::sys::fs::exists(Path))
    return llvm::createStringError("build directory '" + Path +
                                   "' does not exist");
  if (llvm::sys::fs::is_directory(Path)) {
    llvm::sys::path::append(Path, CompileDatabaseName);
    if (!llvm::sys::fs::exists(Path))
      return llvm::createStringError(
          "no " + CompileDatabaseName + " in '" + absolutePath(BuildPath) +
          "' (configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)");
  }
  return Path.str().str();
}

std::optional<std::string> findCompileDatabaseAbove(llvm::StringRef File) {
  for (llvm::StringRef Directory = llvm::sys::path::parent_path(File);
       !Directory.empty(); Directory = llvm::sys::path::parent_path(Directory)) {
    for (llvm::StringRef Subdirectory : {"", "build"}) {
      llvm::SmallString<256> Candidate(Directory);
      llvm::sys::path::append(Candidate, Subdirectory, CompileDatabaseName);
      if (llvm::sys::fs::exists(Candidate))
        return Candidate.str().str();
    }
  }
  return std::nullopt;
}

AnalysisRequest requestFromCommand(const clang::tooling::CompileCommand &Command,
                                   llvm::StringRef File) {
  AnalysisRequest Request;
  Request.File = File.str();
  Request.Directory = Command.Directory;
  Request.CommandLine = Command.CommandLine;
  return Request;
}

} // namespace vtlint
