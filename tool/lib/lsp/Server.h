//===--- Server.h - the vtlint language server: lifecycle and dispatch ----===//
//
// Lifecycle, as the LSP specification sets it:
//  1. Before `initialize`, requests are answered ServerNotInitialized
//     (-32002) and notifications are dropped, except `exit`.
//  2. `initialize` answers the capabilities; a second one is an
//     InvalidRequest.
//  3. Running: documents are opened, edited, saved and closed; each
//     open/change/save schedules an analysis (AnalysisScheduler.h), whose
//     findings are published as diagnostics; codeAction offers their fixes.
//     Unknown requests get MethodNotFound; unknown notifications are ignored.
//  4. `shutdown` is answered at once: pending analyses are dropped, a
//     running one is not published, and every later request is an
//     InvalidRequest.
//  5. `exit` (or the end of input) ends the session: exit code 0 if
//     `shutdown` came first, else 1.
//
//===----------------------------------------------------------------------===//

#ifndef VTLINT_TOOL_LSP_SERVER_H
#define VTLINT_TOOL_LSP_SERVER_H

#include "AnalysisScheduler.h"
#include "Diagnostics.h"
#include "DocumentStore.h"
#include "Finding.h"
#include "JsonRpc.h"
#include "Params.h"
#include "Report.h"
#include "RuleCatalog.h"
#include "Transport.h"
#include "llvm/Support/Error.h"
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace vtlint::lsp {

/// Runs the checks over an open document's unsaved text. An error is a
/// problem with the set-up (no usable configuration), shown to the user.
/// Once Cancelled is set the result is not used: the function may return
/// early with anything.
using AnalyzeFunction =
    std::function<llvm::Expected<FileResult>(const Document &Doc, const std::atomic<bool> &Cancelled)>;

struct ServerOptions {
  /// The longest delay from an edit to its analysis (the debounce); none
  /// while the document's analyses take less (AnalysisScheduler.h).
  std::chrono::milliseconds ChangeDelay{250};
  /// codeDescription.href: the check's page, the same link as SARIF's helpUri.
  DocUrlFunction DocUrl = [](llvm::StringRef Check) { return describeRule(Check).HelpUri; };
  std::string Version = vtlintVersion().str();
  /// Told when the editor closes a document (the analysis's caches for its
  /// file can go).
  std::function<void(llvm::StringRef Path)> DocumentClosed = [](llvm::StringRef) {};
};

class Server {
public:
  Server(MessageWriter &Out, AnalyzeFunction Analyze, ServerOptions Options);
  ~Server();

  /// Handles one message body; the exit code once the session is over.
  std::optional<int> handleMessage(llvm::StringRef Body);
  /// Answers a message the transport could not frame (parse error, id null).
  void handleFramingError(llvm::StringRef What);
  /// The end of input ends the session like `exit`.
  int handleEndOfInput();
  /// Blocks until no analysis is pending or running (for tests).
  void waitUntilIdle() { Scheduler.waitUntilIdle(); }

private:
  enum class State { Uninitialized, Running, ShutDown };

  void handleRequest(const IncomingMessage &Request);
  std::optional<int> handleNotification(const IncomingMessage &Notification);
  int endSession();

  llvm::json::Value initializeResult() const;
  void didOpen(const llvm::json::Value &Params);
  void didChange(const llvm::json::Value &Params);
  void didSave(const llvm::json::Value &Params);
  void didClose(const llvm::json::Value &Params);
  /// $/cancelRequest: a waiting code action is answered RequestCancelled.
  void cancelRequest(const llvm::json::Value &Params);
  /// Answers textDocument/codeAction, at once or (while the current text
  /// is being analysed) once its result is published.
  void codeAction(const IncomingMessage &Request);

  /// The scheduler's runner: analyses Uri's current text on the worker.
  void analyze(const std::string &Uri, const std::atomic<bool> &Cancelled);
  void publish(llvm::StringRef Uri, std::optional<int64_t> Version, llvm::json::Array Diagnostics);
  /// window/logMessage: Type 1 error, 2 warning, 3 info.
  void logMessage(int Type, llvm::StringRef Text);

  MessageWriter &Out;
  AnalyzeFunction Analyze;
  ServerOptions Options;
  State Phase = State::Uninitialized; // Only the reader thread uses it.
  DocumentStore Documents;

  /// The findings of one settled version of a document, for codeAction.
  struct Published {
    int64_t Version = 0;
    std::vector<DiagnosticWithFix> Items;
  };
  struct DeferredCodeAction {
    llvm::json::Value Id;
    CodeActionParams Params;
  };
  static llvm::json::Array quickFixes(const Published &Result, const CodeActionParams &P);
  /// Answers the code actions waiting for Uri's analysis (PublishLock held).
  void answerDeferred(llvm::StringRef Uri);

  /// Guards Latest, Deferred and ShutDown, and makes "still current? then
  /// publish" one step against didClose's "close, then publish empty" (a
  /// closed document never gets diagnostics again) and against shutdown.
  std::mutex PublishLock;
  /// Per open document: the findings of its last settled version.
  std::map<std::string, Published, std::less<>> Latest;
  /// Code actions asked while the current version was being analysed.
  std::map<std::string, std::vector<DeferredCodeAction>, std::less<>> Deferred;
  bool ShutDown = false; // Set by `shutdown`: nothing is published after it.

  AnalysisScheduler Scheduler; // Last: its worker uses the members above.
};

/// Reads messages until the session ends; returns the process exit code.
int serve(MessageReader &In, Server &S);

} // namespace vtlint::lsp

#endif // VTLINT_TOOL_LSP_SERVER_H
