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
//     mark the TU as not compiled, check warnings become findings.
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
  clang::DiagnosticsEngine Engine(
      llvm::makeIntrusiveRefCnt<clang::DiagnosticIDs>(),
      llvm::makeIntrusiveRefCnt<clang::DiagnosticOptions>(), &Diagnostics,
      /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(&Engine);

  auto Files = llvm::makeIntrusiveRefCnt<clang::FileManager>(
      clang::FileSystemOptions(), FS);
  TidyActionFactory Factory(Context, mainFileFindingsOnly(Options));
  clang::tooling::ToolInvocation Invocation(
      adjustCommandLine(Request, Options), &Factory, Files.get(),
      std::make_shared<clang::PCHContainerOperations>());
  Invocation.setDiagnosticConsumer(&Diagnostics);
  bool Succeeded = Invocation.run();

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
  if (!Succeeded && Result.Compiled) {
    Result.Compiled = false;
    Result.FirstError = "error: the compiler could not process the file";
  }
  return Result;
}

} // namespace

llvm::StringRef clangResourceDirectory() { return VTLINT_CLANG_RESOURCE_DIR; }

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
