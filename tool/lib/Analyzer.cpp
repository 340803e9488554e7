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
//     emitted them, is the one reported), check warnings and clang-tidy's
//     own NOLINT errors become findings, every message on one line.
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

class TidyAction : public clang::ASTFrontendAction {
public:
  TidyAction(clang::tidy::ClangTidyASTConsumerFactory &Factory,
             bool MainFileOnly)
      : Factory(Factory), MainFileOnly(MainFileOnly) {}
  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &Compiler,
                    llvm::StringRef File) override {
    std::unique_ptr<clang::ASTConsumer> Checks =
        Factory.createASTConsumer(Compiler, File);
    if (!MainFileOnly)
      return Checks;
    return matchMainFileOnly(Compiler, std::move(Checks));
  }

private:
  clang::tidy::ClangTidyASTConsumerFactory &Factory;
  const bool MainFileOnly;
};

class TidyActionFactory : public clang::tooling::FrontendActionFactory {
public:
  TidyActionFactory(clang::tidy::ClangTidyContext &Context, bool MainFileOnly)
      : ConsumerFactory(Context), MainFileOnly(MainFileOnly) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<TidyAction>(ConsumerFactory, MainFileOnly);
  }
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
};

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
  if (Error.File.empty()) {
    Result.FirstError = "error: " + singleLine(Error.Message);
    return;
  }
  SourcePosition At = Positions.position(Error.File, Error.Offset);
  Result.FirstError = At.File + ":" + std::to_string(At.Line) + ":" +
                      std::to_string(At.Column) +
                      ": error: " + singleLine(Error.Message);
  Result.FirstErrorAt = std::move(At);
}

FileResult analyzeUnprotected(const AnalysisRequest &Request,
                              const clang::tidy::ClangTidyOptions &Options) {
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

  auto Files = llvm::makeIntrusiveRefCnt<clang::FileManager>(
      clang::FileSystemOptions(), FS);
  TidyActionFactory Factory(Context, mainFileFindingsOnly(Options));
  clang::tooling::ToolInvocation Invocation(
      adjustCommandLine(Request, Options), &Factory, Files.get(),
      std::make_shared<clang::PCHContainerOperations>());
  Invocation.setDiagnosticConsumer(&Observer);
  bool Succeeded = Invocation.run();

  PositionResolver Positions(*FS, Request.Directory);
  if (Observer.FirstError)
    recordFirstError(Result, *Observer.FirstError, Positions);
  std::vector<ClangTidyError> Errors = Diagnostics.take();
  returnStolenNotes(Errors, Observer.InterruptedFindings);
  for (const ClangTidyError &Error : Errors) {
    if (isCompilerDiagnostic(Error)) {
      // Seen by the observer; the consumer may miss one it was told to
      // ignore, so take it from here then.
      if (Error.DiagLevel >= ClangTidyError::Error && Result.Compiled)
        recordFirstError(Result,
                         {Error.Message.Message, Error.Message.FilePath,
                          Error.Message.FileOffset},
                         Positions);
      continue;
    }
    Result.Findings.push_back(makeFinding(Error, Positions));
  }
  if (!Succeeded && Result.Compiled) {
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

FileResult analyzeFile(const AnalysisRequest &Request,
                       const clang::tidy::ClangTidyOptions &Options) {
  // A crash in clang or in a check fails this translation unit, not the
  // whole run (or the language server): the others are still analysed.
  static std::once_flag EnableRecovery;
  std::call_once(EnableRecovery, [] { llvm::CrashRecoveryContext::Enable(); });
  FileResult Result;
  llvm::CrashRecoveryContext Recovery;
  if (!Recovery.RunSafely([&] { Result = analyzeUnprotected(Request, Options); })) {
    Result = FileResult();
    Result.File = Request.File;
    Result.Compiled = false;
    Result.FirstError = "error: vtlint crashed while analysing this file";
  }
  return Result;
}

llvm::Expected<FileResult> analyzeFile(const AnalysisRequest &Request,
                                       Configuration &Config) {
  auto Options = Config.optionsFor(Request.File);
  if (!Options)
    return Options.takeError();
  return analyzeFile(Request, *Options);
}

} // namespace vtlint
