//===--- Sources.cpp - which translation units to analyse, and how -------===//

#include "Sources.h"
#include "CompileDatabase.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <tuple>

namespace vtlint {

llvm::Error checkReadable(llvm::StringRef File) {
  if (llvm::sys::fs::is_directory(File))
    return llvm::createStringError("cannot read source file '" + File +
                                   "': is a directory");
  llvm::Expected<llvm::sys::fs::file_t> Handle =
      llvm::sys::fs::openNativeFileForRead(File);
  if (!Handle)
    return llvm::createStringError("cannot read source file '" + File +
                                   "': " + llvm::toString(Handle.takeError()));
  llvm::sys::fs::closeFile(*Handle);
  return llvm::Error::success();
}

llvm::Expected<std::vector<AnalysisRequest>>
selectTranslationUnits(const SourceSelection &Selection) {
  std::vector<std::string> Files;
  for (const std::string &File : Selection.Files)
    Files.push_back(absolutePath(File));

  std::vector<AnalysisRequest> Requests;
  if (Selection.FixedFlags) {
    if (Files.empty())
      return llvm::createStringError("no source file given before '--'");
    llvm::SmallString<256> WorkingDirectory;
    llvm::sys::fs::current_path(WorkingDirectory);
    for (const std::string &File : Files) {
      AnalysisRequest Request;
      Request.File = File;
      Request.Directory = WorkingDirectory.str().str();
      Request.CommandLine.push_back("clang++");
      llvm::append_range(Request.CommandLine, *Selection.FixedFlags);
      Request.CommandLine.push_back(File);
      Requests.push_back(std::move(Request));
    }
  } else {
    std::string JsonPath;
    if (Selection.BuildPath) {
      auto Found = compileDatabaseOfBuildPath(*Selection.BuildPath);
      if (!Found)
        return Found.takeError();
      JsonPath = *Found;
    } else if (Files.empty()) {
      return llvm::createStringError(
          "no input: give -p BUILD_DIR, source files, or FILE -- FLAGS");
    } else if (auto Found = findCompileDatabaseAbove(Files.front())) {
      JsonPath = *Found;
    } else {
      return llvm::createStringError(
          "no compile_commands.json found above '" + Files.front() +
          "'; give -p BUILD_DIR or compiler flags after '--'");
    }
    auto Database = loadCompileDatabase(JsonPath);
    if (!Database)
      return Database.takeError();

    if (Files.empty()) {
      for (const clang::tooling::CompileCommand &Command :
           (*Database)->getAllCompileCommands())
        Requests.push_back(requestFromCommand(
            Command, absolutePath(Command.Filename, Command.Directory)));
      if (Requests.empty())
        return llvm::createStringError("compile database '" + JsonPath +
                                       "' lists no file");
    } else {
      // A file the database does not list (a header, a new file) gets the
      // command of its nearest listed neighbour, as clangd does.
      auto Inferring = clang::tooling::inferMissingCompileCommands(
          std::move(*Database));
      for (const std::string &File : Files) {
        auto Commands = Inferring->getCompileCommands(File);
        if (Commands.empty())
          return llvm::createStringError("no compile command for '" + File +
                                         "' in '" + JsonPath + "'");
        Requests.push_back(requestFromCommand(Commands.front(), File));
      }
    }
  }

  // Sorted by path; of the commands for one file, the database's first.
  std::vector<size_t> Order(Requests.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Order[I] = I;
  llvm::sort(Order, [&](size_t A, size_t B) {
    return std::tie(Requests[A].File, A) < std::tie(Requests[B].File, B);
  });
  std::vector<AnalysisRequest> Sorted;
  for (size_t I : Order)
    if (Sorted.empty() || Sorted.back().File != Requests[I].File)
      Sorted.push_back(std::move(Requests[I]));
  Requests = std::move(Sorted);
  // A file named on the command line must exist (a typo is bad usage); a
  // file the database lists may not exist yet (a generated source before
  // the build): the driver reports it as one unit that failed.
  bool AllOfDatabase = !Selection.FixedFlags && Files.empty();
  if (!AllOfDatabase)
    for (const AnalysisRequest &Request : Requests)
      if (llvm::Error Err = checkReadable(Request.File))
        return std::move(Err);
  return Requests;
}

llvm::Expected<Shard> parseShard(llvm::StringRef Text) {
  auto [IndexText, CountText] = Text.split('/');
  Shard Result;
  if (IndexText.getAsInteger(10, Result.Index) ||
      CountText.getAsInteger(10, Result.Count) || Result.Count == 0 ||
      Result.Index == 0 || Result.Index > Result.Count)
    return llvm::createStringError(
        "bad --shard '" + Text +
        "': expected K/N with 1 <= K <= N (shards are numbered from 1)");
  return Result;
}

std::vector<AnalysisRequest> selectShard(std::vector<AnalysisRequest> Requests,
                                         Shard Part) {
  std::vector<AnalysisRequest> Selected;
  for (size_t I = 0; I < Requests.size(); ++I)
    if (I % Part.Count == Part.Index - 1)
      Selected.push_back(std::move(Requests[I]));
  return Selected;
}

} // namespace vtlint
