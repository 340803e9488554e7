//===--- Preamble.cpp - a reused precompiled preamble per open file ------===//

#include "Preamble.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"

namespace vtlint {
namespace {

int64_t nanoseconds(llvm::sys::TimePoint<> Time) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Time.time_since_epoch()).count();
}

/// Stamps the files the preamble read (every header of the include region)
/// right after its parse. A file whose size or second on disk already
/// differs from what clang read changed during the build: its stamp can
/// never match, so the next request builds again.
class InputStamper : public clang::PreambleCallbacks {
public:
  void AfterExecute(clang::CompilerInstance &Compiler) override {
    const clang::SourceManager &Sources = Compiler.getSourceManager();
    clang::OptionalFileEntryRef Main = Sources.getFileEntryRefForID(Sources.getMainFileID());
    llvm::vfs::FileSystem &FS = Compiler.getVirtualFileSystem();
    for (auto It = Sources.fileinfo_begin(); It != Sources.fileinfo_end(); ++It) {
      if (Main && It->first == *Main)
        continue; // The main file's region is compared as text.
      llvm::SmallString<256> Path(It->first.getName());
      if (FS.makeAbsolute(Path))
        continue;
      PreambleFileStamp Stamp = stampFile(Path);
      if (Stamp.Size != static_cast<uint64_t>(It->first.getSize()) ||
          Stamp.ModifiedNs / 1000000000 != It->first.getModificationTime())
        Stamp.ModifiedNs = -1;
      Stamps.push_back(std::move(Stamp));
    }
  }
  // Keep every body: see Preamble.h.
  bool shouldSkipFunctionBody(clang::Decl *) override { return false; }

  std::vector<PreambleFileStamp> Stamps;
};

} // namespace

llvm::StringRef describePreambleOutcome(PreambleOutcome Outcome) {
  switch (Outcome) {
  case PreambleOutcome::Reused:
    return "reused";
  case PreambleOutcome::Built:
    return "built";
  case PreambleOutcome::NoPreamble:
    return "none (no include region)";
  case PreambleOutcome::DoesNotCompile:
    return "none (the include region does not compile)";
  }
  llvm_unreachable("every outcome is listed");
}

PreambleFileStamp stampFile(llvm::StringRef Path) {
  PreambleFileStamp Stamp{Path.str(), 0, -1}; // -1: unreadable, never matches.
  if (llvm::ErrorOr<llvm::vfs::Status> Status = llvm::vfs::getRealFileSystem()->status(Path)) {
    Stamp.Size = Status->getSize();
    Stamp.ModifiedNs = nanoseconds(Status->getLastModificationTime());
  }
  return Stamp;
}

bool PreambleStore::inputsUnchanged(const std::vector<PreambleFileStamp> &Inputs) {
  return llvm::all_of(Inputs, [](const PreambleFileStamp &Was) {
    PreambleFileStamp Now = stampFile(Was.Path);
    return Was.ModifiedNs != -1 && Now.Size == Was.Size && Now.ModifiedNs == Was.ModifiedNs;
  });
}

std::shared_ptr<const clang::PrecompiledPreamble>
PreambleStore::get(const std::string &File, const std::vector<std::string> &CommandLine,
                   const clang::CompilerInvocation &Invocation, const llvm::MemoryBuffer &Main,
                   llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                   std::shared_ptr<clang::PCHContainerOperations> PCH, PreambleOutcome &Outcome) {
  clang::PreambleBounds Bounds =
      clang::ComputePreambleBounds(Invocation.getLangOpts(), Main.getMemBufferRef(), /*MaxLines=*/0);
  if (Bounds.Size == 0) {
    Outcome = PreambleOutcome::NoPreamble;
    return nullptr;
  }
  llvm::StringRef Region = Main.getBuffer().take_front(Bounds.Size);

  std::shared_ptr<const Entry> Known;
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Entries.find(File);
    if (It != Entries.end())
      Known = It->second;
  }
  if (Known && Known->CommandLine == CommandLine && Known->RegionText == Region &&
      inputsUnchanged(Known->Inputs) &&
      Known->Preamble->CanReuse(Invocation, Main.getMemBufferRef(), Bounds, *FS)) {
    Outcome = PreambleOutcome::Reused;
    return Known->Preamble;
  }

  // Built without the lock: other files' preambles stay available meanwhile.
  clang::IgnoringDiagConsumer Ignore;
  llvm::IntrusiveRefCntPtr<clang::DiagnosticsEngine> Diagnostics =
      clang::CompilerInstance::createDiagnostics(new clang::DiagnosticOptions, &Ignore,
                                                 /*ShouldOwnClient=*/false);
  InputStamper Inputs;
  // The implicit instantiations the headers ask for are done once, in the
  // preamble, instead of at the end of every parse of the main file
  // (clang's -fpch-instantiate-templates; a benign language option, so the
  // main file's parse still accepts the preamble).
  clang::CompilerInvocation ForPreamble(Invocation);
  ForPreamble.getLangOpts().PCHInstantiateTemplates = true;
  llvm::ErrorOr<clang::PrecompiledPreamble> Built = clang::PrecompiledPreamble::Build(
      ForPreamble, &Main, Bounds, *Diagnostics, FS, std::move(PCH),
      /*StoreInMemory=*/true, /*StoragePath=*/"", Inputs);

  if (!Built || Diagnostics->hasErrorOccurred()) {
    std::lock_guard<std::mutex> Guard(Lock);
    Entries.erase(File);
    Outcome = PreambleOutcome::DoesNotCompile;
    return nullptr;
  }
  auto Result = std::make_shared<Entry>();
  Result->CommandLine = CommandLine;
  Result->RegionText = Region.str();
  Result->Inputs = std::move(Inputs.Stamps);
  Result->Preamble = std::make_shared<const clang::PrecompiledPreamble>(std::move(*Built));
  {
    std::lock_guard<std::mutex> Guard(Lock);
    Entries.insert_or_assign(File, Result);
  }
  Outcome = PreambleOutcome::Built;
  return Result->Preamble;
}

void PreambleStore::forget(llvm::StringRef File) {
  std::lock_guard<std::mutex> Guard(Lock);
  Entries.erase(File);
}

} // namespace vtlint
