//===--- DocumentStore.cpp - the editor's open documents ------------------===//

#include "DocumentStore.h"

#include <algorithm>

namespace vtlint::lsp {

void applyChange(std::string &Text, const ContentChange &Change) {
  if (!Change.ReplacedRange) {
    Text = Change.Text;
    return;
  }
  LineIndex Lines(Text);
  std::size_t Begin = Lines.toOffset(Change.ReplacedRange->Start);
  std::size_t End = Lines.toOffset(Change.ReplacedRange->End);
  // A reversed range is the client's mistake; treat it as the range between.
  if (End < Begin)
    std::swap(Begin, End);
  Text.replace(Begin, End - Begin, Change.Text);
}

void DocumentStore::open(Document Doc) {
  std::lock_guard<std::mutex> Guard(Lock);
  std::string Uri = Doc.Uri;
  Documents.insert_or_assign(std::move(Uri), std::move(Doc));
}

bool DocumentStore::change(llvm::StringRef Uri, int64_t Version,
                           const std::vector<ContentChange> &Changes) {
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Documents.find(Uri);
  if (It == Documents.end())
    return false;
  for (const ContentChange &Change : Changes)
    applyChange(It->second.Text, Change);
  It->second.Version = Version;
  return true;
}

bool DocumentStore::close(llvm::StringRef Uri) {
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Documents.find(Uri);
  if (It == Documents.end())
    return false;
  Documents.erase(It);
  return true;
}

std::optional<Document> DocumentStore::get(llvm::StringRef Uri) const {
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Documents.find(Uri);
  if (It == Documents.end())
    return std::nullopt;
  return It->second;
}

bool DocumentStore::isCurrent(llvm::StringRef Uri, int64_t Version) const {
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Documents.find(Uri);
  return It != Documents.end() && It->second.Version == Version;
}

std::vector<std::string> DocumentStore::uris() const {
  std::lock_guard<std::mutex> Guard(Lock);
  std::vector<std::string> Result;
  for (const auto &Entry : Documents)
    Result.push_back(Entry.first);
  return Result;
}

} // namespace vtlint::lsp
