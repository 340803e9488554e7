//===--- Params.cpp - the parameters of the LSP messages vtlint handles ---===//

#include "Params.h"

namespace vtlint::lsp {
namespace {

/// TextDocumentItem, VersionedTextDocumentIdentifier, TextDocumentIdentifier:
/// the same object with more or fewer of its fields required.
struct TextDocument {
  std::string Uri;
  int64_t Version = 0;
  std::string Text;
};

/// The "textDocument" field of Params, which every message vtlint handles
/// has; Expected names what it must be, for the error.
bool mapTextDocument(const llvm::json::Value &Params, TextDocument &D,
                     llvm::json::Path Path, bool NeedsVersion, bool NeedsText,
                     llvm::StringLiteral Expected) {
  const llvm::json::Object *Object = Params.getAsObject();
  const llvm::json::Value *Item = Object ? Object->get("textDocument") : nullptr;
  llvm::json::Path Field = Path.field("textDocument");
  if (!Item) {
    Field.report(Expected);
    return false;
  }
  llvm::json::ObjectMapper O(*Item, Field);
  return O && O.map("uri", D.Uri) && (!NeedsVersion || O.map("version", D.Version)) &&
         (!NeedsText || O.map("text", D.Text));
}

struct CodeActionContext {
  std::vector<DiagnosticKey> Diagnostics;
  std::optional<std::vector<std::string>> Only;
};

bool fromJSON(const llvm::json::Value &V, CodeActionContext &C, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.mapOptional("diagnostics", C.Diagnostics) && O.mapOptional("only", C.Only);
}

} // namespace

bool fromJSON(const llvm::json::Value &V, ContentChange &C, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("text", C.Text) && O.mapOptional("range", C.ReplacedRange);
}

bool fromJSON(const llvm::json::Value &V, DiagnosticKey &D, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  if (!O || !O.map("range", D.Span))
    return false;
  // Other servers' diagnostics may have integer codes or none: they simply
  // match none of ours.
  if (const llvm::json::Object *Object = V.getAsObject())
    if (std::optional<llvm::StringRef> Code = Object->getString("code"))
      D.Code = Code->str();
  return true;
}

bool fromJSON(const llvm::json::Value &V, DidOpenParams &P, llvm::json::Path Path) {
  TextDocument D;
  if (!mapTextDocument(V, D, Path, true, true, "expected a text document item"))
    return false;
  P = {D.Uri, D.Version, D.Text};
  return true;
}

bool fromJSON(const llvm::json::Value &V, DidChangeParams &P, llvm::json::Path Path) {
  TextDocument D;
  if (!mapTextDocument(V, D, Path, true, false,
                       "expected a versioned text document identifier"))
    return false;
  llvm::json::ObjectMapper O(V, Path);
  if (!O.map("contentChanges", P.Changes))
    return false;
  P.Uri = D.Uri;
  P.Version = D.Version;
  return true;
}

bool fromJSON(const llvm::json::Value &V, DocumentParams &P, llvm::json::Path Path) {
  TextDocument D;
  if (!mapTextDocument(V, D, Path, false, false,
                       "expected a text document identifier"))
    return false;
  P.Uri = D.Uri;
  return true;
}

bool fromJSON(const llvm::json::Value &V, CodeActionParams &P, llvm::json::Path Path) {
  DocumentParams Document;
  if (!fromJSON(V, Document, Path))
    return false;
  llvm::json::ObjectMapper O(V, Path);
  CodeActionContext Context;
  if (!O.map("range", P.Requested) || !O.mapOptional("context", Context))
    return false;
  P.Uri = Document.Uri;
  P.Diagnostics = std::move(Context.Diagnostics);
  P.OnlyKinds = std::move(Context.Only);
  return true;
}

} // namespace vtlint::lsp
