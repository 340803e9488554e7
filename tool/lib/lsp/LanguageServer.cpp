//===--- LanguageServer.cpp - `vtlint --lsp`: the server over stdio -------===//

#include "LanguageServer.h"
#include "Analyzer.h"
#include "ProfileAdvice.h"
#include "Server.h"

#include <chrono>
#include <csignal>
#include <iostream>
#include <unistd.h>

namespace vtlint::lsp {
namespace {

/// Moves the protocol off descriptor 1 (see the header); returns the
/// protocol's descriptor, or -1 if the descriptors cannot be rearranged.
int takeOverStdout() {
  std::fflush(stdout);
  int Protocol = ::dup(STDOUT_FILENO);
  if (Protocol < 0)
    return -1;
  if (::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
    ::close(Protocol);
    return -1;
  }
  return Protocol;
}

} // namespace

int runLanguageServer(const LanguageServerOptions &Options, llvm::raw_ostream &Err) {
  if (!Options.Files.empty()) {
    Err << "vtlint: error: --lsp takes no source files (the editor opens them): '"
        << Options.Files.front() << "'\n";
    return 2;
  }
  llvm::Expected<std::unique_ptr<Configuration>> Config = Configuration::create(Options.Config);
  if (!Config) {
    Err << "vtlint: error: " << llvm::toString(Config.takeError()) << "\n";
    return 2;
  }
  // A missing or malformed profile is bad usage, as for a lint run: said
  // once at start-up, not in every document's diagnostics.
  std::optional<std::string> Profile;
  if (Options.ProfileFile) {
    llvm::Expected<std::string> Loaded = loadProfile(*Options.ProfileFile);
    if (!Loaded) {
      Err << "vtlint: error: " << llvm::toString(Loaded.takeError()) << "\n";
      return 2;
    }
    Profile = std::move(*Loaded);
  }
  CompileCommands Commands(Options.Commands);
  if (llvm::Error Unreadable = Commands.loadBuildDatabase()) {
    Err << "vtlint: error: " << llvm::toString(std::move(Unreadable)) << "\n";
    return 2;
  }
  int ProtocolFd = takeOverStdout();
  if (ProtocolFd < 0) {
    Err << "vtlint: error: cannot set up stdout for the language server\n";
    return 2;
  }
  // A client that goes away mid-write must not kill the server with
  // SIGPIPE: the failed write is ignored and the reader then sees the end
  // of input, which ends the session.
  std::signal(SIGPIPE, SIG_IGN);
  // Our own buffer for std::cin, not stdio's (the reader is its only user).
  std::ios::sync_with_stdio(false);

  llvm::raw_fd_ostream ProtocolOut(ProtocolFd, /*shouldClose=*/true, /*unbuffered=*/false);
  MessageWriter Writer(ProtocolOut);
  Configuration &Settings = **Config;
  PreambleStore Preambles;
  AnalyzeFunction Analyze = [&](const Document &Doc,
                                const std::atomic<bool> &Cancelled) -> llvm::Expected<FileResult> {
    llvm::Expected<AnalysisRequest> Request = Commands.requestFor(Doc.Path);
    if (!Request)
      return Request.takeError();
    Request->UnsavedContents = Doc.Text;
    llvm::Expected<clang::tidy::ClangTidyOptions> FileOptions = Settings.optionsFor(Request->File);
    if (!FileOptions)
      return FileOptions.takeError();
    if (Profile)
      applyProfile(*FileOptions, *Profile, Options.Config.ChecksGlob.has_value());
    IncrementalAnalysis Incremental;
    Incremental.Preambles = &Preambles;
    Incremental.Cancelled = &Cancelled;
    auto Start = std::chrono::steady_clock::now();
    FileResult Result = analyzeFile(*Request, *FileOptions, Incremental);
    auto Ms = [](std::chrono::steady_clock::duration D) {
      return std::chrono::duration_cast<std::chrono::milliseconds>(D).count();
    };
    // For whoever profiles the server (its stderr), not for the editor.
    Err << "vtlint-lsp: " << Doc.Path << " v" << Doc.Version << ": preamble "
        << describePreambleOutcome(Incremental.Preamble) << ", "
        << (Cancelled.load(std::memory_order_relaxed) ? "cancelled" : "analysed") << " in "
        << Ms(std::chrono::steady_clock::now() - Start) << " ms (command and preamble "
        << Ms(Incremental.Took.Prepare) << ", parse " << Ms(Incremental.Took.Parse)
        << ", checks " << Ms(Incremental.Took.Check) << ")\n";
    return Result;
  };
  ServerOptions ServerSettings;
  ServerSettings.DocumentClosed = [&](llvm::StringRef Path) { Preambles.forget(Path); };
  Server S(Writer, std::move(Analyze), std::move(ServerSettings));
  MessageReader Reader(std::cin);
  int ExitCode = serve(Reader, S);
  // A client that closed its end makes our writes fail; LLVM streams abort
  // when destroyed with an error pending, and that is not worth a crash.
  ProtocolOut.clear_error();
  return ExitCode;
}

} // namespace vtlint::lsp
