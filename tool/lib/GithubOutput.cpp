//===--- GithubOutput.cpp - GitHub Actions workflow commands -------------===//
//
//   ::warning file=src/a.cpp,line=12,col=3,title=valuetask-double-await::msg
//
// Escaping follows GitHub's toolkit (@actions/core, command.ts): in the
// message '%', '\r' and '\n' become %25, %0D and %0A; in property values
// ':' and ',' also become %3A and %2C. Notes are appended to the message on
// their own lines; a translation unit that does not compile is an ::error.
// Paths under the working directory (the checkout, in a workflow) are made
// relative to it, which is how GitHub places annotations on a diff.
//
//===----------------------------------------------------------------------===//

#include "Report.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

namespace vtlint {
namespace {

std::string escapeData(llvm::StringRef Text) {
  std::string Result;
  for (char C : Text) {
    switch (C) {
    case '%': Result += "%25"; break;
    case '\r': Result += "%0D"; break;
    case '\n': Result += "%0A"; break;
    default: Result += C;
    }
  }
  return Result;
}

std::string escapeProperty(llvm::StringRef Text) {
  std::string Result;
  for (char C : escapeData(Text)) {
    switch (C) {
    case ':': Result += "%3A"; break;
    case ',': Result += "%2C"; break;
    default: Result += C;
    }
  }
  return Result;
}

std::string workspacePath(llvm::StringRef File) {
  llvm::SmallString<256> WorkingDirectory;
  if (llvm::sys::fs::current_path(WorkingDirectory))
    return File.str();
  WorkingDirectory += "/";
  if (File.starts_with(WorkingDirectory))
    return File.drop_front(WorkingDirectory.size()).str();
  return File.str();
}

} // namespace

std::string renderGithub(const Report &Result) {
  std::string Text;
  llvm::raw_string_ostream Out(Text);
  for (const FileResult &File : Result.Results) {
    if (!File.Compiled) {
      // Annotated where clang's first error is, when it has a place.
      const SourcePosition &At = File.FirstErrorAt;
      Out << "::error file="
          << escapeProperty(workspacePath(At.Line ? At.File : File.File));
      if (At.Line)
        Out << ",line=" << At.Line << ",col=" << At.Column;
      Out << ",title="
          << escapeProperty(File.Readable ? "vtlint: does not compile"
                                          : "vtlint: cannot be read")
          << "::" << escapeData(File.FirstError) << "\n";
    }
    for (const Finding &Found : File.Findings) {
      std::string Message = Found.Message;
      for (const Note &N : Found.Notes)
        Message += "\n" + workspacePath(N.Location.File) + ":" + std::to_string(N.Location.Line) +
                   ":" + std::to_string(N.Location.Column) + ": note: " + N.Message;
      Out << (Found.Level == Severity::Error ? "::error" : "::warning")
          << " file=" << escapeProperty(workspacePath(Found.Location.File))
          << ",line=" << Found.Location.Line << ",col=" << Found.Location.Column
          << ",title=" << escapeProperty(Found.Check) << "::"
          << escapeData(Message) << "\n";
    }
  }
  return Text;
}

} // namespace vtlint
