//===--- JsonRpc.cpp - JSON-RPC 2.0 messages: classify, answer, fail ------===//

#include "JsonRpc.h"

#include "llvm/Support/Error.h"

namespace vtlint::lsp {
namespace {

IncomingMessage malformed(ErrorCode Code, std::string Message, llvm::json::Value Id = nullptr) {
  IncomingMessage Result;
  Result.Type = IncomingMessage::Kind::Malformed;
  Result.Error = Code;
  Result.ErrorMessage = std::move(Message);
  Result.Id = std::move(Id);
  return Result;
}

/// LSP ids are integers or strings.
bool isValidId(const llvm::json::Value &Id) {
  return Id.getAsInteger().has_value() || Id.getAsString().has_value();
}

} // namespace

IncomingMessage classifyMessage(llvm::StringRef Body) {
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Body);
  if (!Parsed)
    return malformed(ErrorCode::ParseError, "parse error: " + llvm::toString(Parsed.takeError()));
  llvm::json::Object *Object = Parsed->getAsObject();
  if (!Object)
    return malformed(ErrorCode::InvalidRequest, "invalid request: a message must be a JSON object");

  // 1. The id first, so later errors can be answered to it.
  llvm::json::Value Id = nullptr;
  bool HasId = false;
  if (const llvm::json::Value *RawId = Object->get("id")) {
    if (!isValidId(*RawId))
      return malformed(ErrorCode::InvalidRequest, "invalid request: 'id' must be an integer or a string");
    Id = *RawId;
    HasId = true;
  }
  // 2. The protocol version.
  std::optional<llvm::StringRef> Version = Object->getString("jsonrpc");
  if (!Version || *Version != "2.0")
    return malformed(ErrorCode::InvalidRequest, "invalid request: 'jsonrpc' must be \"2.0\"", Id);

  // 3. A response to a request of ours: it has no method.
  const llvm::json::Value *Method = Object->get("method");
  if (!Method) {
    if (HasId && (Object->get("result") || Object->get("error"))) {
      IncomingMessage Response;
      Response.Type = IncomingMessage::Kind::Response;
      Response.Id = std::move(Id);
      return Response;
    }
    return malformed(ErrorCode::InvalidRequest, "invalid request: no 'method'", Id);
  }
  if (!Method->getAsString())
    return malformed(ErrorCode::InvalidRequest, "invalid request: 'method' must be a string", Id);

  // 4. Params, when present, are structured.
  llvm::json::Value Params = nullptr;
  if (const llvm::json::Value *RawParams = Object->get("params")) {
    if (!RawParams->getAsObject() && !RawParams->getAsArray())
      return malformed(ErrorCode::InvalidRequest, "invalid request: 'params' must be an object or an array", Id);
    Params = *RawParams;
  }

  IncomingMessage Message;
  Message.Type = HasId ? IncomingMessage::Kind::Request : IncomingMessage::Kind::Notification;
  Message.Method = Method->getAsString()->str();
  Message.Id = std::move(Id);
  Message.Params = std::move(Params);
  return Message;
}

llvm::json::Value makeResult(llvm::json::Value Id, llvm::json::Value Result) {
  return llvm::json::Object{{"jsonrpc", "2.0"}, {"id", std::move(Id)}, {"result", std::move(Result)}};
}

llvm::json::Value makeError(llvm::json::Value Id, ErrorCode Code, llvm::StringRef Message) {
  return llvm::json::Object{
      {"jsonrpc", "2.0"},
      {"id", std::move(Id)},
      {"error", llvm::json::Object{{"code", static_cast<int>(Code)}, {"message", Message}}}};
}

llvm::json::Value makeNotification(llvm::StringRef Method, llvm::json::Value Params) {
  return llvm::json::Object{{"jsonrpc", "2.0"}, {"method", Method}, {"params", std::move(Params)}};
}

} // namespace vtlint::lsp
