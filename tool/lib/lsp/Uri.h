//===--- Uri.h - file:// URIs <-> local paths -----------------------------===//
//
// Editors name documents by URI (RFC 3986). vtlint analyses local files, so
// only the "file" scheme maps to a path; other schemes (an editor's
// "untitled:" buffers) have no compile command and are not analysed.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LSP_URI_H
#define VTLINT_TOOL_LSP_URI_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace vtlint::lsp {

/// The absolute path named by a file:// URI (percent-decoded), or nothing
/// for another scheme, a remote authority or a malformed escape.
std::optional<std::string> pathFromFileUri(llvm::StringRef Uri);

/// The file:// URI of an absolute path, percent-encoding every byte outside
/// RFC 3986's unreserved set and "/".
std::string fileUriFromPath(llvm::StringRef AbsolutePath);

} // namespace vtlint::lsp

#endif // VTLINT_TOOL_LSP_URI_H
