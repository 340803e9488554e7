//===--- Analyzer.cpp - run the checks over one translation unit ---------===//
//
// What runClangTidy does for a list of files, done for one file without its
// process-wide side effects (it prints "Error while processing" and changes
// nothing else, but a ClangTool also resolves clang's resource directory
// beside the running binary, which for vtlint is wrong):
//  1. adjust the compile command like clang-tidy: -fsyntax-only, no output
//     or dependency files, no plugins, the configuration's ExtraArgs, and
//     the installed clang's -resource-dir;
//  2. give the translation unit its own virtual file system: the physical
//     one with the command's working directory, under an in-memory layer
//     holding the unsaved contents, if any;
//  3. run clang-tidy's AST consumer (all enabled checks, NOLINT handling)
//     with its diagnostic consumer, which collects every diagnostic; when
//     only main-file findings can be reported, over the main file's own
//     declarations (MainFileScope.h);
//  4. turn the collected diagnostics into a FileResult: compiler errors
//     mark the TU as not compiled (the first one located, with the main
//     file's #include that leads to it), check warnings become findings.
// The language server's analyses (IncrementalAnalysis) replace step 3's
// whole parse with a parse of the main file on top of its preamble
// (Preamble.h) when the include region compiles; else the file is parsed
// whole as above. Either way the same checks see the same declarations:
// the traversal is the main file's declarations (MainFileScope.h) or the
// whole unit, and what the preamble declared is deserialised from it when
// a matcher or a check asks for it.
//
//===----------------------------------------------------------------------===//

#include "Analyzer.h"
#include "Fingerprint.h"
#include "MainFileScope.h"
#include "SourceText.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Frontend/Utils.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <memory>
#include <mutex>

namespace vtlint {
namespace {

using clang::tidy::ClangTidyError;

/// Stops the parse at the next top-level declaration once the analysis is
/// cancelled: clang's ParseAST returns when a consumer's HandleTopLevelDecl
/// answers false, before HandleTranslationUnit, so the checks never run.
/// It comes first in its MultiplexConsumer, so its HandleTranslationUnit
/// marks the end of the parse and the start of the checks.
class CancellationGate : public clang::ASTConsumer {
public:
  CancellationGate(const std::atomic<bool> &Cancelled,
                   std::chrono::steady_clock::time_point &ParseEnd)
      : Cancelled(Cancelled), ParseEnd(ParseEnd) {}
  bool HandleTopLevelDecl(clang::DeclGroupRef) override {
    // Relaxed: the flag orders no other data; a late read costs one more
    // declaration's parse.
    return !Cancelled.load(std::memory_order_relaxed);
  }
  void HandleTranslationUnit(clang::ASTContext &) override {
    ParseEnd = std::chrono::steady_clock::now();
  }

private:
  const std::atomic<bool> &Cancelled;
  std::chrono::steady_clock::time_point &ParseEnd;
};

class TidyAction : public clang::ASTFrontendAction {
public:
  TidyAction(clang::tidy::ClangTidyASTConsumerFactory &Factory,
             bool MainFileOnly, const std::atomic<bool> *Cancelled)
      : Factory(Factory), MainFileOnly(MainFileOnly), Cancelled(Cancelled) {}
  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &Compiler,
                    llvm::StringRef File) override {
    std::unique_ptr<clang::ASTConsumer> Checks =
        Factory.createASTConsumer(Compiler, File);
    if (MainFileOnly)
      Checks = matchMainFileOnly(Compiler, std::move(Checks));
    if (!Cancelled)
      return Checks;
    std::vector<std::unique_ptr<clang::ASTConsumer>> Consumers;
    Consumers.push_back(std::make_unique<CancellationGate>(*Cancelled, ParseEnd));
    Consumers.push_back(std::move(Checks));
    return std::make_unique<clang::MultiplexConsumer>(std::move(Consumers));
  }

  /// Set when the main file is parsed (only with a cancellation flag).
  std::chrono::steady_clock::time_point ParseEnd;

private:
  clang::tidy::ClangTidyASTConsumerFactory &Factory;
  const bool MainFileOnly;
  const std::atomic<bool> *Cancelled;
};

class TidyActionFactory : public clang::tooling::FrontendActionFactory {
public:
  TidyActionFactory(clang::tidy::ClangTidyContext &Context, bool MainFileOnly,
                    const std::atomic<bool> *Cancelled)
      : ConsumerFactory(Context), MainFileOnly(MainFileOnly), Cancelled(Cancelled) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<TidyAction>(ConsumerFactory, MainFileOnly, Cancelled);
  }
  clang::tidy::ClangTidyASTConsumerFactory &consumerFactory() { return ConsumerFactory; }
  bool mainFileOnly() const { return MainFileOnly; }
  bool runInvocation(std::shared_ptr<clang::CompilerInvocation> Invocation,
                     clang::FileManager *Files,
                     std::shared_ptr<clang::PCHContainerOperations> PCH,
                     clang::DiagnosticConsumer *Diagnostics) override {
    // As clang-tidy does: code under `#ifdef __clang_analyzer__` is seen.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    // No "N warnings generated." on stderr: diagnostics are reported by us.
    Invocation->getDiagnosticOpts().ShowCarets = false;
    return FrontendActionFactory::runInvocation(std::move(Invocation), Files,
                                                std::move(PCH), Diagnostics);
  }

private:
  clang::tidy::ClangTidyASTConsumerFactory ConsumerFactory;
  const bool MainFileOnly;
  const std::atomic<bool> *Cancelled;
};

/// Where a compiler error is: a file and a byte offset (PositionResolver
/// turns them into lines and columns).
struct RawPlace {
  std::string Path;
  unsigned Offset = 0;
};

/// Passes every diagnostic on to clang-tidy's consumer and keeps clang's
/// first error with its place and, for an error in an included file, the
/// place of the main file's #include that leads to it (the source manager
/// is only alive while the unit is parsed, so this is done as it happens).
class FirstErrorRecorder : public clang::DiagnosticConsumer {
public:
  explicit FirstErrorRecorder(clang::DiagnosticConsumer &Next) : Next(Next) {}

  void BeginSourceFile(const clang::LangOptions &Language,
                       const clang::Preprocessor *PP) override {
    Next.BeginSourceFile(Language, PP);
  }
  void EndSourceFile() override { Next.EndSourceFile(); }
  void finish() override { Next.finish(); }
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override {
    clang::DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (!Message && Level >= clang::DiagnosticsEngine::Error)
      record(Info);
    Next.HandleDiagnostic(Level, Info);
  }

  std::optional<std::string> Message;
  std::optional<RawPlace> At;
  std::optional<RawPlace> IncludedFrom;

private:
  void record(const clang::Diagnostic &Info) {
    llvm::SmallString<128> Text;
    Info.FormatDiagnostic(Text);
    Message = Text.str().str();
    if (!Info.hasSourceManager() || Info.getLocation().isInvalid())
      return;
    const clang::SourceManager &Sources = Info.getSourceManager();
    clang::SourceLocation Place = Sources.getFileLoc(Info.getLocation());
    At = placeOf(Sources, Place);
    clang::FileID File = Sources.getFileID(Place);
    clang::SourceLocation Include;
    while (File.isValid() && File != Sources.getMainFileID()) {
      clang::SourceLocation Next = Sources.getIncludeLoc(File);
      if (Next.isInvalid())
        return; // Not reached from the main file (e.g. a -include file).
      Include = Sources.getFileLoc(Next);
      File = Sources.getFileID(Include);
    }
    if (Include.isValid())
      IncludedFrom = placeOf(Sources, Include);
  }

  static RawPlace placeOf(const clang::SourceManager &Sources, clang::SourceLocation Place) {
    return {Sources.getFilename(Place).str(), Sources.getFileOffset(Place)};
  }

  clang::DiagnosticConsumer &Next;
};

/// Parses Request's main file on top of its preamble: true if clang
/// succeeded, nullopt when there is no usable preamble (the caller parses
/// the whole file).
std::optional<bool> runWithPreamble(const std::vector<std::string> &CommandLine,
                                    const AnalysisRequest &Request,
                                    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                                    clang::DiagnosticConsumer &Diagnostics,
                                    TidyActionFactory &Factory,
                                    IncrementalAnalysis &Incremental) {
  auto Began = std::chrono::steady_clock::now();
  std::vector<const char *> Argv;
  for (const std::string &Arg : CommandLine)
    Argv.push_back(Arg.c_str());
  // A command the driver rejects is reported by the whole parse instead.
  clang::IgnoringDiagConsumer Ignore;
  clang::CreateInvocationOptions Create;
  Create.Diags = clang::CompilerInstance::createDiagnostics(
      new clang::DiagnosticOptions, &Ignore, /*ShouldOwnClient=*/false);
  Create.VFS = FS;
  std::shared_ptr<clang::CompilerInvocation> Invocation =
      clang::createInvocation(Argv, Create);
  if (!Invocation || Invocation->getFrontendOpts().Inputs.size() != 1)
    return std::nullopt;
  // As TidyActionFactory::runInvocation sets them for the whole parse.
  Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
  Invocation->getDiagnosticOpts().ShowCarets = false;
  // The main buffer stays ours (it outlives the compiler below).
  Invocation->getPreprocessorOpts().RetainRemappedFileBuffers = true;
  // The driver asks cc1 to leak the AST at exit (-disable-free); a server
  // parses again and again, so everything is freed (as ToolInvocation does).
  Invocation->getFrontendOpts().DisableFree = false;
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Main =
      FS->getBufferForFile(Request.File);
  if (!Main)
    return std::nullopt;

  auto PCH = std::make_shared<clang::PCHContainerOperations>();
  std::shared_ptr<const clang::PrecompiledPreamble> Preamble =
      Incremental.Preambles->get(Request.File, CommandLine, *Invocation, **Main,
                                 FS, PCH, Incremental.Preamble);
  if (!Preamble)
    return std::nullopt;
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> WithPreamble = FS;
  Preamble->AddImplicitPreamble(*Invocation, WithPreamble, Main->get());

  clang::CompilerInstance Compiler(PCH);
  Compiler.setInvocation(std::move(Invocation));
  Compiler.createDiagnostics(&Diagnostics, /*ShouldOwnClient=*/false);
  Compiler.createFileManager(WithPreamble);
  TidyAction Action(Factory.consumerFactory(), Factory.mainFileOnly(), Incremental.Cancelled);
  auto Start = std::chrono::steady_clock::now();
  Incremental.Took.Prepare = Start - Began;
  bool Succeeded = Compiler.ExecuteAction(Action);
  auto End = std::chrono::steady_clock::now();
  if (Action.ParseEnd > Start) {
    Incremental.Took.Parse = Action.ParseEnd - Start;
    Incremental.Took.Check = End - Action.ParseEnd;
  } else {
    Incremental.Took.Parse = End - Start;
  }
  return Succeeded;
}

std::vector<std::string>
adjustCommandLine(const AnalysisRequest &Request,
                  const clang::tidy::ClangTidyOptions &Options) {
  namespace tooling = clang::tooling;
  tooling::CommandLineArguments Args = Request.CommandLine;
  for (const tooling::ArgumentsAdjuster &Adjust :
       {tooling::getClangStripOutputAdjuster(),
        tooling::getClangStripDependencyFileAdjuster(),
        tooling::getClangSyntaxOnlyAdjuster(),
        tooling::getStripPluginsAdjuster()})
    Args = Adjust(Args, Request.File);
  if (Options.ExtraArgsBefore)
    Args = tooling::getInsertArgumentAdjuster(*Options.ExtraArgsBefore,
                                              tooling::ArgumentInsertPosition::BEGIN)(
        Args, Request.File);
  if (Options.ExtraArgs)
    Args = tooling::getInsertArgumentAdjuster(*Options.ExtraArgs,
                                              tooling::ArgumentInsertPosition::END)(
        Args, Request.File);
  bool HasResourceDir = llvm::any_of(Args, [](llvm::StringRef Arg) {
    return Arg.starts_with("-resource-dir");
  });
  if (!HasResourceDir)
    Args = tooling::getInsertArgumentAdjuster(
        ("-resource-dir=" + clangResourceDirectory()).str().c_str(),
        tooling::ArgumentInsertPosition::BEGIN)(Args, Request.File);
  return Args;
}

/// Reads files through the TU's file system (so unsaved contents win) and
/// turns clang-tidy's byte offsets into positions.
class PositionResolver {
public:
  PositionResolver(llvm::vfs::FileSystem &FS, std::string BuildDirectory)
      : FS(FS), BuildDirectory(std::move(BuildDirectory)) {}

  std::string absolutePath(llvm::StringRef Path) const {
    llvm::SmallString<256> Result(Path);
    if (!Result.empty() && !llvm::sys::path::is_absolute(Result))
      llvm::sys::fs::make_absolute(BuildDirectory, Result);
    llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/true);
    return Result.str().str();
  }

  SourcePosition position(llvm::StringRef Path, unsigned Offset) {
    SourcePosition Result;
    Result.File = absolutePath(Path);
    Result.Offset = Offset;
    if (const SourceText *Text = text(Result.File))
      std::tie(Result.Line, Result.Column) = Text->lineAndColumn(Offset);
    return Result;
  }

  llvm::StringRef lineText(const SourcePosition &Position) {
    const SourceText *Text = text(Position.File);
    return Text ? Text->line(Position.Line) : "";
  }

private:
  const SourceText *text(const std::string &Path) {
    auto Found = Texts.find(Path);
    if (Found == Texts.end()) {
      std::unique_ptr<SourceText> Loaded;
      if (auto Buffer = FS.getBufferForFile(Path))
        Loaded = std::make_unique<SourceText>((*Buffer)->getBuffer().str());
      Found = Texts.insert({Path, std::move(Loaded)}).first;
    }
    return Found->second.get();
  }

  llvm::vfs::FileSystem &FS;
  std::string BuildDirectory;
  llvm::StringMap<std::unique_ptr<SourceText>> Texts;
};

bool isCompilerDiagnostic(const ClangTidyError &Error) {
  return llvm::StringRef(Error.DiagnosticName).starts_with("clang-diagnostic-");
}

Finding makeFinding(const ClangTidyError &Error, PositionResolver &Positions) {
  Finding Result;
  Result.Check = Error.DiagnosticName;
  Result.Message = Error.Message.Message;
  Result.Location =
      Positions.position(Error.Message.FilePath, Error.Message.FileOffset);
  Result.SourceLine = Positions.lineText(Result.Location).str();
  for (const clang::tooling::DiagnosticMessage &N : Error.Notes) {
    Note Added{N.Message, Positions.position(N.FilePath, N.FileOffset), ""};
    Added.SourceLine = Positions.lineText(Added.Location).str();
    Result.Notes.push_back(std::move(Added));
  }
  for (const auto &FileFixes : Error.Message.Fix)
    for (const clang::tooling::Replacement &R : FileFixes.getValue()) {
      FixEdit Edit;
      Edit.File = Positions.absolutePath(R.getFilePath());
      Edit.Offset = R.getOffset();
      Edit.Length = R.getLength();
      Edit.Replacement = R.getReplacementText().str();
      Edit.Begin = Positions.position(Edit.File, Edit.Offset);
      Edit.End = Positions.position(Edit.File, Edit.Offset + Edit.Length);
      Result.Fixes.push_back(std::move(Edit));
    }
  Result.Fingerprint =
      fingerprintFinding(Result.Check, Result.Message, Result.SourceLine);
  return Result;
}

std::string describeError(const ClangTidyError &Error,
                          PositionResolver &Positions) {
  if (Error.Message.FilePath.empty())
    return "error: " + Error.Message.Message;
  SourcePosition At =
      Positions.position(Error.Message.FilePath, Error.Message.FileOffset);
  return At.File + ":" + std::to_string(At.Line) + ":" +
         std::to_string(At.Column) + ": error: " + Error.Message.Message;
}

FileResult analyzeUnprotected(const AnalysisRequest &Request,
                              const clang::tidy::ClangTidyOptions &Options,
                              IncrementalAnalysis *Incremental) {
  FileResult Result;
  Result.File = Request.File;
  if (Request.CommandLine.empty()) {
    Result.Compiled = false;
    Result.FirstError = "error: no compile command";
    return Result;
  }

  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::createPhysicalFileSystem());
  if (Request.UnsavedContents) {
    auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
    Memory->addFile(Request.File, /*ModificationTime=*/0,
                    llvm::MemoryBuffer::getMemBufferCopy(
                        *Request.UnsavedContents, Request.File));
    FS->pushOverlay(Memory);
  }
  if (!Request.Directory.empty())
    FS->setCurrentWorkingDirectory(Request.Directory);

  clang::tidy::ClangTidyContext Context(
      std::make_unique<clang::tidy::DefaultOptionsProvider>(
          clang::tidy::ClangTidyGlobalOptions(), Options));
  clang::tidy::ClangTidyDiagnosticConsumer Diagnostics(Context);
  clang::DiagnosticsEngine Engine(
      llvm::makeIntrusiveRefCnt<clang::DiagnosticIDs>(),
      llvm::makeIntrusiveRefCnt<clang::DiagnosticOptions>(), &Diagnostics,
      /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(&Engine);

  FirstErrorRecorder Recorder(Diagnostics);
  TidyActionFactory Factory(Context, mainFileFindingsOnly(Options),
                            Incremental ? Incremental->Cancelled : nullptr);
  std::vector<std::string> CommandLine = adjustCommandLine(Request, Options);
  std::optional<bool> Succeeded;
  if (Incremental && Incremental->Preambles)
    Succeeded = runWithPreamble(CommandLine, Request, FS, Recorder, Factory,
                                *Incremental);
  if (!Succeeded) {
    auto Files = llvm::makeIntrusiveRefCnt<clang::FileManager>(
        clang::FileSystemOptions(), FS);
    clang::tooling::ToolInvocation Invocation(
        CommandLine, &Factory, Files.get(),
        std::make_shared<clang::PCHContainerOperations>());
    Invocation.setDiagnosticConsumer(&Recorder);
    Succeeded = Invocation.run();
  }

  PositionResolver Positions(*FS, Request.Directory);
  for (const ClangTidyError &Error : Diagnostics.take()) {
    if (isCompilerDiagnostic(Error)) {
      if (Error.DiagLevel >= ClangTidyError::Error && Result.Compiled) {
        Result.Compiled = false;
        Result.FirstError = describeError(Error, Positions);
      }
      continue;
    }
    Result.Findings.push_back(makeFinding(Error, Positions));
  }
  if (Recorder.Message && Recorder.At) {
    CompileError First;
    First.Message = *Recorder.Message;
    First.Location = Positions.position(Recorder.At->Path, Recorder.At->Offset);
    if (Recorder.IncludedFrom)
      First.IncludedFrom = Positions.position(Recorder.IncludedFrom->Path,
                                              Recorder.IncludedFrom->Offset);
    Result.FirstErrorAt = std::move(First);
  }
  if (!*Succeeded && Result.Compiled) {
    Result.Compiled = false;
    Result.FirstError = "error: the compiler could not process the file";
  }
  return Result;
}

} // namespace

llvm::StringRef clangResourceDirectory() { return VTLINT_CLANG_RESOURCE_DIR; }

namespace {

FileResult analyzeProtected(const AnalysisRequest &Request,
                            const clang::tidy::ClangTidyOptions &Options,
                            IncrementalAnalysis *Incremental) {
  // A crash in clang or in a check fails this translation unit, not the
  // whole run (or the language server): the others are still analysed.
  static std::once_flag EnableRecovery;
  std::call_once(EnableRecovery, [] { llvm::CrashRecoveryContext::Enable(); });
  FileResult Result;
  llvm::CrashRecoveryContext Recovery;
  if (!Recovery.RunSafely([&] {
        Result = analyzeUnprotected(Request, Options, Incremental);
      })) {
    Result = FileResult();
    Result.File = Request.File;
    Result.Compiled = false;
    Result.FirstError = "error: vtlint crashed while analysing this file";
  }
  return Result;
}

} // namespace

FileResult analyzeFile(const AnalysisRequest &Request,
                       const clang::tidy::ClangTidyOptions &Options) {
  return analyzeProtected(Request, Options, nullptr);
}

FileResult analyzeFile(const AnalysisRequest &Request,
                       const clang::tidy::ClangTidyOptions &Options,
                       IncrementalAnalysis &Incremental) {
  return analyzeProtected(Request, Options, &Incremental);
}

llvm::Expected<FileResult> analyzeFile(const AnalysisRequest &Request,
                                       Configuration &Config) {
  auto Options = Config.optionsFor(Request.File);
  if (!Options)
    return Options.takeError();
  return analyzeFile(Request, *Options);
}

} // namespace vtlint
