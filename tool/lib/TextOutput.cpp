//===--- TextOutput.cpp - clang's diagnostic shape -----------------------===//
//
//   /src/a.cpp:12:3: warning: value task 'v' is ... [valuetask-double-await]
//      12 |   co_await v;
//         |   ^
//   /src/a.cpp:11:3: note: first consumed here
//      11 |   auto x = co_await v;
//         |            ^
//
// as clang 19 prints it (line-number gutter, caret under the column, tabs
// kept in the caret line so it lines up), then, for a translation unit that
// did not compile, its first error and a line saying it was not analysed.
//
//===----------------------------------------------------------------------===//

#include "Report.h"
#include "llvm/Support/raw_ostream.h"

namespace vtlint {
namespace {

void printSnippet(llvm::raw_ostream &Out, unsigned Line, unsigned Column,
                  llvm::StringRef SourceLine) {
  if (Line == 0 || Column == 0)
    return;
  std::string Number = std::to_string(Line);
  std::string Gutter(std::max<size_t>(5, Number.size() + 1), ' ');
  Out << llvm::StringRef(Gutter).drop_back(Number.size()) << Number << " | "
      << SourceLine << "\n";
  Out << Gutter << " | ";
  llvm::StringRef Before = SourceLine.take_front(Column - 1);
  for (char C : Before)
    Out << (C == '\t' ? '\t' : ' ');
  for (size_t I = Before.size(); I + 1 < Column; ++I)
    Out << ' ';
  Out << "^\n";
}

void printPosition(llvm::raw_ostream &Out, const SourcePosition &At) {
  Out << At.File << ":" << At.Line << ":" << At.Column;
}

} // namespace

std::string renderText(const Report &Result) {
  std::string Text;
  llvm::raw_string_ostream Out(Text);
  for (const FileResult &File : Result.Results) {
    if (!File.Compiled)
      Out << File.FirstError << "\n"
          << "vtlint: " << File.File
          << " was not analysed: "
          << (File.Readable ? "it does not compile" : "it cannot be read")
          << "\n";
    for (const Finding &Found : File.Findings) {
      printPosition(Out, Found.Location);
      Out << (Found.Level == Severity::Error ? ": error: " : ": warning: ")
          << Found.Message << " [" << Found.Check << "]\n";
      printSnippet(Out, Found.Location.Line, Found.Location.Column,
                   Found.SourceLine);
      for (const Note &N : Found.Notes) {
        printPosition(Out, N.Location);
        Out << ": note: " << N.Message << "\n";
        printSnippet(Out, N.Location.Line, N.Location.Column, N.SourceLine);
      }
    }
  }
  return Text;
}

} // namespace vtlint
