//===--- DocumentStore.h - the editor's open documents --------------------===//
//
// Between didOpen and didClose the editor owns a document's contents: vtlint
// analyses this text, not the file on disk. Edits arrive as whole-text
// replacements or as ranged (incremental) changes, applied in order.
// The store is shared by the reader thread (which edits it) and the analysis
// worker (which checks that a result is still for the current version), so
// every member function locks.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LSP_DOCUMENTSTORE_H
#define VTLINT_TOOL_LSP_DOCUMENTSTORE_H

#include "Positions.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace vtlint::lsp {

/// One entry of didChange's contentChanges: a range and its replacement, or
/// (no range) the document's new full text.
struct ContentChange {
  std::optional<Range> ReplacedRange;
  std::string Text;
};

struct Document {
  std::string Uri;
  std::string Path; // Empty when the URI is not a local file.
  int64_t Version = 0;
  std::string Text;
};

class DocumentStore {
public:
  void open(Document Doc);
  /// Applies Changes in order and sets the new version; false if the
  /// document is not open.
  bool change(llvm::StringRef Uri, int64_t Version, const std::vector<ContentChange> &Changes);
  /// False if the document was not open.
  bool close(llvm::StringRef Uri);

  std::optional<Document> get(llvm::StringRef Uri) const;
  /// True while Uri is open at exactly Version.
  bool isCurrent(llvm::StringRef Uri, int64_t Version) const;
  /// The URIs of every open document.
  std::vector<std::string> uris() const;

private:
  mutable std::mutex Lock; // Guards Documents.
  std::map<std::string, Document, std::less<>> Documents;
};

/// Applies one change to Text (exposed for unit tests).
void applyChange(std::string &Text, const ContentChange &Change);

} // namespace vtlint::lsp

#endif // VTLINT_TOOL_LSP_DOCUMENTSTORE_H
