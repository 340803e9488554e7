//===--- lsp_server_test.cpp - lifecycle, dispatch, diagnostics, fixes ----===//
//
// The server runs against a fake analysis (no clang): it reports a finding
// wherever the document contains "BAD", with a fix replacing it by "OK", so
// these tests see exactly what the protocol layer does with findings.

#include "lsp/Server.h"
#include "lsp/Transport.h"

#include <gtest/gtest.h>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <sstream>
#include <thread>

namespace vtlint::lsp {
namespace {

using llvm::json::Object;
using llvm::json::Value;

constexpr const char *Uri = "file:///src/a.cpp";

FileResult fakeAnalysis(const Document &Doc) {
  FileResult Result;
  Result.File = Doc.Path;
  LineIndex Lines(Doc.Text);
  for (std::size_t At = Doc.Text.find("BAD"); At != std::string::npos;
       At = Doc.Text.find("BAD", At + 1)) {
    Position P = Lines.fromOffset(At);
    unsigned Column = static_cast<unsigned>(At - Lines.toOffset({P.Line, 0})) + 1;
    Finding F;
    F.Check = "valuetask-fake";
    F.Message = "bad thing";
    F.Location = {Doc.Path, P.Line + 1, Column, static_cast<unsigned>(At)};
    Note First;
    First.Message = "first seen here";
    First.Location = {Doc.Path, 1, 1, 0};
    F.Notes.push_back(First);
    FixEdit Edit;
    Edit.File = Doc.Path;
    Edit.Offset = static_cast<unsigned>(At);
    Edit.Length = 3;
    Edit.Replacement = "OK";
    Edit.Begin = F.Location;
    Edit.End = {Doc.Path, P.Line + 1, Column + 3, static_cast<unsigned>(At + 3)};
    F.Fixes.push_back(Edit);
    Result.Findings.push_back(F);
  }
  return Result;
}

class ServerTest : public ::testing::Test {
protected:
  ServerTest() : Stream(Output), Writer(Stream) {}

  void start(std::chrono::milliseconds Delay = std::chrono::milliseconds(0)) {
    ServerOptions Options;
    Options.ChangeDelay = Delay;
    Options.DocUrl = [](llvm::StringRef Check) { return "https://docs/" + Check.str(); };
    Options.Version = "test";
    S = std::make_unique<Server>(
        Writer,
        [this](const Document &Doc, const std::atomic<bool> &) -> llvm::Expected<FileResult> {
          ++Analyses;
          std::this_thread::sleep_for(AnalysisTakes.load());
          return fakeAnalysis(Doc);
        },
        Options);
  }

  std::optional<int> send(Value Message) {
    std::string Body;
    llvm::raw_string_ostream(Body) << Message;
    return S->handleMessage(Body);
  }
  std::optional<int> request(int Id, llvm::StringRef Method, Value Params = Object{}) {
    return send(Object{{"jsonrpc", "2.0"}, {"id", Id}, {"method", Method}, {"params", std::move(Params)}});
  }
  std::optional<int> notify(llvm::StringRef Method, Value Params = Object{}) {
    return send(Object{{"jsonrpc", "2.0"}, {"method", Method}, {"params", std::move(Params)}});
  }
  void initialize() {
    request(1, "initialize", Object{{"capabilities", Object{}}});
    notify("initialized");
  }
  void open(llvm::StringRef Text, int Version = 1) {
    notify("textDocument/didOpen",
           Object{{"textDocument", Object{{"uri", Uri}, {"languageId", "cpp"}, {"version", Version}, {"text", Text}}}});
  }

  /// Every message written so far (after the analyses settle), then forgets them.
  std::vector<Value> take() {
    S->waitUntilIdle();
    std::istringstream In(Output);
    Output.clear();
    MessageReader Reader(In);
    std::vector<Value> Messages;
    for (ReadResult R = Reader.read(); R.Status == ReadResult::Kind::Message; R = Reader.read())
      Messages.push_back(cantFail(llvm::json::parse(R.Text)));
    return Messages;
  }
  static const Object *find(const std::vector<Value> &Messages, llvm::StringRef Method) {
    for (const Value &M : Messages)
      if (M.getAsObject()->getString("method") == Method)
        return M.getAsObject()->getObject("params");
    return nullptr;
  }
  static const Object *response(const std::vector<Value> &Messages, int Id) {
    for (const Value &M : Messages)
      if (M.getAsObject()->getInteger("id") == Id)
        return M.getAsObject();
    return nullptr;
  }
  static std::optional<int64_t> errorCode(const Object *Response) {
    if (!Response || !Response->getObject("error"))
      return std::nullopt;
    return Response->getObject("error")->getInteger("code");
  }

  std::string Output;
  llvm::raw_string_ostream Stream;
  MessageWriter Writer;
  std::atomic<int> Analyses{0};
  std::atomic<std::chrono::milliseconds> AnalysisTakes{std::chrono::milliseconds(0)};
  std::unique_ptr<Server> S;
};

TEST_F(ServerTest, InitializeAdvertisesSyncAndQuickFixes) {
  start();
  request(1, "initialize", Object{{"capabilities", Object{}}});
  std::vector<Value> Messages = take();
  const Object *Reply = response(Messages, 1);
  ASSERT_TRUE(Reply);
  const Object *Caps = Reply->getObject("result")->getObject("capabilities");
  EXPECT_EQ(Caps->getObject("textDocumentSync")->getInteger("change"), 2);
  EXPECT_EQ(*Caps->getObject("codeActionProvider")->getArray("codeActionKinds"),
            (llvm::json::Array{"quickfix"}));
  EXPECT_EQ(Reply->getObject("result")->getObject("serverInfo")->getString("name"), "vtlint");
}

TEST_F(ServerTest, RequestsBeforeInitializeAreRefused) {
  start();
  request(3, "textDocument/codeAction");
  open("BAD");
  std::vector<Value> Messages = take();
  EXPECT_EQ(errorCode(response(Messages, 3)), -32002);
  EXPECT_FALSE(find(Messages, "textDocument/publishDiagnostics")) << "didOpen was dropped";
  EXPECT_EQ(Analyses, 0);
}

TEST_F(ServerTest, PublishesDiagnosticsWithEveryField) {
  start();
  initialize();
  open("int x;\n  BAD;\n");
  std::vector<Value> Messages = take();
  const Object *Published = find(Messages, "textDocument/publishDiagnostics");
  ASSERT_TRUE(Published);
  EXPECT_EQ(Published->getString("uri"), Uri);
  EXPECT_EQ(Published->getInteger("version"), 1);
  const llvm::json::Array *Diagnostics = Published->getArray("diagnostics");
  ASSERT_EQ(Diagnostics->size(), 1u);
  const Object &D = *(*Diagnostics)[0].getAsObject();
  EXPECT_EQ(*D.get("range"), (Value(Object{{"start", Object{{"line", 1}, {"character", 2}}},
                                          {"end", Object{{"line", 1}, {"character", 5}}}})));
  EXPECT_EQ(D.getInteger("severity"), 2);
  EXPECT_EQ(D.getString("code"), "valuetask-fake");
  EXPECT_EQ(D.getObject("codeDescription")->getString("href"), "https://docs/valuetask-fake");
  EXPECT_EQ(D.getString("source"), "vtlint");
  EXPECT_EQ(D.getString("message"), "bad thing");
  const Object &Related = *(*D.getArray("relatedInformation"))[0].getAsObject();
  EXPECT_EQ(Related.getString("message"), "first seen here");
  EXPECT_EQ(Related.getObject("location")->getString("uri"), Uri);
}

TEST_F(ServerTest, CodeActionOffersTheFixAsAQuickFix) {
  start();
  initialize();
  open("BAD;\n");
  take();
  request(5, "textDocument/codeAction",
          Object{{"textDocument", Object{{"uri", Uri}}},
                 {"range", Object{{"start", Object{{"line", 0}, {"character", 1}}},
                                  {"end", Object{{"line", 0}, {"character", 1}}}}},
                 {"context", Object{{"diagnostics", llvm::json::Array{}}}}});
  std::vector<Value> Messages = take();
  const Object *Reply = response(Messages, 5);
  ASSERT_TRUE(Reply);
  const llvm::json::Array *Actions = Reply->getArray("result");
  ASSERT_EQ(Actions->size(), 1u);
  const Object &Action = *(*Actions)[0].getAsObject();
  EXPECT_EQ(Action.getString("kind"), "quickfix");
  EXPECT_EQ(Action.getString("title"), "replace 'BAD' with 'OK' (valuetask-fake)");
  EXPECT_EQ((*Action.getArray("diagnostics"))[0].getAsObject()->getString("code"), "valuetask-fake");
  const llvm::json::Array &Edits = *Action.getObject("edit")->getObject("changes")->getArray(Uri);
  ASSERT_EQ(Edits.size(), 1u);
  EXPECT_EQ(Edits[0].getAsObject()->getString("newText"), "OK");

  // A range elsewhere, or a client that wants only refactorings: nothing.
  request(6, "textDocument/codeAction",
          Object{{"textDocument", Object{{"uri", Uri}}},
                 {"range", Object{{"start", Object{{"line", 1}, {"character", 0}}},
                                  {"end", Object{{"line", 1}, {"character", 0}}}}},
                 {"context", Object{{"diagnostics", llvm::json::Array{}}}}});
  request(7, "textDocument/codeAction",
          Object{{"textDocument", Object{{"uri", Uri}}},
                 {"range", Object{{"start", Object{{"line", 0}, {"character", 0}}},
                                  {"end", Object{{"line", 0}, {"character", 3}}}}},
                 {"context", Object{{"diagnostics", llvm::json::Array{}},
                                    {"only", llvm::json::Array{"refactor"}}}}});
  request(8, "textDocument/codeAction", Object{{"textDocument", Object{{"uri", Uri}}}});
  Messages = take();
  EXPECT_TRUE(response(Messages, 6)->getArray("result")->empty());
  EXPECT_TRUE(response(Messages, 7)->getArray("result")->empty());
  EXPECT_EQ(errorCode(response(Messages, 8)), -32602) << "no range: invalid params";
}

TEST_F(ServerTest, EditsAreAnalysedAndFixedCodeClearsDiagnostics) {
  start();
  initialize();
  open("BAD BAD\n");
  take();
  notify("textDocument/didChange",
         Object{{"textDocument", Object{{"uri", Uri}, {"version", 2}}},
                {"contentChanges", llvm::json::Array{Object{
                                       {"range", Object{{"start", Object{{"line", 0}, {"character", 0}}},
                                                        {"end", Object{{"line", 0}, {"character", 3}}}}},
                                       {"text", "OK"}}}}});
  std::vector<Value> Messages = take();
  const Object *Published = find(Messages, "textDocument/publishDiagnostics");
  ASSERT_TRUE(Published);
  EXPECT_EQ(Published->getInteger("version"), 2);
  ASSERT_EQ(Published->getArray("diagnostics")->size(), 1u);
  EXPECT_EQ(*(*Published->getArray("diagnostics"))[0].getAsObject()->getObject("range")->getObject("start"),
            (Object{{"line", 0}, {"character", 3}}));

  notify("textDocument/didChange",
         Object{{"textDocument", Object{{"uri", Uri}, {"version", 3}}},
                {"contentChanges", llvm::json::Array{Object{{"text", "fine\n"}}}}});
  Messages = take();
  Published = find(Messages, "textDocument/publishDiagnostics");
  ASSERT_TRUE(Published);
  EXPECT_TRUE(Published->getArray("diagnostics")->empty());
}

TEST_F(ServerTest, AfterASlowAnalysisBurstsOfEditsAreDebouncedToTheLastVersion) {
  start(std::chrono::milliseconds(300));
  AnalysisTakes = std::chrono::milliseconds(400); // Longer than the debounce.
  initialize();
  open("x\n");
  take();
  AnalysisTakes = std::chrono::milliseconds(0);
  int Before = Analyses;
  for (int Version = 2; Version <= 10; ++Version)
    notify("textDocument/didChange",
           Object{{"textDocument", Object{{"uri", Uri}, {"version", Version}}},
                  {"contentChanges", llvm::json::Array{Object{{"text", "BAD " + std::to_string(Version)}}}}});
  std::vector<Value> Messages = take();
  EXPECT_EQ(Analyses - Before, 1);
  const Object *Published = find(Messages, "textDocument/publishDiagnostics");
  ASSERT_TRUE(Published);
  EXPECT_EQ(Published->getInteger("version"), 10);
}

TEST_F(ServerTest, AfterAFastAnalysisAnEditIsAnalysedWithoutDelay) {
  start(std::chrono::milliseconds(20000)); // A debounce no test would wait for.
  initialize();
  open("x\n");
  take();
  auto Edited = std::chrono::steady_clock::now();
  notify("textDocument/didChange",
         Object{{"textDocument", Object{{"uri", Uri}, {"version", 2}}},
                {"contentChanges", llvm::json::Array{Object{{"text", "BAD"}}}}});
  std::vector<Value> Messages = take();
  EXPECT_LT(std::chrono::steady_clock::now() - Edited, std::chrono::seconds(10));
  const Object *Published = find(Messages, "textDocument/publishDiagnostics");
  ASSERT_TRUE(Published);
  EXPECT_EQ(Published->getInteger("version"), 2);
  EXPECT_EQ(Published->getArray("diagnostics")->size(), 1u);
}

TEST(ServerConcurrency, AnEditCancelsTheRunningAnalysisOfTheOlderText) {
  std::string Output;
  llvm::raw_string_ostream Stream(Output);
  MessageWriter Writer(Stream);
  std::mutex Lock;
  std::condition_variable Changed;
  bool FirstStarted = false;
  std::atomic<bool> FirstSawCancel{false};
  Server S(
      Writer,
      [&](const Document &Doc, const std::atomic<bool> &Cancelled) -> llvm::Expected<FileResult> {
        if (Doc.Version == 1) {
          {
            std::lock_guard<std::mutex> Guard(Lock);
            FirstStarted = true;
          }
          Changed.notify_all();
          // An analysis that would run for a minute unless it is cancelled.
          auto Deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
          while (!Cancelled.load() && std::chrono::steady_clock::now() < Deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
          FirstSawCancel = Cancelled.load();
          return FileResult(); // Incomplete: must not be published.
        }
        return fakeAnalysis(Doc);
      },
      ServerOptions{std::chrono::milliseconds(0), [](llvm::StringRef) { return std::string(); }, "t"});
  auto Started = std::chrono::steady_clock::now();
  S.handleMessage(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})");
  S.handleMessage(R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.cpp","languageId":"cpp","version":1,"text":"x"}}})");
  {
    std::unique_lock<std::mutex> Guard(Lock);
    ASSERT_TRUE(Changed.wait_for(Guard, std::chrono::seconds(30), [&] { return FirstStarted; }));
  }
  S.handleMessage(R"({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.cpp","version":2},"contentChanges":[{"text":"BAD"}]}})");
  S.waitUntilIdle();
  EXPECT_TRUE(FirstSawCancel.load());
  EXPECT_LT(std::chrono::steady_clock::now() - Started, std::chrono::seconds(30))
      << "version 2 waited for version 1's analysis to end";
  std::size_t Publications = 0;
  for (std::size_t At = Output.find("publishDiagnostics"); At != std::string::npos;
       At = Output.find("publishDiagnostics", At + 1))
    ++Publications;
  EXPECT_EQ(Publications, 1u) << Output;
  EXPECT_NE(Output.find("\"version\":2"), std::string::npos) << Output;
  EXPECT_NE(Output.find("valuetask-fake"), std::string::npos) << Output;
}

TEST(ServerConcurrency, AnalysisRunsOffTheReaderAndStaleResultsAreDropped) {
  std::string Output;
  llvm::raw_string_ostream Stream(Output);
  MessageWriter Writer(Stream);
  std::mutex Lock;
  std::condition_variable Changed;
  bool FirstStarted = false, ReleaseFirst = false;
  Server S(
      Writer,
      [&](const Document &Doc, const std::atomic<bool> &) -> llvm::Expected<FileResult> {
        if (Doc.Version == 1) {
          std::unique_lock<std::mutex> Guard(Lock);
          FirstStarted = true;
          Changed.notify_all();
          Changed.wait(Guard, [&] { return ReleaseFirst; });
        }
        return fakeAnalysis(Doc);
      },
      ServerOptions{std::chrono::milliseconds(0), [](llvm::StringRef) { return std::string(); }, "t"});
  auto Send = [&](llvm::StringRef Body) { S.handleMessage(Body); };
  Send(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})");
  Send(R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.cpp","languageId":"cpp","version":1,"text":"BAD"}}})");
  {
    std::unique_lock<std::mutex> Guard(Lock);
    ASSERT_TRUE(Changed.wait_for(Guard, std::chrono::seconds(30), [&] { return FirstStarted; }));
  }
  // While version 1 is being analysed: an edit and a request, both handled
  // at once (handleMessage returns; the reply is written).
  Send(R"({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.cpp","version":2},"contentChanges":[{"text":"BAD BAD"}]}})");
  Send(R"({"jsonrpc":"2.0","id":2,"method":"workspace/symbol","params":{}})");
  // A waiting code action that the client cancels is answered -32800.
  Send(R"({"jsonrpc":"2.0","id":"c","method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///a.cpp"},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}}}})");
  Send(R"({"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"c"}})");
  // A code action for the current text waits for its analysis.
  Send(R"({"jsonrpc":"2.0","id":3,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///a.cpp"},"range":{"start":{"line":0,"character":4},"end":{"line":0,"character":4}}}})");
  {
    std::lock_guard<std::mutex> Guard(Lock);
    EXPECT_NE(Output.find("\"id\":2"), std::string::npos) << "the reader was not blocked";
    EXPECT_EQ(Output.find("\"id\":3"), std::string::npos) << "answered before version 2 was analysed";
    EXPECT_NE(Output.find(R"({"error":{"code":-32800,"message":"request cancelled"},"id":"c")"), std::string::npos)
        << Output;
    ReleaseFirst = true;
  }
  Changed.notify_all();
  S.waitUntilIdle();
  std::size_t Answer = Output.find("\"id\":3");
  ASSERT_NE(Answer, std::string::npos);
  EXPECT_LT(Output.find("publishDiagnostics"), Answer) << "diagnostics first, then their fixes";
  EXPECT_NE(Output.find("\"kind\":\"quickfix\"", Answer), std::string::npos)
      << "the fix of version 2's second BAD (character 4): " << Output.substr(Answer);

  std::size_t Publications = 0;
  for (std::size_t At = Output.find("publishDiagnostics"); At != std::string::npos;
       At = Output.find("publishDiagnostics", At + 1))
    ++Publications;
  EXPECT_EQ(Publications, 1u) << "version 1's result is stale and dropped";
  EXPECT_NE(Output.find("\"version\":2"), std::string::npos);
}

TEST(ServerConcurrency, ShutdownIsAnsweredDuringAnAnalysisWhoseResultIsDropped) {
  std::string Output;
  llvm::raw_string_ostream Stream(Output);
  MessageWriter Writer(Stream);
  std::mutex Lock;
  std::condition_variable Changed;
  bool Started = false, Release = false;
  Server S(
      Writer,
      [&](const Document &Doc, const std::atomic<bool> &) -> llvm::Expected<FileResult> {
        std::unique_lock<std::mutex> Guard(Lock);
        Started = true;
        Changed.notify_all();
        Changed.wait(Guard, [&] { return Release; });
        return fakeAnalysis(Doc);
      },
      ServerOptions{std::chrono::milliseconds(0), [](llvm::StringRef) { return std::string(); }, "t"});
  S.handleMessage(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})");
  S.handleMessage(R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.cpp","languageId":"cpp","version":1,"text":"BAD"}}})");
  {
    std::unique_lock<std::mutex> Guard(Lock);
    ASSERT_TRUE(Changed.wait_for(Guard, std::chrono::seconds(30), [&] { return Started; }));
  }
  S.handleMessage(R"({"jsonrpc":"2.0","id":3,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///a.cpp"},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}}}})");
  S.handleMessage(R"({"jsonrpc":"2.0","id":2,"method":"shutdown"})");
  {
    std::lock_guard<std::mutex> Guard(Lock);
    EXPECT_NE(Output.find("{\"id\":2,\"jsonrpc\":\"2.0\",\"result\":null}"), std::string::npos)
        << "shutdown waited for the analysis: " << Output;
    EXPECT_NE(Output.find("{\"id\":3,\"jsonrpc\":\"2.0\",\"result\":[]}"), std::string::npos)
        << "the waiting code action is answered (empty) at shutdown: " << Output;
    Release = true;
  }
  Changed.notify_all();
  EXPECT_EQ(S.handleMessage(R"({"jsonrpc":"2.0","method":"exit"})"), 0);
  EXPECT_EQ(Output.find("publishDiagnostics"), std::string::npos);
}

TEST_F(ServerTest, SavingAnalysesEveryOpenDocumentAgain) {
  start();
  initialize();
  open("BAD\n");
  notify("textDocument/didOpen",
         Object{{"textDocument", Object{{"uri", "file:///src/widget.h"}, {"languageId", "cpp"},
                                        {"version", 1}, {"text", "int w;\n"}}}});
  take();
  int Before = Analyses;
  notify("textDocument/didSave", Object{{"textDocument", Object{{"uri", "file:///src/widget.h"}}}});
  std::vector<Value> Messages = take();
  EXPECT_EQ(Analyses - Before, 2);
  int Published = 0;
  for (const Value &M : Messages)
    if (M.getAsObject()->getString("method") == "textDocument/publishDiagnostics")
      ++Published;
  EXPECT_EQ(Published, 2);
}

TEST_F(ServerTest, CloseClearsDiagnostics) {
  start();
  initialize();
  open("BAD\n");
  take();
  notify("textDocument/didClose", Object{{"textDocument", Object{{"uri", Uri}}}});
  std::vector<Value> Messages = take();
  const Object *Published = find(Messages, "textDocument/publishDiagnostics");
  ASSERT_TRUE(Published);
  EXPECT_TRUE(Published->getArray("diagnostics")->empty());
}

TEST_F(ServerTest, ErrorsForUnknownAndMalformedMessages) {
  start();
  initialize();
  take();
  request(9, "workspace/symbol");
  notify("$/unknownNotification");
  S->handleMessage("{\"jsonrpc\":\"2.0\",\"id\":10,");
  S->handleMessage("{\"jsonrpc\":\"2.0\",\"id\":11}");
  S->handleFramingError("message header has no Content-Length");
  request(12, "initialize");
  std::vector<Value> Messages = take();
  EXPECT_EQ(errorCode(response(Messages, 9)), -32601);
  EXPECT_EQ(errorCode(response(Messages, 11)), -32600);
  EXPECT_EQ(errorCode(response(Messages, 12)), -32600) << "initialize twice";
  int ParseErrors = 0;
  for (const Value &M : Messages)
    if (errorCode(M.getAsObject()) == -32700)
      ++ParseErrors;
  EXPECT_EQ(ParseErrors, 2);
  EXPECT_EQ(Messages.size(), 5u) << "the unknown notification got no answer";
}

TEST_F(ServerTest, ExitCodeDependsOnShutdown) {
  start();
  initialize();
  request(2, "shutdown");
  request(3, "textDocument/codeAction");
  std::vector<Value> Messages = take();
  EXPECT_EQ(*response(Messages, 2)->get("result"), Value(nullptr));
  EXPECT_EQ(errorCode(response(Messages, 3)), -32600);
  EXPECT_EQ(notify("exit"), 0);

  start();
  initialize();
  EXPECT_EQ(notify("exit"), 1);
  start();
  EXPECT_EQ(S->handleEndOfInput(), 1);
}

TEST(Serve, RunsASessionFromAStream) {
  auto Framed = [](const std::string &Body) {
    return "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" + Body;
  };
  std::istringstream In(Framed(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})") +
                        Framed(R"({"jsonrpc":"2.0","id":2,"method":"shutdown"})") +
                        Framed(R"({"jsonrpc":"2.0","method":"exit"})"));
  std::string Out;
  llvm::raw_string_ostream Stream(Out);
  MessageWriter Writer(Stream);
  Server S(Writer, [](const Document &Doc, const std::atomic<bool> &) -> llvm::Expected<FileResult> { return fakeAnalysis(Doc); },
           ServerOptions{});
  MessageReader Reader(In);
  EXPECT_EQ(serve(Reader, S), 0);
  EXPECT_NE(Out.find("\"id\":2"), std::string::npos);
}

} // namespace
} // namespace vtlint::lsp
