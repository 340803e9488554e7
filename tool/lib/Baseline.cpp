//===--- Baseline.cpp - accept the findings recorded earlier -------------===//

#include "Baseline.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace vtlint {
namespace {

std::string directoryOf(llvm::StringRef Path) {
  llvm::SmallString<256> Absolute(Path);
  llvm::sys::fs::make_absolute(Absolute);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return llvm::sys::path::parent_path(Absolute).str();
}

/// File relative to Directory, with ".." where needed, '/'-separated.
std::string relativePath(llvm::StringRef File, llvm::StringRef Directory) {
  llvm::SmallVector<llvm::StringRef, 16> From, To;
  for (auto It = llvm::sys::path::begin(Directory),
            End = llvm::sys::path::end(Directory);
       It != End; ++It)
    From.push_back(*It);
  for (auto It = llvm::sys::path::begin(File), End = llvm::sys::path::end(File);
       It != End; ++It)
    To.push_back(*It);
  size_t Common = 0;
  while (Common < From.size() && Common < To.size() &&
         From[Common] == To[Common])
    ++Common;
  std::string Result;
  for (size_t I = Common; I < From.size(); ++I)
    Result += "../";
  for (size_t I = Common; I < To.size(); ++I) {
    Result += To[I];
    if (I + 1 < To.size())
      Result += '/';
  }
  return Result;
}

llvm::Error malformed(llvm::StringRef Path, const llvm::Twine &Why) {
  return llvm::createStringError("malformed baseline '" + Path + "': " + Why);
}

} // namespace

Baseline::Key Baseline::keyOf(const Finding &Found) const {
  return {Found.Check, relativePath(Found.Location.File, Directory),
          Found.Fingerprint};
}

llvm::Expected<Baseline> Baseline::load(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return llvm::createStringError("cannot read baseline '" + Path +
                                   "': " + Buffer.getError().message());
  llvm::Expected<llvm::json::Value> Parsed =
      llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed)
    return malformed(Path, llvm::toString(Parsed.takeError()));
  const llvm::json::Object *Root = Parsed->getAsObject();
  if (!Root)
    return malformed(Path, "expected a JSON object");
  std::optional<int64_t> Version = Root->getInteger("version");
  if (!Version)
    return malformed(Path, "missing integer \"version\"");
  if (*Version != BaselineVersion)
    return malformed(Path, "unsupported version " + llvm::Twine(*Version) +
                               " (this vtlint reads version " +
                               llvm::Twine(BaselineVersion) + ")");
  const llvm::json::Array *Findings = Root->getArray("findings");
  if (!Findings)
    return malformed(Path, "missing array \"findings\"");

  Baseline Result;
  Result.Directory = directoryOf(Path);
  for (size_t I = 0; I < Findings->size(); ++I) {
    const llvm::json::Object *Item = (*Findings)[I].getAsObject();
    auto Field = [&](llvm::StringRef Name) {
      return Item ? Item->getString(Name) : std::nullopt;
    };
    std::optional<llvm::StringRef> Check = Field("check"), File = Field("file"),
                                   Fingerprint = Field("fingerprint");
    if (!Check || !File || !Fingerprint)
      return malformed(Path, "finding " + llvm::Twine(I) +
                                 " needs string \"check\", \"file\" and "
                                 "\"fingerprint\"");
    int64_t Count = 1;
    if (Item->get("count")) {
      std::optional<int64_t> Given = Item->getInteger("count");
      if (!Given || *Given < 1)
        return malformed(Path, "finding " + llvm::Twine(I) +
                                   ": \"count\" must be a positive integer");
      Count = *Given;
    }
    Entry &Slot = Result.Entries[{Check->str(), File->str(), Fingerprint->str()}];
    Slot.Count += static_cast<unsigned>(Count);
    if (std::optional<llvm::StringRef> Message = Field("message"))
      Slot.Message = Message->str();
  }
  return Result;
}

Baseline Baseline::record(llvm::StringRef Path,
                          const std::vector<const Finding *> &Findings) {
  Baseline Result;
  Result.Directory = directoryOf(Path);
  for (const Finding *Found : Findings) {
    Entry &Slot = Result.Entries[Result.keyOf(*Found)];
    ++Slot.Count;
    Slot.Message = Found->Message;
  }
  return Result;
}

std::string Baseline::toJson() const {
  llvm::json::Array Findings;
  for (const auto &[Key, Value] : Entries)
    Findings.push_back(llvm::json::Object{{"check", std::get<0>(Key)},
                                          {"file", std::get<1>(Key)},
                                          {"fingerprint", std::get<2>(Key)},
                                          {"count", Value.Count},
                                          {"message", Value.Message}});
  llvm::json::Value Root = llvm::json::Object{
      {"version", BaselineVersion},
      {"tool", "vtlint"},
      {"findings", std::move(Findings)}};
  std::string Text;
  llvm::raw_string_ostream Out(Text);
  Out << llvm::formatv("{0:2}", Root) << "\n";
  return Text;
}

bool Baseline::consume(const Finding &Found) {
  auto It = Entries.find(keyOf(Found));
  if (It == Entries.end() || It->second.Count == 0)
    return false;
  --It->second.Count;
  return true;
}

} // namespace vtlint
