//===--- Server.cpp - the vtlint language server: lifecycle and dispatch --===//

#include "Server.h"
#include "Params.h"
#include "SourceTexts.h"
#include "Uri.h"

#include "llvm/ADT/STLExtras.h"
#include <iterator>
#include "llvm/Support/raw_ostream.h"

namespace vtlint::lsp {
namespace {

constexpr int LogError = 1;
constexpr int LogWarning = 2;
constexpr int TextDocumentSyncIncremental = 2;
constexpr llvm::StringLiteral QuickFixKind = "quickfix";

bool overlaps(const Range &A, const Range &B) { return A.Start <= B.End && B.Start <= A.End; }

bool sameRange(const Range &A, const Range &B) { return A.Start == B.Start && A.End == B.End; }

/// A quick fix applies at the requested range when its diagnostic or one
/// of its edits overlaps it, or when the client names the diagnostic in
/// context.diagnostics (Neovim sends the cursor's position and the line's
/// diagnostics; VS Code sends the diagnostic's own range).
bool appliesAt(const DiagnosticWithFix &Item, const CodeActionParams &P) {
  if (overlaps(Item.Span, P.Requested))
    return true;
  if (llvm::any_of(Item.EditSpans, [&](const Range &Edit) { return overlaps(Edit, P.Requested); }))
    return true;
  llvm::StringRef Code = Item.Diagnostic.getAsObject()->getString("code").value_or("");
  return llvm::any_of(P.Diagnostics, [&](const DiagnosticKey &Key) {
    return Key.Code == Code && sameRange(Key.Span, Item.Span);
  });
}

/// context.only names the kinds the client wants: ours is "quickfix", a
/// top-level kind, so only "quickfix" itself (or the empty kind) admits it.
bool wantsQuickFixes(const std::optional<std::vector<std::string>> &Only) {
  if (!Only)
    return true;
  return llvm::any_of(*Only, [](llvm::StringRef Kind) { return Kind.empty() || Kind == QuickFixKind; });
}

} // namespace

Server::Server(MessageWriter &Out, AnalyzeFunction Analyze, ServerOptions Options)
    : Out(Out), Analyze(std::move(Analyze)), Options(std::move(Options)),
      Scheduler([this](const std::string &Uri, const std::atomic<bool> &Cancelled) {
        analyze(Uri, Cancelled);
      }) {}

Server::~Server() { Scheduler.stop(); }

int serve(MessageReader &In, Server &S) {
  while (true) {
    ReadResult Next = In.read();
    switch (Next.Status) {
    case ReadResult::Kind::EndOfInput:
      return S.handleEndOfInput();
    case ReadResult::Kind::FramingError:
      S.handleFramingError(Next.Text);
      break;
    case ReadResult::Kind::Message:
      if (std::optional<int> ExitCode = S.handleMessage(Next.Text))
        return *ExitCode;
      break;
    }
  }
}

void Server::handleFramingError(llvm::StringRef What) {
  Out.send(makeError(nullptr, ErrorCode::ParseError, "parse error: " + What.str()));
}

int Server::handleEndOfInput() { return endSession(); }

int Server::endSession() {
  Scheduler.stop();
  return Phase == State::ShutDown ? 0 : 1;
}

std::optional<int> Server::handleMessage(llvm::StringRef Body) {
  IncomingMessage Message = classifyMessage(Body);
  switch (Message.Type) {
  case IncomingMessage::Kind::Malformed:
    Out.send(makeError(Message.Id, Message.Error, Message.ErrorMessage));
    return std::nullopt;
  case IncomingMessage::Kind::Response: // We send no requests: nothing to match.
    return std::nullopt;
  case IncomingMessage::Kind::Request:
    handleRequest(Message);
    return std::nullopt;
  case IncomingMessage::Kind::Notification:
    return handleNotification(Message);
  }
  return std::nullopt;
}

void Server::handleRequest(const IncomingMessage &Request) {
  const std::string &Method = Request.Method;
  if (Phase == State::Uninitialized && Method != "initialize") {
    Out.send(makeError(Request.Id, ErrorCode::ServerNotInitialized,
                       "server not initialized: send 'initialize' first"));
    return;
  }
  if (Phase == State::ShutDown) {
    Out.send(makeError(Request.Id, ErrorCode::InvalidRequest,
                       "the server is shut down: only 'exit' is accepted"));
    return;
  }
  if (Method == "initialize") {
    if (Phase == State::Running) {
      Out.send(makeError(Request.Id, ErrorCode::InvalidRequest, "'initialize' was already sent"));
      return;
    }
    Phase = State::Running;
    Out.send(makeResult(Request.Id, initializeResult()));
  } else if (Method == "shutdown") {
    Phase = State::ShutDown;
    // Answer at once: a running analysis finishes on the worker, but its
    // result is not published (analyze() checks ShutDown).
    Scheduler.close();
    {
      std::lock_guard<std::mutex> Guard(PublishLock);
      ShutDown = true;
      Latest.clear();
      while (!Deferred.empty())
        answerDeferred(std::string(Deferred.begin()->first));
    }
    Out.send(makeResult(Request.Id, nullptr));
  } else if (Method == "textDocument/codeAction") {
    codeAction(Request);
  } else {
    Out.send(makeError(Request.Id, ErrorCode::MethodNotFound, "method not found: " + Method));
  }
}

std::optional<int> Server::handleNotification(const IncomingMessage &Notification) {
  const std::string &Method = Notification.Method;
  if (Method == "exit")
    return endSession();
  if (Phase != State::Running)
    return std::nullopt;
  if (Method == "textDocument/didOpen")
    didOpen(Notification.Params);
  else if (Method == "textDocument/didChange")
    didChange(Notification.Params);
  else if (Method == "textDocument/didSave")
    didSave(Notification.Params);
  else if (Method == "textDocument/didClose")
    didClose(Notification.Params);
  else if (Method == "$/cancelRequest")
    cancelRequest(Notification.Params);
  // Anything else ("initialized", "$/cancelRequest", settings, ...) needs no
  // action from vtlint, and unknown notifications are to be ignored.
  return std::nullopt;
}

llvm::json::Value Server::initializeResult() const {
  return llvm::json::Object{
      {"capabilities",
       llvm::json::Object{
           {"positionEncoding", "utf-16"},
           {"textDocumentSync",
            llvm::json::Object{{"openClose", true},
                               {"change", TextDocumentSyncIncremental},
                               {"save", llvm::json::Object{{"includeText", false}}}}},
           {"codeActionProvider",
            llvm::json::Object{{"codeActionKinds", llvm::json::Array{QuickFixKind}}}}}},
      {"serverInfo", llvm::json::Object{{"name", "vtlint"}, {"version", Options.Version}}}};
}

void Server::didOpen(const llvm::json::Value &Params) {
  std::string Error;
  std::optional<DidOpenParams> P = parseParams<DidOpenParams>(Params, Error);
  if (!P) {
    logMessage(LogError, "textDocument/didOpen: invalid params: " + Error);
    return;
  }
  Document Doc{P->Uri, pathFromFileUri(P->Uri).value_or(""), P->Version, std::move(P->Text)};
  Documents.open(std::move(Doc));
  Scheduler.schedule(P->Uri, std::chrono::milliseconds(0));
}

void Server::didChange(const llvm::json::Value &Params) {
  std::string Error;
  std::optional<DidChangeParams> P = parseParams<DidChangeParams>(Params, Error);
  if (!P) {
    logMessage(LogError, "textDocument/didChange: invalid params: " + Error);
    return;
  }
  if (!Documents.change(P->Uri, P->Version, P->Changes)) {
    logMessage(LogWarning, "textDocument/didChange: document is not open: " + P->Uri);
    return;
  }
  Scheduler.schedule(P->Uri, Scheduler.debounce(P->Uri, Options.ChangeDelay));
}

void Server::didSave(const llvm::json::Value &Params) {
  std::string Error;
  std::optional<DocumentParams> P = parseParams<DocumentParams>(Params, Error);
  if (!P) {
    logMessage(LogError, "textDocument/didSave: invalid params: " + Error);
    return;
  }
  // Saving changes nothing in the saved text, but the disk has changed: a
  // saved header may change what every other open document includes (the
  // analysis reads included files from disk). Analyse the saved document
  // now and the others after the usual delay.
  if (!Documents.get(P->Uri))
    return;
  for (const std::string &Uri : Documents.uris())
    if (Uri != P->Uri)
      Scheduler.schedule(Uri, Options.ChangeDelay);
  Scheduler.schedule(P->Uri, std::chrono::milliseconds(0));
}

void Server::didClose(const llvm::json::Value &Params) {
  std::string Error;
  std::optional<DocumentParams> P = parseParams<DocumentParams>(Params, Error);
  if (!P) {
    logMessage(LogError, "textDocument/didClose: invalid params: " + Error);
    return;
  }
  Scheduler.cancel(P->Uri);
  std::lock_guard<std::mutex> Guard(PublishLock);
  std::optional<Document> Closed = Documents.get(P->Uri);
  if (!Documents.close(P->Uri))
    return;
  if (!Closed->Path.empty())
    Options.DocumentClosed(Closed->Path);
  Latest.erase(P->Uri);
  answerDeferred(P->Uri);
  publish(P->Uri, std::nullopt, llvm::json::Array{});
}

void Server::codeAction(const IncomingMessage &Request) {
  std::string Error;
  std::optional<CodeActionParams> P = parseParams<CodeActionParams>(Request.Params, Error);
  if (!P) {
    Out.send(makeError(Request.Id, ErrorCode::InvalidParams, "invalid params: " + Error));
    return;
  }
  std::optional<Document> Doc = Documents.get(P->Uri);
  std::lock_guard<std::mutex> Guard(PublishLock);
  auto It = Latest.find(P->Uri);
  // The current text's analysis is pending or running (every open and edit
  // schedules one): answer when it is published, not with fixes for an
  // older text, which would edit the wrong places.
  if (Doc && !ShutDown && (It == Latest.end() || It->second.Version != Doc->Version)) {
    Deferred[P->Uri].push_back({Request.Id, std::move(*P)});
    return;
  }
  Out.send(makeResult(Request.Id, Doc && It != Latest.end() ? quickFixes(It->second, *P)
                                                            : llvm::json::Array{}));
}

llvm::json::Array Server::quickFixes(const Published &Result, const CodeActionParams &P) {
  llvm::json::Array Actions;
  if (!wantsQuickFixes(P.OnlyKinds))
    return Actions;
  for (const DiagnosticWithFix &Item : Result.Items)
    if (Item.QuickFix && appliesAt(Item, P))
      Actions.push_back(*Item.QuickFix);
  return Actions;
}

void Server::answerDeferred(llvm::StringRef Uri) {
  auto Waiting = Deferred.find(Uri);
  if (Waiting == Deferred.end())
    return;
  auto It = Latest.find(Uri);
  for (const DeferredCodeAction &Request : Waiting->second)
    Out.send(makeResult(Request.Id, It != Latest.end() ? quickFixes(It->second, Request.Params)
                                                       : llvm::json::Array{}));
  Deferred.erase(Waiting);
}

void Server::cancelRequest(const llvm::json::Value &Params) {
  // Only a waiting code action can still be cancelled; every other request
  // has been answered already, and the protocol says to ignore those.
  const llvm::json::Object *Object = Params.getAsObject();
  const llvm::json::Value *Id = Object ? Object->get("id") : nullptr;
  if (!Id)
    return;
  std::lock_guard<std::mutex> Guard(PublishLock);
  for (auto &[Uri, Waiting] : Deferred) {
    auto Cancelled = llvm::find_if(Waiting, [&](const DeferredCodeAction &R) { return R.Id == *Id; });
    if (Cancelled == Waiting.end())
      continue;
    Out.send(makeError(Cancelled->Id, ErrorCode::RequestCancelled, "request cancelled"));
    Waiting.erase(Cancelled);
    return;
  }
}

void Server::analyze(const std::string &Uri, const std::atomic<bool> &Cancelled) {
  std::optional<Document> Doc = Documents.get(Uri);
  if (!Doc)
    return;
  std::optional<llvm::Expected<FileResult>> Result;
  std::vector<DiagnosticWithFix> Items;
  if (!Doc->Path.empty()) {
    Result.emplace(Analyze(*Doc, Cancelled));
    if (*Result) {
      SourceTexts Texts(*Doc);
      // A file that does not compile shows why, first; the checks' findings
      // on what clang could parse follow.
      if (!(*Result)->Compiled)
        Items.push_back(compileErrorDiagnostic(**Result, *Doc, Texts));
      std::vector<DiagnosticWithFix> Findings =
          toDiagnostics((*Result)->Findings, *Doc, Texts, Options.DocUrl);
      std::move(Findings.begin(), Findings.end(), std::back_inserter(Items));
    }
  }

  std::lock_guard<std::mutex> Guard(PublishLock);
  // Superseded: an edit (or save) arrived while this ran and has scheduled
  // a newer analysis, and cancelled this one (or the document was closed,
  // or the server shut down); this result is stale or incomplete.
  bool Stale = ShutDown || !Documents.isCurrent(Uri, Doc->Version) ||
               // Relaxed: a cancel that lands after this read finds the
               // result complete, and the newer run publishes again.
               Cancelled.load(std::memory_order_relaxed);
  if (!Result) {
    if (!Stale)
      logMessage(LogWarning, "not analysed: '" + Uri + "' is not a local file");
  } else if (!*Result) {
    llvm::Error Failure = Result->takeError();
    if (!Stale)
      logMessage(LogError, Doc->Path + ": " + llvm::toString(std::move(Failure)));
    else
      llvm::consumeError(std::move(Failure));
  } else if (!Stale) {
    if (!(*Result)->Compiled)
      logMessage(LogWarning, Doc->Path + ": does not compile: " + (*Result)->FirstError);
    llvm::json::Array Diagnostics;
    for (const DiagnosticWithFix &Item : Items)
      Diagnostics.push_back(Item.Diagnostic);
    publish(Uri, Doc->Version, std::move(Diagnostics));
  }
  if (Stale)
    return;
  // This version is settled, with or without findings: code actions for it
  // can be answered.
  Latest.insert_or_assign(Uri, Published{Doc->Version, std::move(Items)});
  answerDeferred(Uri);
}

void Server::publish(llvm::StringRef Uri, std::optional<int64_t> Version,
                     llvm::json::Array Diagnostics) {
  llvm::json::Object Params{{"uri", Uri}, {"diagnostics", std::move(Diagnostics)}};
  if (Version)
    Params["version"] = *Version;
  Out.send(makeNotification("textDocument/publishDiagnostics", std::move(Params)));
}

void Server::logMessage(int Type, llvm::StringRef Text) {
  llvm::errs() << "vtlint-lsp: " << Text << "\n";
  Out.send(makeNotification("window/logMessage", llvm::json::Object{{"type", Type}, {"message", Text}}));
}

} // namespace vtlint::lsp
