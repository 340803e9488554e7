//===--- SourceText.cpp - byte offsets to lines and columns --------------===//

#include "SourceText.h"
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

} // namespace vtlint
