//===--- Transport.h - LSP base protocol: Content-Length framing ----------===//
//
// The language server protocol frames every JSON-RPC message as
//
//   Content-Length: <bytes>\r\n
//   [other headers]\r\n
//   \r\n
//   <body of exactly <bytes> bytes>
//
// MessageReader turns a byte stream into bodies and never trusts the peer: a
// header block without a usable Content-Length is reported as a framing error
// and the reader resynchronises on the next "Content-Length:" it sees, so one
// broken message costs one error reply, not the session. End of input ends
// the session (a truncated body is reported first), so nothing waits forever.
// MessageWriter frames outgoing messages; several threads may send at once.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LSP_TRANSPORT_H
#define VTLINT_TOOL_LSP_TRANSPORT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <cstddef>
#include <istream>
#include <mutex>
#include <string>

namespace vtlint::lsp {

/// What one MessageReader::read call found.
struct ReadResult {
  enum class Kind { Message, FramingError, EndOfInput };
  Kind Status = Kind::EndOfInput;
  /// The message body (Kind::Message) or what was wrong (Kind::FramingError).
  std::string Text;
};

class MessageReader {
public:
  /// Bodies larger than this are refused (and skipped by resynchronising):
  /// no editor sends a 64 MiB source file, a corrupt length might claim one.
  static constexpr std::size_t MaxBodyBytes = 64u << 20;

  explicit MessageReader(std::istream &Input) : Input(Input) {}

  ReadResult read();

private:
  /// Reads one header line without its line terminator; false at end of input.
  bool readHeaderLine(std::string &Line);

  std::istream &Input;
};

/// Writes framed messages; send() is safe to call from several threads.
class MessageWriter {
public:
  explicit MessageWriter(llvm::raw_ostream &Output) : Output(Output) {}

  void send(const llvm::json::Value &Message);

private:
  std::mutex Lock; // Serialises whole messages so frames never interleave.
  llvm::raw_ostream &Output;
};

} // namespace vtlint::lsp

#endif // VTLINT_TOOL_LSP_TRANSPORT_H
