//===--- SourceText.h - byte offsets to lines and columns ----------------===//

#ifndef VTLINT_TOOL_LIB_SOURCETEXT_H
#define VTLINT_TOOL_LIB_SOURCETEXT_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace vtlint {

/// A file's contents with an index of line starts.
class SourceText {
public:
  explicit SourceText(std::string Text);

  /// 1-based line and byte column of Offset (clamped to the end of the text).
  std::pair<unsigned, unsigned> lineAndColumn(unsigned Offset) const;
  /// The text of a 1-based line without its line break ("" if out of range).
  llvm::StringRef line(unsigned Line) const;
  llvm::StringRef text() const { return Text; }
  /// The 1-based column, in Unicode code points, of a 1-based byte column.
  unsigned codePointColumn(unsigned Line, unsigned ByteColumn) const;

private:
  std::string Text;
  std::vector<unsigned> LineStarts; // offset of each line's first byte
};

/// Message with every line break (and the indentation after it) turned
/// into one space: a type spelled over two lines stays on one line.
std::string singleLine(llvm::StringRef Message);

} // namespace vtlint

#endif // VTLINT_TOOL_LIB_SOURCETEXT_H
