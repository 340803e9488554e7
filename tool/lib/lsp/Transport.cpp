//===--- Transport.cpp - LSP base protocol: Content-Length framing --------===//

#include "Transport.h"

#include "llvm/ADT/StringExtras.h"
#include <optional>

namespace vtlint::lsp {
namespace {

constexpr llvm::StringLiteral ContentLengthHeader = "content-length:";
/// A header line longer than this is garbage; the rest of it is skipped so a
/// stream without newlines cannot make the reader buffer without bound.
constexpr std::size_t MaxHeaderLineBytes = 8192;

/// Finds "Content-Length:" anywhere in a line (case-insensitively): after a
/// framing error the next header may follow the remains of a body directly.
std::optional<llvm::StringRef> contentLengthValue(llvm::StringRef Line) {
  std::size_t At = Line.find_insensitive(ContentLengthHeader);
  if (At == llvm::StringRef::npos)
    return std::nullopt;
  return Line.drop_front(At + ContentLengthHeader.size()).trim();
}

} // namespace

bool MessageReader::readHeaderLine(std::string &Line) {
  Line.clear();
  std::istream::int_type Byte;
  while ((Byte = Input.get()) != std::istream::traits_type::eof()) {
    if (Byte == '\n') {
      if (!Line.empty() && Line.back() == '\r')
        Line.pop_back();
      return true;
    }
    if (Line.size() < MaxHeaderLineBytes)
      Line.push_back(static_cast<char>(Byte));
  }
  return !Line.empty();
}

ReadResult MessageReader::read() {
  // 1. Read header lines up to the blank line that ends the block, keeping
  //    the last Content-Length seen (blank lines before any header are noise).
  // 2. Refuse a block without a valid length: the caller answers with a
  //    parse error and calls read() again, which skips to the next header.
  // 3. Read exactly that many bytes; end of input inside them is reported.
  std::string Line;
  std::optional<std::string> Length;
  bool SawHeader = false;
  while (true) {
    if (!readHeaderLine(Line)) {
      if (!SawHeader)
        return {ReadResult::Kind::EndOfInput, ""};
      return {ReadResult::Kind::FramingError, "end of input inside a message header"};
    }
    if (Line.empty()) {
      if (SawHeader)
        break;
      continue;
    }
    SawHeader = true;
    if (auto Value = contentLengthValue(Line))
      Length = Value->str();
  }

  if (!Length)
    return {ReadResult::Kind::FramingError, "message header has no Content-Length"};
  unsigned long long Bytes = 0;
  if (llvm::StringRef(*Length).getAsInteger(10, Bytes))
    return {ReadResult::Kind::FramingError, "malformed Content-Length '" + *Length + "'"};
  if (Bytes > MaxBodyBytes)
    return {ReadResult::Kind::FramingError,
            "Content-Length " + *Length + " exceeds the limit of " +
                std::to_string(MaxBodyBytes) + " bytes"};

  std::string Body(static_cast<std::size_t>(Bytes), '\0');
  Input.read(Body.data(), static_cast<std::streamsize>(Bytes));
  if (static_cast<unsigned long long>(Input.gcount()) != Bytes)
    return {ReadResult::Kind::FramingError,
            "end of input after " + std::to_string(Input.gcount()) + " of " +
                *Length + " body bytes"};
  return {ReadResult::Kind::Message, std::move(Body)};
}

void MessageWriter::send(const llvm::json::Value &Message) {
  std::string Body;
  llvm::raw_string_ostream(Body) << Message;
  std::lock_guard<std::mutex> Guard(Lock);
  Output << "Content-Length: " << Body.size() << "\r\n\r\n" << Body;
  Output.flush();
}

} // namespace vtlint::lsp
