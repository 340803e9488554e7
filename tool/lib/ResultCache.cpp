//===--- ResultCache.cpp - a translation unit's result, keyed by its input ===//

#include "ResultCache.h"
#include "AtomicFile.h"
#include "Report.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/Version.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/PreprocessorOutputOptions.h"
#include "clang/Frontend/Utils.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <algorithm>
#include <chrono>

namespace vtlint {
namespace {

constexpr llvm::StringLiteral RootMark = "<root>";

/// What the preprocessor produced and read for one translation unit.
struct Preprocessed {
  std::string Text;
  std::vector<std::pair<std::string, std::string>> Files; // name, contents
};

class PreprocessAction : public clang::PreprocessorFrontendAction {
public:
  explicit PreprocessAction(Preprocessed &Output) : Output(Output) {}

  void ExecuteAction() override {
    clang::CompilerInstance &Compiler = getCompilerInstance();
    clang::PreprocessorOutputOptions Options;
    Options.ShowCPP = 1;
    Options.ShowComments = 1;      // NOLINT comments matter
    Options.ShowLineMarkers = 1;   // so do the lines findings are on
    llvm::raw_string_ostream Text(Output.Text);
    clang::DoPrintPreprocessedInput(Compiler.getPreprocessor(), &Text, Options);
    const clang::SourceManager &Sources = Compiler.getSourceManager();
    for (auto It = Sources.fileinfo_begin(); It != Sources.fileinfo_end(); ++It)
      if (std::optional<llvm::MemoryBufferRef> Buffer =
              It->second->getBufferIfLoaded())
        Output.Files.emplace_back(It->first.getName().str(),
                                  Buffer->getBuffer().str());
    llvm::sort(Output.Files);
  }

private:
  Preprocessed &Output;
};

class PreprocessFactory : public clang::tooling::FrontendActionFactory {
public:
  explicit PreprocessFactory(Preprocessed &Output) : Output(Output) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<PreprocessAction>(Output);
  }
  bool runInvocation(std::shared_ptr<clang::CompilerInvocation> Invocation,
                     clang::FileManager *Files,
                     std::shared_ptr<clang::PCHContainerOperations> PCH,
                     clang::DiagnosticConsumer *Diagnostics) override {
    // The analysis sees `#ifdef __clang_analyzer__` code (Analyzer.cpp).
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    return FrontendActionFactory::runInvocation(std::move(Invocation), Files,
                                                std::move(PCH), Diagnostics);
  }

private:
  Preprocessed &Output;
};

std::optional<Preprocessed> preprocess(const AnalysisRequest &Request,
                                       std::vector<std::string> CommandLine) {
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS =
      llvm::vfs::createPhysicalFileSystem();
  if (!Request.Directory.empty())
    FS->setCurrentWorkingDirectory(Request.Directory);
  auto Files = llvm::makeIntrusiveRefCnt<clang::FileManager>(
      clang::FileSystemOptions(), FS);
  Preprocessed Output;
  PreprocessFactory Factory(Output);
  clang::IgnoringDiagConsumer Quiet;
  clang::tooling::ToolInvocation Invocation(
      std::move(CommandLine), &Factory, Files.get(),
      std::make_shared<clang::PCHContainerOperations>());
  Invocation.setDiagnosticConsumer(&Quiet);
  if (!Invocation.run())
    return std::nullopt;
  return Output;
}

/// The vtlint executable's own bytes, hashed once: a rebuilt vtlint (new
/// checks, a fixed check) must not replay an older one's findings.
const std::string &buildIdentity() {
  static const std::string Identity = [] {
    static int Anchor;
    std::string Executable =
        llvm::sys::fs::getMainExecutable("vtlint", &Anchor);
    llvm::BLAKE3 Hasher;
    if (auto Buffer = llvm::MemoryBuffer::getFile(Executable))
      Hasher.update((*Buffer)->getBuffer());
    return llvm::toHex(Hasher.final(), /*LowerCase=*/true);
  }();
  return Identity;
}

class RootPaths {
public:
  explicit RootPaths(llvm::StringRef Root) : Prefix((Root + "/").str()) {}

  /// Every "ROOT/" in Text becomes "<root>/".
  std::string relative(llvm::StringRef Text) const {
    return replaceAll(Text, Prefix, (RootMark + "/").str());
  }
  std::string absolute(llvm::StringRef Text) const {
    return replaceAll(Text, (RootMark + "/").str(), Prefix);
  }

private:
  static std::string replaceAll(llvm::StringRef Text, llvm::StringRef From,
                                llvm::StringRef To) {
    std::string Result;
    for (size_t At; (At = Text.find(From)) != llvm::StringRef::npos;) {
      Result += Text.take_front(At);
      Result += To;
      Text = Text.drop_front(At + From.size());
    }
    return Result + Text.str();
  }
  std::string Prefix;
};

// Entries: FileResult as JSON, paths relative to the root.

llvm::json::Object positionJson(const SourcePosition &At, const RootPaths &Paths) {
  return llvm::json::Object{{"file", Paths.relative(At.File)},
                            {"line", At.Line},
                            {"column", At.Column},
                            {"offset", At.Offset},
                            {"cp", At.CodePointColumn}};
}

bool readPosition(const llvm::json::Value *Value, SourcePosition &At,
                  const RootPaths &Paths) {
  const llvm::json::Object *Object = Value ? Value->getAsObject() : nullptr;
  if (!Object)
    return false;
  std::optional<llvm::StringRef> File = Object->getString("file");
  std::optional<int64_t> Line = Object->getInteger("line"),
                         Column = Object->getInteger("column"),
                         Offset = Object->getInteger("offset"),
                         CodePoints = Object->getInteger("cp");
  if (!File || !Line || !Column || !Offset || !CodePoints)
    return false;
  At.File = Paths.absolute(*File);
  At.Line = *Line;
  At.Column = *Column;
  At.Offset = *Offset;
  At.CodePointColumn = *CodePoints;
  return true;
}

llvm::json::Array fixesJson(const std::vector<FixEdit> &Fixes,
                            const RootPaths &Paths) {
  llvm::json::Array Array;
  for (const FixEdit &Edit : Fixes)
    Array.push_back(llvm::json::Object{{"file", Paths.relative(Edit.File)},
                                       {"offset", Edit.Offset},
                                       {"length", Edit.Length},
                                       {"text", Edit.Replacement},
                                       {"begin", positionJson(Edit.Begin, Paths)},
                                       {"end", positionJson(Edit.End, Paths)}});
  return Array;
}

bool readFixes(const llvm::json::Array *Array, std::vector<FixEdit> &Fixes,
               const RootPaths &Paths) {
  if (!Array)
    return false;
  for (const llvm::json::Value &Value : *Array) {
    const llvm::json::Object *Object = Value.getAsObject();
    if (!Object)
      return false;
    FixEdit Edit;
    std::optional<llvm::StringRef> File = Object->getString("file"),
                                   Text = Object->getString("text");
    std::optional<int64_t> Offset = Object->getInteger("offset"),
                           Length = Object->getInteger("length");
    if (!File || !Text || !Offset || !Length ||
        !readPosition(Object->get("begin"), Edit.Begin, Paths) ||
        !readPosition(Object->get("end"), Edit.End, Paths))
      return false;
    Edit.File = Paths.absolute(*File);
    Edit.Replacement = Text->str();
    Edit.Offset = *Offset;
    Edit.Length = *Length;
    Fixes.push_back(std::move(Edit));
  }
  return true;
}

std::string entryJson(const FileResult &Result, const RootPaths &Paths) {
  llvm::json::Array Findings;
  for (const Finding &Found : Result.Findings) {
    llvm::json::Array Notes;
    for (const Note &N : Found.Notes)
      Notes.push_back(llvm::json::Object{{"message", N.Message},
                                         {"at", positionJson(N.Location, Paths)},
                                         {"source", N.SourceLine},
                                         {"fixes", fixesJson(N.Fixes, Paths)}});
    Findings.push_back(llvm::json::Object{
        {"check", Found.Check},
        {"message", Found.Message},
        {"at", positionJson(Found.Location, Paths)},
        {"source", Found.SourceLine},
        {"notes", std::move(Notes)},
        {"fixes", fixesJson(Found.Fixes, Paths)},
        {"error", Found.Level == Severity::Error},
        {"fingerprint", Found.Fingerprint}});
  }
  llvm::json::Value Root = llvm::json::Object{
      {"compiled", Result.Compiled},
      {"first_error", Paths.relative(Result.FirstError)},
      {"first_error_at", positionJson(Result.FirstErrorAt, Paths)},
      {"first_error_message", Result.FirstErrorMessage},
      {"first_error_included_from", positionJson(Result.FirstErrorIncludedFrom, Paths)},
      {"findings", std::move(Findings)}};
  std::string Text;
  llvm::raw_string_ostream(Text) << Root;
  return Text;
}

std::optional<FileResult> readEntry(llvm::StringRef Text, llvm::StringRef File,
                                    const RootPaths &Paths) {
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Text);
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return std::nullopt;
  }
  const llvm::json::Object *Root = Parsed->getAsObject();
  if (!Root)
    return std::nullopt;
  FileResult Result;
  Result.File = File.str();
  std::optional<bool> Compiled = Root->getBoolean("compiled");
  std::optional<llvm::StringRef> FirstError = Root->getString("first_error");
  const llvm::json::Array *Findings = Root->getArray("findings");
  std::optional<llvm::StringRef> FirstErrorMessage = Root->getString("first_error_message");
  if (!Compiled || !FirstError || !Findings || !FirstErrorMessage ||
      !readPosition(Root->get("first_error_at"), Result.FirstErrorAt, Paths) ||
      !readPosition(Root->get("first_error_included_from"), Result.FirstErrorIncludedFrom, Paths))
    return std::nullopt;
  for (SourcePosition *Place : {&Result.FirstErrorAt, &Result.FirstErrorIncludedFrom})
    if (Place->File == Paths.absolute(""))
      Place->File.clear();
  Result.FirstErrorMessage = FirstErrorMessage->str();
  Result.Compiled = *Compiled;
  Result.FirstError = Paths.absolute(*FirstError);
  for (const llvm::json::Value &Value : *Findings) {
    const llvm::json::Object *Object = Value.getAsObject();
    if (!Object)
      return std::nullopt;
    Finding Found;
    std::optional<llvm::StringRef> Check = Object->getString("check"),
                                   Message = Object->getString("message"),
                                   Source = Object->getString("source"),
                                   Print = Object->getString("fingerprint");
    std::optional<bool> IsError = Object->getBoolean("error");
    const llvm::json::Array *Notes = Object->getArray("notes");
    if (!Check || !Message || !Source || !Print || !IsError || !Notes ||
        !readPosition(Object->get("at"), Found.Location, Paths) ||
        !readFixes(Object->getArray("fixes"), Found.Fixes, Paths))
      return std::nullopt;
    Found.Check = Check->str();
    Found.Message = Message->str();
    Found.SourceLine = Source->str();
    Found.Fingerprint = Print->str();
    Found.Level = *IsError ? Severity::Error : Severity::Warning;
    for (const llvm::json::Value &NoteValue : *Notes) {
      const llvm::json::Object *NoteObject = NoteValue.getAsObject();
      Note Added;
      if (!NoteObject)
        return std::nullopt;
      std::optional<llvm::StringRef> NoteMessage = NoteObject->getString("message"),
                                     NoteSource = NoteObject->getString("source");
      if (!NoteMessage || !NoteSource ||
          !readPosition(NoteObject->get("at"), Added.Location, Paths) ||
          !readFixes(NoteObject->getArray("fixes"), Added.Fixes, Paths))
        return std::nullopt;
      Added.Message = NoteMessage->str();
      Added.SourceLine = NoteSource->str();
      Found.Notes.push_back(std::move(Added));
    }
    Result.Findings.push_back(std::move(Found));
  }
  return Result;
}

} // namespace

ResultCache::ResultCache(std::string Directory, std::string Root,
                         uint64_t MaxBytes)
    : Directory(std::move(Directory)), Root(std::move(Root)),
      MaxBytes(MaxBytes) {}

namespace {

/// BLAKE3 of parts, each with its length first, so no two inputs hash alike
/// by moving bytes from one part into the next.
class KeyHasher {
public:
  void add(llvm::StringRef Part) {
    uint64_t Size = Part.size();
    Hasher.update(llvm::ArrayRef<uint8_t>(
        reinterpret_cast<const uint8_t *>(&Size), sizeof Size));
    Hasher.update(Part);
  }
  std::string hex() { return llvm::toHex(Hasher.final(), /*LowerCase=*/true); }

private:
  llvm::BLAKE3 Hasher;
};

std::string contentHash(llvm::StringRef Contents) {
  KeyHasher Hasher;
  Hasher.add(Contents);
  return Hasher.hex();
}

/// Everything of the key but the preprocessed unit: the manifest's key.
void addInvocation(KeyHasher &Hasher, const AnalysisRequest &Request,
                   llvm::ArrayRef<std::string> CommandLine,
                   const clang::tidy::ClangTidyOptions &Options,
                   llvm::StringRef Extra, const RootPaths &Paths) {
  Hasher.add("vtlint-cache-v1");
  Hasher.add(vtlintVersion());
  Hasher.add(clang::getClangFullVersion());
  Hasher.add(buildIdentity());
  Hasher.add(Paths.relative(Request.Directory + "/"));
  for (const std::string &Argument : CommandLine)
    Hasher.add(Paths.relative(Argument));
  Hasher.add(Paths.relative(clang::tidy::configurationAsText(Options)));
  Hasher.add(Extra);
}

std::string absoluteIn(llvm::StringRef Directory, llvm::StringRef Path) {
  llvm::SmallString<256> Result(Path);
  if (!llvm::sys::path::is_absolute(Result))
    llvm::sys::fs::make_absolute(Directory, Result);
  return Result.str().str();
}

} // namespace

ResultCache::Probe ResultCache::probe(const AnalysisRequest &Request,
                                      const clang::tidy::ClangTidyOptions &Options,
                                      llvm::StringRef Extra) {
  Probe Result;
  RootPaths Paths(Root);
  std::vector<std::string> CommandLine = analysisCommandLine(Request, Options);
  KeyHasher Manifest;
  addInvocation(Manifest, Request, CommandLine, Options, Extra, Paths);
  Result.ManifestKey = Manifest.hex();

  // 1. Direct: the manifest names the files the last preprocessing read and
  //    the key it gave; when every file still has its bytes, that key holds
  //    and no preprocessing is needed.
  if (auto Buffer = llvm::MemoryBuffer::getFile(entryPath(Result.ManifestKey, "m"))) {
    llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse((*Buffer)->getBuffer());
    const llvm::json::Object *Object = Parsed ? Parsed->getAsObject() : nullptr;
    if (!Parsed)
      llvm::consumeError(Parsed.takeError());
    const llvm::json::Array *Files = Object ? Object->getArray("files") : nullptr;
    std::optional<llvm::StringRef> Key = Object ? Object->getString("key") : std::nullopt;
    bool Unchanged = Files && Key;
    for (size_t I = 0; Unchanged && I < Files->size(); ++I) {
      const llvm::json::Array *Pair = (*Files)[I].getAsArray();
      std::optional<llvm::StringRef> Name, Hash;
      if (Pair && Pair->size() == 2) {
        Name = (*Pair)[0].getAsString();
        Hash = (*Pair)[1].getAsString();
      }
      auto Contents =
          Name ? llvm::MemoryBuffer::getFile(
                     absoluteIn(Request.Directory, Paths.absolute(*Name)))
               : std::make_error_code(std::errc::invalid_argument);
      Unchanged = Hash && Contents && contentHash((*Contents)->getBuffer()) == *Hash;
    }
    if (Unchanged) {
      Result.Key = Key->str();
      Result.Direct = true;
      return Result;
    }
  }

  // 2. Preprocessed: the key of issue 13's definition.
  std::optional<Preprocessed> Input = preprocess(Request, CommandLine);
  if (!Input)
    return Result;
  KeyHasher Full;
  addInvocation(Full, Request, CommandLine, Options, Extra, Paths);
  Full.add(Paths.relative(Input->Text));
  for (const auto &[Name, Contents] : Input->Files) {
    Full.add(Paths.relative(Name));
    Full.add(Contents);
    Result.FilesRead.emplace_back(Paths.relative(Name), contentHash(Contents));
  }
  Result.Key = Full.hex();
  return Result;
}

void ResultCache::remember(const Probe &Probed) {
  if (!Probed.Key || Probed.Direct)
    return;
  llvm::json::Array Files;
  for (const auto &[Name, Hash] : Probed.FilesRead)
    Files.push_back(llvm::json::Array{Name, Hash});
  std::string Text;
  llvm::raw_string_ostream(Text)
      << llvm::json::Value(llvm::json::Object{{"key", *Probed.Key},
                                              {"files", std::move(Files)}});
  writeEntry(entryPath(Probed.ManifestKey, "m"), Text);
}

void ResultCache::writeEntry(llvm::StringRef Path, llvm::StringRef Text) {
  if (llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path)))
    return; // a cache that cannot be written is only slower
  llvm::consumeError(writeFileAtomically(Path, Text));
}

std::string ResultCache::entryPath(llvm::StringRef Key,
                                   llvm::StringRef Kind) const {
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, "v1", Key.take_front(2),
                          Key.drop_front(2) + "." + Kind + ".json");
  return Path.str().str();
}

std::optional<FileResult> ResultCache::lookup(llvm::StringRef Key,
                                              llvm::StringRef File) {
  std::string Path = entryPath(Key, "r");
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return std::nullopt;
  std::optional<FileResult> Result =
      readEntry((*Buffer)->getBuffer(), File, RootPaths(Root));
  if (!Result)
    return std::nullopt; // malformed (a foreign file): a miss, overwritten
  // Used now: the last to be evicted.
  if (llvm::Expected<llvm::sys::fs::file_t> Handle =
          llvm::sys::fs::openNativeFileForRead(Path)) {
    llvm::sys::fs::setLastAccessAndModificationTime(
        *Handle, std::chrono::system_clock::now());
    llvm::sys::fs::closeFile(*Handle);
  } else {
    llvm::consumeError(Handle.takeError());
  }
  Hits.fetch_add(1, std::memory_order_relaxed);
  return Result;
}

void ResultCache::store(llvm::StringRef Key, const FileResult &Result) {
  writeEntry(entryPath(Key, "r"), entryJson(Result, RootPaths(Root)));
}

void ResultCache::prune() {
  struct Entry {
    std::string Path;
    uint64_t Size;
    llvm::sys::TimePoint<> Used;
  };
  std::vector<Entry> Entries;
  uint64_t Total = 0;
  llvm::SmallString<256> Top(Directory);
  llvm::sys::path::append(Top, "v1");
  std::error_code Error;
  for (llvm::sys::fs::recursive_directory_iterator It(Top, Error), End;
       It != End && !Error; It.increment(Error)) {
    llvm::sys::fs::file_status Status;
    if (llvm::sys::fs::status(It->path(), Status) ||
        Status.type() != llvm::sys::fs::file_type::regular_file)
      continue;
    Entries.push_back({It->path(), Status.getSize(),
                       Status.getLastModificationTime()});
    Total += Status.getSize();
  }
  if (Total <= MaxBytes)
    return;
  llvm::sort(Entries, [](const Entry &A, const Entry &B) { return A.Used < B.Used; });
  uint64_t Target = MaxBytes / 10 * 9;
  for (const Entry &Oldest : Entries) {
    if (Total <= Target)
      break;
    if (!llvm::sys::fs::remove(Oldest.Path))
      Total -= Oldest.Size;
  }
}

std::optional<std::vector<std::string>>
filesRead(const AnalysisRequest &Request,
          const clang::tidy::ClangTidyOptions &Options) {
  std::optional<Preprocessed> Input =
      preprocess(Request, analysisCommandLine(Request, Options));
  if (!Input)
    return std::nullopt;
  std::vector<std::string> Files;
  for (const auto &Entry : Input->Files) {
    llvm::SmallString<256> Path(Entry.first);
    if (!llvm::sys::path::is_absolute(Path))
      llvm::sys::fs::make_absolute(Request.Directory, Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    Files.push_back(Path.str().str());
  }
  return Files;
}

llvm::Expected<uint64_t> parseByteSize(llvm::StringRef Text) {
  llvm::StringRef Number = Text;
  uint64_t Unit = 1;
  if (Number.consume_back("K") || Number.consume_back("k"))
    Unit = 1ull << 10;
  else if (Number.consume_back("M") || Number.consume_back("m"))
    Unit = 1ull << 20;
  else if (Number.consume_back("G") || Number.consume_back("g"))
    Unit = 1ull << 30;
  uint64_t Value = 0;
  if (Number.getAsInteger(10, Value) || Value == 0)
    return llvm::createStringError("bad size '" + Text +
                                   "': expected a positive number of bytes, "
                                   "or of K, M or G (1024-based)");
  return Value * Unit;
}

} // namespace vtlint
