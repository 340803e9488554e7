//===--- SourceTexts.cpp - the texts an analysis saw, by path -------------===//

#include "SourceTexts.h"
#include "Uri.h"

#include "llvm/Support/MemoryBuffer.h"

namespace vtlint::lsp {

SourceTexts::SourceTexts(const Document &Analysed)
    : AnalysedPath(Analysed.Path), AnalysedUri(Analysed.Uri) {
  auto Overlay = std::make_unique<Entry>();
  Overlay->Text = Analysed.Text;
  Overlay->Lines = std::make_unique<LineIndex>(Overlay->Text);
  Entries[Analysed.Path] = std::move(Overlay);
}

const LineIndex &SourceTexts::lines(llvm::StringRef Path) {
  std::unique_ptr<Entry> &Slot = Entries[Path];
  if (!Slot) {
    Slot = std::make_unique<Entry>();
    if (auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                                   /*RequiresNullTerminator=*/false))
      Slot->Text = (*Buffer)->getBuffer().str();
    Slot->Lines = std::make_unique<LineIndex>(Slot->Text);
  }
  return *Slot->Lines;
}

std::string SourceTexts::uriFor(llvm::StringRef Path) const {
  return Path == AnalysedPath ? AnalysedUri : fileUriFromPath(Path);
}

} // namespace vtlint::lsp
