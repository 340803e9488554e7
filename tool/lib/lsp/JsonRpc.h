//===--- JsonRpc.h - JSON-RPC 2.0 messages: classify, answer, fail --------===//
//
// Every body the reader hands over is classified before any handler sees it:
// a request (method and id), a notification (method, no id), a response to
// one of our requests (id, result or error; the server sends none, so these
// are ignored) or a malformed message, which is answered with the JSON-RPC
// error the specification names for it (with id null when no valid id can be
// read).
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LSP_JSONRPC_H
#define VTLINT_TOOL_LSP_JSONRPC_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>

namespace vtlint::lsp {

/// Error codes from JSON-RPC 2.0 and the LSP specification.
enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  RequestCancelled = -32800,
};

struct IncomingMessage {
  enum class Kind { Request, Notification, Response, Malformed };
  Kind Type = Kind::Malformed;
  std::string Method;
  llvm::json::Value Id = nullptr; // null for notifications and unknown ids
  llvm::json::Value Params = nullptr;
  /// For Kind::Malformed: the error to answer with.
  ErrorCode Error = ErrorCode::InvalidRequest;
  std::string ErrorMessage;
};

IncomingMessage classifyMessage(llvm::StringRef Body);

llvm::json::Value makeResult(llvm::json::Value Id, llvm::json::Value Result);
llvm::json::Value makeError(llvm::json::Value Id, ErrorCode Code, llvm::StringRef Message);
llvm::json::Value makeNotification(llvm::StringRef Method, llvm::json::Value Params);

} // namespace vtlint::lsp

#endif // VTLINT_TOOL_LSP_JSONRPC_H
