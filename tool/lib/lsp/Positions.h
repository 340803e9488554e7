//===--- Positions.h - clang locations <-> LSP positions ------------------===//
//
// clang counts lines from 1 and columns in bytes from 1; LSP counts both from
// 0 and measures columns in UTF-16 code units (the protocol's default and
// only mandatory encoding). A character outside the Basic Multilingual Plane
// is 4 bytes of UTF-8 and 2 UTF-16 units; other characters are 1-3 bytes and
// 1 unit. Bytes that are not valid UTF-8 count as one unit each, so the
// conversion is total. Lines end at "\n", "\r\n" or a lone "\r", as both
// clang and LSP define them.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LSP_POSITIONS_H
#define VTLINT_TOOL_LSP_POSITIONS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include <cstddef>
#include <vector>

namespace vtlint::lsp {

/// An LSP position: 0-based line, 0-based UTF-16 column.
struct Position {
  unsigned Line = 0;
  unsigned Character = 0;
  friend bool operator==(const Position &A, const Position &B) {
    return A.Line == B.Line && A.Character == B.Character;
  }
  friend bool operator<(const Position &A, const Position &B) {
    return A.Line != B.Line ? A.Line < B.Line : A.Character < B.Character;
  }
  friend bool operator<=(const Position &A, const Position &B) { return !(B < A); }
};

struct Range {
  Position Start;
  Position End;
};

llvm::json::Value toJSON(const Position &P);
llvm::json::Value toJSON(const Range &R);
/// Reads {line, character}; false if either is missing or negative.
bool fromJSON(const llvm::json::Value &V, Position &P, llvm::json::Path Path);
bool fromJSON(const llvm::json::Value &V, Range &R, llvm::json::Path Path);

/// Line starts of one text, for converting in both directions. The text
/// must outlive the index.
class LineIndex {
public:
  explicit LineIndex(llvm::StringRef Text);

  llvm::StringRef text() const { return Text; }
  unsigned lineCount() const { return static_cast<unsigned>(LineStarts.size()); }
  /// The content of a 0-based line, without its terminator.
  llvm::StringRef line(unsigned Line) const;

  /// clang's 1-based line and 1-based byte column to an LSP position. A
  /// column past the end of the line maps to the line's end; a line past
  /// the end of the text maps to the end of the text.
  Position fromClang(unsigned Line, unsigned ByteColumn) const;
  /// A byte offset into the text to an LSP position.
  Position fromOffset(std::size_t Offset) const;
  /// An LSP position to a byte offset. As the protocol asks, a character
  /// past the end of its line means the end of the line, and a line past the
  /// end of the text means the end of the text.
  std::size_t toOffset(Position P) const;

private:
  llvm::StringRef Text;
  std::vector<std::size_t> LineStarts;
};

/// UTF-16 code units in a UTF-8 string.
unsigned utf16Length(llvm::StringRef Utf8);
/// The byte length of the longest prefix of Utf8 that is at most Units UTF-16
/// code units long (a surrogate pair is never split).
std::size_t utf8PrefixForUtf16Units(llvm::StringRef Utf8, unsigned Units);

} // namespace vtlint::lsp

#endif // VTLINT_TOOL_LSP_POSITIONS_H
