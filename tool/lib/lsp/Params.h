//===--- Params.h - the parameters of the LSP messages vtlint handles -----===//
//
// Only the fields vtlint uses are read; anything else a client sends is
// ignored, as the protocol expects of servers. A missing or mistyped field
// that vtlint needs makes fromJSON fail, which the server answers with
// InvalidParams (requests) or a log line (notifications).
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LSP_PARAMS_H
#define VTLINT_TOOL_LSP_PARAMS_H

#include "DocumentStore.h"
#include "Positions.h"
#include "llvm/Support/JSON.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vtlint::lsp {

struct DidOpenParams {
  std::string Uri;
  int64_t Version = 0;
  std::string Text;
};

struct DidChangeParams {
  std::string Uri;
  int64_t Version = 0;
  std::vector<ContentChange> Changes;
};

/// didSave and didClose: just the document.
struct DocumentParams {
  std::string Uri;
};

/// What identifies one of our diagnostics when a client sends it back.
struct DiagnosticKey {
  Range Span;
  std::string Code;
};

struct CodeActionParams {
  std::string Uri;
  Range Requested;
  /// context.diagnostics: those the client shows at the requested range.
  std::vector<DiagnosticKey> Diagnostics;
  /// context.only: the kinds the client wants, if it restricts them.
  std::optional<std::vector<std::string>> OnlyKinds;
};

bool fromJSON(const llvm::json::Value &V, DidOpenParams &P, llvm::json::Path Path);
bool fromJSON(const llvm::json::Value &V, DidChangeParams &P, llvm::json::Path Path);
bool fromJSON(const llvm::json::Value &V, DocumentParams &P, llvm::json::Path Path);
bool fromJSON(const llvm::json::Value &V, CodeActionParams &P, llvm::json::Path Path);
bool fromJSON(const llvm::json::Value &V, ContentChange &C, llvm::json::Path Path);
bool fromJSON(const llvm::json::Value &V, DiagnosticKey &D, llvm::json::Path Path);

/// Parses Params into T; on failure, a one-line description of what is wrong.
template <typename T>
std::optional<T> parseParams(const llvm::json::Value &Params, std::string &Error) {
  T Result;
  llvm::json::Path::Root Root("params");
  if (fromJSON(Params, Result, Root))
    return Result;
  llvm::Error Failure = Root.getError();
  Error = llvm::toString(std::move(Failure));
  return std::nullopt;
}

} // namespace vtlint::lsp

#endif // VTLINT_TOOL_LSP_PARAMS_H
