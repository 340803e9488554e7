//===--- DiffFilter.cpp - --diff: only what a change touches --------------===//

#include "DiffFilter.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

namespace vtlint {

llvm::Expected<ChangedLines> parseUnifiedDiff(llvm::StringRef Diff,
                                              llvm::StringRef BaseDirectory) {
  ChangedLines Changes;
  std::string Current; // absolute path of the file of the hunks that follow
  unsigned NewLine = 0; // the new file's line the next hunk line is on
  llvm::SmallVector<llvm::StringRef> Lines;
  Diff.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    Line = Line.rtrim('\r');
    if (Line.consume_front("+++ ")) {
      // "+++ b/src/a.cpp\t2024-..." (a date after a tab, from diff -u).
      llvm::StringRef Path = Line.split('\t').first.trim();
      Current.clear();
      NewLine = 0;
      if (Path == "/dev/null")
        continue;
      if (Path.starts_with("a/") || Path.starts_with("b/"))
        Path = Path.drop_front(2);
      llvm::SmallString<256> Absolute(Path);
      if (!llvm::sys::path::is_absolute(Absolute))
        llvm::sys::fs::make_absolute(BaseDirectory, Absolute);
      llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
      Current = Absolute.str().str();
      Changes[Current]; // a file the diff names, even with no added line
      continue;
    }
    if (Line.starts_with("--- ") || Line.starts_with("diff "))
      continue;
    if (Line.consume_front("@@ ")) {
      // "@@ -a[,b] +c[,d] @@": the new side starts at line c.
      llvm::StringRef NewSide = Line.split(' ').second.split(' ').first;
      unsigned Start = 0;
      if (!NewSide.consume_front("+") ||
          NewSide.split(',').first.getAsInteger(10, Start))
        return llvm::createStringError("malformed hunk header '@@ " + Line +
                                       "'");
      NewLine = Start;
      continue;
    }
    if (Current.empty() || NewLine == 0)
      continue; // a deleted file's hunk, or text outside hunks
    // Within a hunk: '+' is a changed line of the new file, ' ' an unchanged
    // one (context, with -U1 and more), '-' is not in the new file.
    if (Line.starts_with("+")) {
      auto &Ranges = Changes[Current];
      if (!Ranges.empty() && Ranges.back().second + 1 == NewLine)
        Ranges.back().second = NewLine;
      else
        Ranges.push_back({NewLine, NewLine});
      ++NewLine;
    } else if (Line.starts_with(" ") || Line.empty()) {
      ++NewLine;
    }
  }
  return Changes;
}

llvm::Expected<std::string> readDiff(llvm::StringRef Revision) {
  if (Revision == "-") {
    auto Stdin = llvm::MemoryBuffer::getSTDIN();
    if (!Stdin)
      return llvm::createStringError("cannot read the diff on stdin: " +
                                     Stdin.getError().message());
    return (*Stdin)->getBuffer().str();
  }
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return llvm::createStringError("--diff=" + Revision +
                                   ": git is not on PATH (or pipe a unified "
                                   "diff into --diff=-)");
  llvm::SmallString<128> Output, Errors;
  int OutputFD = -1, ErrorFD = -1;
  if (std::error_code Error = llvm::sys::fs::createTemporaryFile(
          "vtlint-diff", "txt", OutputFD, Output))
    return llvm::createStringError("cannot create a temporary file: " +
                                   Error.message());
  llvm::sys::fs::closeFile(OutputFD);
  if (std::error_code Error = llvm::sys::fs::createTemporaryFile(
          "vtlint-diff", "err", ErrorFD, Errors))
    return llvm::createStringError("cannot create a temporary file: " +
                                   Error.message());
  llvm::sys::fs::closeFile(ErrorFD);
  std::string RevisionText = Revision.str();
  llvm::SmallVector<llvm::StringRef> Arguments = {
      "git", "diff", "-U0", "--no-color", "--no-ext-diff", "--relative",
      RevisionText, "--"};
  std::optional<llvm::StringRef> Redirects[] = {std::nullopt, Output.str(),
                                                Errors.str()};
  int Status = llvm::sys::ExecuteAndWait(*Git, Arguments, std::nullopt,
                                         Redirects);
  auto Read = [](llvm::StringRef Path) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    return Buffer ? (*Buffer)->getBuffer().str() : std::string();
  };
  std::string Diff = Read(Output), Complaint = Read(Errors);
  llvm::sys::fs::remove(Output);
  llvm::sys::fs::remove(Errors);
  if (Status != 0)
    return llvm::createStringError(
        "--diff=" + Revision + ": git diff failed: " +
        llvm::StringRef(Complaint).split('\n').first.trim());
  return Diff;
}

bool onChangedLine(const ChangedLines &Changes, const Finding &Found) {
  auto Changed = [&](const SourcePosition &At) {
    auto File = Changes.find(At.File);
    return File != Changes.end() &&
           llvm::any_of(File->second, [&](const auto &Range) {
             return Range.first <= At.Line && At.Line <= Range.second;
           });
  };
  return Changed(Found.Location) ||
         llvm::any_of(Found.Notes, [&](const Note &N) { return Changed(N.Location); });
}

} // namespace vtlint
