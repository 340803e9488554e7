//===--- CompileDatabase.cpp - read a compile_commands.json strictly ------===//

#include "CompileDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
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

} // namespace vtlint
