//===--- SourceText.cpp - byte offsets to lines and columns --------------===//

#include "SourceText.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>

namespace vtlint {

SourceText::SourceText(std::string Contents) : Text(std::move(Contents)) {
  LineStarts.push_back(0);
  for (unsigned I = 0; I < Text.size(); ++I)
    if (Text[I] == '\n')
      LineStarts.push_back(I + 1);
}

std::pair<unsigned, unsigned> SourceText::lineAndColumn(unsigned Offset) const {
  Offset = std::min<unsigned>(Offset, Text.size());
  auto After = std::upper_bound(LineStarts.begin(), LineStarts.end(), Offset);
  unsigned LineIndex = static_cast<unsigned>(After - LineStarts.begin()) - 1;
  return {LineIndex + 1, Offset - LineStarts[LineIndex] + 1};
}

llvm::StringRef SourceText::line(unsigned Line) const {
  if (Line == 0 || Line > LineStarts.size())
    return "";
  unsigned Begin = LineStarts[Line - 1];
  unsigned End = Line < LineStarts.size() ? LineStarts[Line] : Text.size();
  return llvm::StringRef(Text).slice(Begin, End).rtrim("\r\n");
}

unsigned SourceText::codePointColumn(unsigned Line,
                                     unsigned ByteColumn) const {
  llvm::StringRef Before = line(Line).take_front(ByteColumn - 1);
  // Continuation bytes (10xxxxxx) do not start a code point.
  unsigned CodePoints = llvm::count_if(
      Before, [](char C) { return (static_cast<unsigned char>(C) & 0xC0) != 0x80; });
  // A column past the end of the line (a range ending at the line break).
  return CodePoints + (ByteColumn - 1 - Before.size()) + 1;
}

std::string singleLine(llvm::StringRef Message) {
  std::string Result;
  for (size_t I = 0; I < Message.size(); ++I) {
    if (Message[I] != '\n' && Message[I] != '\r') {
      Result += Message[I];
      continue;
    }
    while (!Result.empty() && (Result.back() == ' ' || Result.back() == '\t'))
      Result.pop_back();
    while (I + 1 < Message.size() &&
           llvm::StringRef(" \t\r\n").contains(Message[I + 1]))
      ++I;
    Result += ' ';
  }
  return Result;
}

} // namespace vtlint
