//===--- Positions.cpp - clang locations <-> LSP positions ----------------===//

#include "Positions.h"

#include <algorithm>
#include <cstdint>
#include <optional>

namespace vtlint::lsp {
namespace {

/// The UTF-8 sequence length announced by a lead byte, or 1 for a byte that
/// cannot start a sequence (counted as one unit of its own).
std::size_t sequenceLength(unsigned char Lead) {
  if (Lead < 0xC0)
    return 1;
  if (Lead < 0xE0)
    return 2;
  if (Lead < 0xF0)
    return 3;
  if (Lead < 0xF8)
    return 4;
  return 1;
}

/// Length of the code point starting at Utf8[At]: its announced length if
/// every continuation byte is there, else 1 (an invalid byte).
std::size_t codePointBytes(llvm::StringRef Utf8, std::size_t At) {
  std::size_t Length = sequenceLength(static_cast<unsigned char>(Utf8[At]));
  if (At + Length > Utf8.size())
    return 1;
  for (std::size_t I = 1; I < Length; ++I)
    if ((static_cast<unsigned char>(Utf8[At + I]) & 0xC0) != 0x80)
      return 1;
  return Length;
}

unsigned utf16Units(std::size_t CodePointBytes) { return CodePointBytes == 4 ? 2 : 1; }

} // namespace

unsigned utf16Length(llvm::StringRef Utf8) {
  unsigned Units = 0;
  for (std::size_t At = 0; At < Utf8.size();) {
    std::size_t Bytes = codePointBytes(Utf8, At);
    Units += utf16Units(Bytes);
    At += Bytes;
  }
  return Units;
}

std::size_t utf8PrefixForUtf16Units(llvm::StringRef Utf8, unsigned Units) {
  std::size_t At = 0;
  unsigned Seen = 0;
  while (At < Utf8.size()) {
    std::size_t Bytes = codePointBytes(Utf8, At);
    if (Seen + utf16Units(Bytes) > Units)
      break;
    Seen += utf16Units(Bytes);
    At += Bytes;
  }
  return At;
}

llvm::json::Value toJSON(const Position &P) {
  return llvm::json::Object{{"line", P.Line}, {"character", P.Character}};
}

llvm::json::Value toJSON(const Range &R) {
  return llvm::json::Object{{"start", toJSON(R.Start)}, {"end", toJSON(R.End)}};
}

bool fromJSON(const llvm::json::Value &V, Position &P, llvm::json::Path Path) {
  const llvm::json::Object *O = V.getAsObject();
  if (!O) {
    Path.report("expected a position object");
    return false;
  }
  std::optional<int64_t> Line = O->getInteger("line");
  std::optional<int64_t> Character = O->getInteger("character");
  if (!Line || !Character || *Line < 0 || *Character < 0 ||
      *Line > UINT32_MAX || *Character > UINT32_MAX) {
    Path.report("expected non-negative integers 'line' and 'character'");
    return false;
  }
  P.Line = static_cast<unsigned>(*Line);
  P.Character = static_cast<unsigned>(*Character);
  return true;
}

bool fromJSON(const llvm::json::Value &V, Range &R, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("start", R.Start) && O.map("end", R.End);
}

LineIndex::LineIndex(llvm::StringRef Text) : Text(Text) {
  LineStarts.push_back(0);
  for (std::size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] == '\r' && I + 1 < Text.size() && Text[I + 1] == '\n')
      ++I;
    if (Text[I] == '\n' || Text[I] == '\r')
      LineStarts.push_back(I + 1);
  }
}

llvm::StringRef LineIndex::line(unsigned Line) const {
  if (Line >= LineStarts.size())
    return {};
  std::size_t Begin = LineStarts[Line];
  std::size_t End = Line + 1 < LineStarts.size() ? LineStarts[Line + 1] : Text.size();
  llvm::StringRef Content = Text.slice(Begin, End);
  if (Content.ends_with("\n"))
    Content = Content.drop_back();
  if (Content.ends_with("\r"))
    Content = Content.drop_back();
  return Content;
}

Position LineIndex::fromOffset(std::size_t Offset) const {
  Offset = std::min(Offset, Text.size());
  // The last line start at or before Offset.
  auto Next = std::upper_bound(LineStarts.begin(), LineStarts.end(), Offset);
  unsigned Line = static_cast<unsigned>(Next - LineStarts.begin() - 1);
  llvm::StringRef Content = line(Line);
  std::size_t Column = std::min(Offset - LineStarts[Line], Content.size());
  return {Line, utf16Length(Content.take_front(Column))};
}

Position LineIndex::fromClang(unsigned Line, unsigned ByteColumn) const {
  if (Line == 0)
    Line = 1;
  if (Line > LineStarts.size())
    return fromOffset(Text.size());
  llvm::StringRef Content = line(Line - 1);
  std::size_t Column = ByteColumn == 0 ? 0 : ByteColumn - 1;
  Column = std::min<std::size_t>(Column, Content.size());
  return {Line - 1, utf16Length(Content.take_front(Column))};
}

std::size_t LineIndex::toOffset(Position P) const {
  if (P.Line >= LineStarts.size())
    return Text.size();
  return LineStarts[P.Line] + utf8PrefixForUtf16Units(line(P.Line), P.Character);
}

} // namespace vtlint::lsp
