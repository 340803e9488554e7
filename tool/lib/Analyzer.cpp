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
//     mark the TU as not compiled (clang's first error, in the order clang
//     emitted them, is the one reported, with the main file's #include
//     that leads to it), check warnings and clang-tidy's own NOLINT errors
//     become findings, every message on one line.
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
    if (const SourceText *Text = text(Result.File)) {
      std::tie(Result.Line, Result.Column) = Text->lineAndColumn(Offset);
      Result.CodePointColumn = Text->codePointColumn(Result.Line, Result.Column);
    }
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

/// Sits in front of clang-tidy's diagnostic consumer (for clang's and the
/// checks' diagnostics alike) to see what that consumer cannot tell once it
/// has sorted them:
///  1. clang's first error, in the order emitted: past the error limit the
///     location-less "too many errors emitted" would sort first;
///  2. the finding an unmatched NOLINTBEGIN interrupted: clang-tidy reports
///     it while it handles the first finding of the file, between that
///     finding and its notes, so the notes land on the NOLINT error;
///  3. only clang's own errors count as errors of the invocation, so a NOLINT
///     error does not make the file "not compile".
class ObservingConsumer : public clang::DiagnosticConsumer {
public:
  ObservingConsumer(clang::tidy::ClangTidyContext &Context,
                    clang::DiagnosticConsumer &Next)
      : Context(Context), Next(Next) {}

  /// The engine the checks (and clang-tidy's NOLINT handling) report to.
  void setChecksEngine(const clang::DiagnosticsEngine *Engine) {
    ChecksEngine = Engine;
  }

  struct FirstErrorSeen {
    std::string Message;
    std::string File; // empty: no location
    unsigned Offset = 0;
    /// For an error in an included file: the main file's #include that
    /// leads to it (IncludeFile empty otherwise). Found as the error is
    /// handled: the source manager only lives while the unit is parsed.
    std::string IncludeFile;
    unsigned IncludeOffset = 0;
  };
  std::optional<FirstErrorSeen> FirstError;
  /// The messages of the findings whose notes a NOLINT error took.
  std::vector<std::string> InterruptedFindings;

  void BeginSourceFile(const clang::LangOptions &Lang,
                       const clang::Preprocessor *PP) override {
    Next.BeginSourceFile(Lang, PP);
  }
  void EndSourceFile() override { Next.EndSourceFile(); }
  void finish() override { Next.finish(); }

  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override {
    bool FromCompiler = Info.getDiags() != ChecksEngine;
    std::string Check = FromCompiler ? "" : Context.getCheckName(Info.getID());
    if (FromCompiler)
      DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (FromCompiler && Level >= clang::DiagnosticsEngine::Error && !FirstError)
      FirstError = describe(Info);
    if (Level != clang::DiagnosticsEngine::Note) {
      if (Check == "clang-tidy-nolint" && Depth > 0)
        InterruptedFindings.push_back(OuterMessage);
      if (Depth == 0) {
        llvm::SmallString<128> Text;
        Info.FormatDiagnostic(Text);
        // clang-tidy's consumer drops the " [check]" its format adds.
        OuterMessage = llvm::StringRef(Text)
                           .drop_back(llvm::StringRef(Text).ends_with(
                                          " [" + Check + "]")
                                          ? Check.size() + 3
                                          : 0)
                           .str();
      }
    }
    ++Depth;
    Next.HandleDiagnostic(Level, Info);
    --Depth;
  }

private:
  static FirstErrorSeen describe(const clang::Diagnostic &Info) {
    FirstErrorSeen Seen;
    llvm::SmallString<128> Text;
    Info.FormatDiagnostic(Text);
    Seen.Message = Text.str().str();
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      const clang::SourceManager &Sources = Info.getSourceManager();
      clang::SourceLocation At = Sources.getFileLoc(Info.getLocation());
      Seen.File = Sources.getFilename(At).str();
      Seen.Offset = Sources.getFileOffset(At);
      clang::FileID File = Sources.getFileID(At);
      clang::SourceLocation Include;
      while (File.isValid() && File != Sources.getMainFileID()) {
        clang::SourceLocation Next = Sources.getIncludeLoc(File);
        if (Next.isInvalid())
          return Seen; // Not reached from the main file (e.g. a -include file).
        Include = Sources.getFileLoc(Next);
        File = Sources.getFileID(Include);
      }
      if (Include.isValid()) {
        Seen.IncludeFile = Sources.getFilename(Include).str();
        Seen.IncludeOffset = Sources.getFileOffset(Include);
      }
    }
    return Seen;
  }

  clang::tidy::ClangTidyContext &Context;
  clang::DiagnosticConsumer &Next;
  const clang::DiagnosticsEngine *ChecksEngine = nullptr;
  unsigned Depth = 0; // > 0 while Next handles a diagnostic
  std::string OuterMessage;
};

/// Gives the notes a NOLINT error took back to the finding they belong to.
void returnStolenNotes(std::vector<ClangTidyError> &Errors,
                       llvm::ArrayRef<std::string> InterruptedFindings) {
  for (ClangTidyError &Nolint : Errors) {
    if (Nolint.DiagnosticName != "clang-tidy-nolint" || Nolint.Notes.empty())
      continue;
    for (ClangTidyError &Owner : Errors)
      if (&Owner != &Nolint && Owner.Notes.empty() &&
          Owner.DiagnosticName != "clang-tidy-nolint" &&
          llvm::is_contained(InterruptedFindings, Owner.Message.Message)) {
        Owner.Notes = std::move(Nolint.Notes);
        // The consumer strips " [check]" only from a note of that check.
        for (clang::tooling::DiagnosticMessage &N : Owner.Notes) {
          llvm::StringRef Text(N.Message);
          if (Text.consume_back(" [" + Owner.DiagnosticName + "]"))
            N.Message = Text.str();
        }
        break;
      }
    Nolint.Notes.clear();
  }
}

bool isCompilerDiagnostic(const ClangTidyError &Error) {
  return llvm::StringRef(Error.DiagnosticName).starts_with("clang-diagnostic-");
}

std::vector<FixEdit> fixEdits(const llvm::StringMap<clang::tooling::Replacements> &Fixes,
                              PositionResolver &Positions) {
  std::vector<FixEdit> Edits;
  for (const auto &FileFixes : Fixes)
    for (const clang::tooling::Replacement &R : FileFixes.getValue()) {
      FixEdit Edit;
      Edit.File = Positions.absolutePath(R.getFilePath());
      Edit.Offset = R.getOffset();
      Edit.Length = R.getLength();
      Edit.Replacement = R.getReplacementText().str();
      Edit.Begin = Positions.position(Edit.File, Edit.Offset);
      Edit.End = Positions.position(Edit.File, Edit.Offset + Edit.Length);
      Edits.push_back(std::move(Edit));
    }
  return Edits;
}

Finding makeFinding(const ClangTidyError &Error, PositionResolver &Positions) {
  Finding Result;
  Result.Check = Error.DiagnosticName;
  Result.Message = singleLine(Error.Message.Message);
  // clang-tidy's own NOLINT errors, and checks named by WarningsAsErrors.
  if (Error.DiagLevel >= ClangTidyError::Error || Error.IsWarningAsError)
    Result.Level = Severity::Error;
  Result.Location =
      Positions.position(Error.Message.FilePath, Error.Message.FileOffset);
  Result.SourceLine = Positions.lineText(Result.Location).str();
  for (const clang::tooling::DiagnosticMessage &N : Error.Notes) {
    Note Added{singleLine(N.Message), Positions.position(N.FilePath, N.FileOffset),
               "", fixEdits(N.Fix, Positions)};
    Added.SourceLine = Positions.lineText(Added.Location).str();
    Result.Notes.push_back(std::move(Added));
  }
  Result.Fixes = fixEdits(Error.Message.Fix, Positions);
  Result.Fingerprint =
      fingerprintFinding(Result.Check, Result.Message, Result.SourceLine);
  return Result;
}

void recordFirstError(FileResult &Result,
                      const ObservingConsumer::FirstErrorSeen &Error,
                      PositionResolver &Positions) {
  Result.Compiled = false;
  Result.FirstErrorMessage = singleLine(Error.Message);
  if (Error.File.empty()) {
    Result.FirstError = "error: " + Result.FirstErrorMessage;
    return;
  }
  if (!Error.IncludeFile.empty())
    Result.FirstErrorIncludedFrom =
        Positions.position(Error.IncludeFile, Error.IncludeOffset);
  SourcePosition At = Positions.position(Error.File, Error.Offset);
  Result.FirstError = At.File + ":" + std::to_string(At.Line) + ":" +
                      std::to_string(At.Column) +
                      ": error: " + singleLine(Error.Message);
  Result.FirstErrorAt = std::move(At);
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
  ObservingConsumer Observer(Context, Diagnostics);
  clang::DiagnosticsEngine Engine(
      llvm::makeIntrusiveRefCnt<clang::DiagnosticIDs>(),
      llvm::makeIntrusiveRefCnt<clang::DiagnosticOptions>(), &Observer,
      /*ShouldOwnClient=*/false);
  Observer.setChecksEngine(&Engine);
  Context.setDiagnosticsEngine(&Engine);

  TidyActionFactory Factory(Context, mainFileFindingsOnly(Options),
                            Incremental ? Incremental->Cancelled : nullptr);
  std::vector<std::string> CommandLine = adjustCommandLine(Request, Options);
  std::optional<bool> Succeeded;
  if (Incremental && Incremental->Preambles)
    Succeeded = runWithPreamble(CommandLine, Request, FS, Observer, Factory,
                                *Incremental);
  if (!Succeeded) {
    auto Files = llvm::makeIntrusiveRefCnt<clang::FileManager>(
        clang::FileSystemOptions(), FS);
    clang::tooling::ToolInvocation Invocation(
        CommandLine, &Factory, Files.get(),
        std::make_shared<clang::PCHContainerOperations>());
    Invocation.setDiagnosticConsumer(&Observer);
    Succeeded = Invocation.run();
  }

  PositionResolver Positions(*FS, Request.Directory);
  if (Observer.FirstError)
    recordFirstError(Result, *Observer.FirstError, Positions);
  std::vector<ClangTidyError> Errors = Diagnostics.take();
  returnStolenNotes(Errors, Observer.InterruptedFindings);
  for (const ClangTidyError &Error : Errors) {
    if (isCompilerDiagnostic(Error)) {
      // Seen by the observer; the consumer may miss one it was told to
      // ignore, so take it from here then.
      if (Error.DiagLevel >= ClangTidyError::Error && Result.Compiled) {
        ObservingConsumer::FirstErrorSeen Seen;
        Seen.Message = Error.Message.Message;
        Seen.File = Error.Message.FilePath;
        Seen.Offset = Error.Message.FileOffset;
        recordFirstError(Result, Seen, Positions);
      }
      continue;
    }
    Result.Findings.push_back(makeFinding(Error, Positions));
  }
  if (!*Succeeded && Result.Compiled) {
    Result.Compiled = false;
    Result.FirstError = "error: the compiler could not process the file";
  }
  return Result;
}

} // namespace

llvm::StringRef clangResourceDirectory() { return VTLINT_CLANG_RESOURCE_DIR; }

std::vector<std::string>
analysisCommandLine(const AnalysisRequest &Request,
                    const clang::tidy::ClangTidyOptions &Options) {
  return adjustCommandLine(Request, Options);
}

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
