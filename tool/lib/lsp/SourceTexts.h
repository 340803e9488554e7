//===--- SourceTexts.h - the texts an analysis saw, by path ---------------===//
//
// Findings carry clang positions (line, byte column); turning them into LSP
// positions needs the text of each file they point into, exactly as it was
// analysed: the editor's unsaved text for the analysed document, the disk
// for the rest (the analysis reads included files from disk).
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LSP_SOURCETEXTS_H
#define VTLINT_TOOL_LSP_SOURCETEXTS_H

#include "DocumentStore.h"
#include "Positions.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <string>

namespace vtlint::lsp {

class SourceTexts {
public:
  /// Analysed is the document whose unsaved text the analysis read.
  explicit SourceTexts(const Document &Analysed);

  /// The line index of Path, read from disk if it is not an overlay; an
  /// unreadable file yields an empty text (positions clamp to its start).
  const LineIndex &lines(llvm::StringRef Path);
  /// The URI an LSP client knows Path by: the analysed document's own URI
  /// (clients compare URIs as strings), else the path's file:// URI.
  std::string uriFor(llvm::StringRef Path) const;

private:
  struct Entry {
    std::string Text;
    std::unique_ptr<LineIndex> Lines; // Indexes Text, so Entry never moves it.
  };
  llvm::StringMap<std::unique_ptr<Entry>> Entries;
  std::string AnalysedPath;
  std::string AnalysedUri;
};

} // namespace vtlint::lsp

#endif // VTLINT_TOOL_LSP_SOURCETEXTS_H
