//===--- lsp_protocol_test.cpp - framing, JSON-RPC, URIs, positions -------===//

#include "lsp/DocumentStore.h"
#include "lsp/JsonRpc.h"
#include "lsp/Positions.h"
#include "lsp/Transport.h"
#include "lsp/Uri.h"

#include <gtest/gtest.h>
#include <sstream>

namespace vtlint::lsp {
namespace {

std::string frame(const std::string &Body) {
  return "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" + Body;
}

TEST(MessageReader, ReadsConsecutiveMessagesAndOtherHeaders) {
  std::istringstream In(frame("{\"a\":1}") +
                        "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" +
                        frame("{\"b\":2}"));
  MessageReader Reader(In);
  ReadResult First = Reader.read();
  ASSERT_EQ(First.Status, ReadResult::Kind::Message);
  EXPECT_EQ(First.Text, "{\"a\":1}");
  ReadResult Second = Reader.read();
  ASSERT_EQ(Second.Status, ReadResult::Kind::Message);
  EXPECT_EQ(Second.Text, "{\"b\":2}");
  EXPECT_EQ(Reader.read().Status, ReadResult::Kind::EndOfInput);
}

TEST(MessageReader, AcceptsBareNewlinesAndAnyHeaderCase) {
  std::istringstream In("content-length: 2\n\n{}");
  MessageReader Reader(In);
  ReadResult Result = Reader.read();
  ASSERT_EQ(Result.Status, ReadResult::Kind::Message);
  EXPECT_EQ(Result.Text, "{}");
}

TEST(MessageReader, MissingLengthIsAFramingErrorThenResynchronises) {
  std::istringstream In("Content-Type: x\r\n\r\n{\"lost\":true}" + frame("{}"));
  MessageReader Reader(In);
  ReadResult Broken = Reader.read();
  EXPECT_EQ(Broken.Status, ReadResult::Kind::FramingError);
  EXPECT_NE(Broken.Text.find("Content-Length"), std::string::npos);
  // The lost body runs into the next header; the reader finds it anyway.
  ReadResult Next = Reader.read();
  ASSERT_EQ(Next.Status, ReadResult::Kind::Message);
  EXPECT_EQ(Next.Text, "{}");
}

TEST(MessageReader, MalformedAndHugeLengthsAreFramingErrors) {
  std::istringstream Malformed("Content-Length: twelve\r\n\r\n");
  EXPECT_EQ(MessageReader(Malformed).read().Status, ReadResult::Kind::FramingError);
  std::istringstream Negative("Content-Length: -5\r\n\r\n");
  EXPECT_EQ(MessageReader(Negative).read().Status, ReadResult::Kind::FramingError);
  std::istringstream Huge("Content-Length: 99999999999999999999\r\n\r\n");
  EXPECT_EQ(MessageReader(Huge).read().Status, ReadResult::Kind::FramingError);
}

TEST(MessageReader, TruncatedBodyIsReportedThenInputEnds) {
  std::istringstream In("Content-Length: 100\r\n\r\n{\"short\":");
  MessageReader Reader(In);
  ReadResult Truncated = Reader.read();
  EXPECT_EQ(Truncated.Status, ReadResult::Kind::FramingError);
  EXPECT_NE(Truncated.Text.find("9 of 100"), std::string::npos) << Truncated.Text;
  EXPECT_EQ(Reader.read().Status, ReadResult::Kind::EndOfInput);
}

TEST(MessageReader, EndOfInputInsideHeaderIsReported) {
  std::istringstream In("Content-Length: 5\r\n");
  MessageReader Reader(In);
  EXPECT_EQ(Reader.read().Status, ReadResult::Kind::FramingError);
  EXPECT_EQ(Reader.read().Status, ReadResult::Kind::EndOfInput);
}

TEST(MessageWriter, FramesWithByteLength) {
  std::string Out;
  llvm::raw_string_ostream Stream(Out);
  MessageWriter Writer(Stream);
  Writer.send(llvm::json::Object{{"s", "\xC3\xA9"}}); // é: 2 bytes
  EXPECT_EQ(Out, "Content-Length: 10\r\n\r\n{\"s\":\"\xC3\xA9\"}");
}

TEST(JsonRpc, ClassifiesRequestsNotificationsAndResponses) {
  IncomingMessage Request = classifyMessage(R"({"jsonrpc":"2.0","id":7,"method":"m","params":{}})");
  EXPECT_EQ(Request.Type, IncomingMessage::Kind::Request);
  EXPECT_EQ(Request.Method, "m");
  EXPECT_EQ(Request.Id, llvm::json::Value(7));
  IncomingMessage Notification = classifyMessage(R"({"jsonrpc":"2.0","method":"n"})");
  EXPECT_EQ(Notification.Type, IncomingMessage::Kind::Notification);
  IncomingMessage Response = classifyMessage(R"({"jsonrpc":"2.0","id":"x","result":null})");
  EXPECT_EQ(Response.Type, IncomingMessage::Kind::Response);
}

TEST(JsonRpc, MalformedMessagesGetTheSpecifiedErrors) {
  IncomingMessage NotJson = classifyMessage("{nope");
  EXPECT_EQ(NotJson.Type, IncomingMessage::Kind::Malformed);
  EXPECT_EQ(NotJson.Error, ErrorCode::ParseError);
  EXPECT_EQ(NotJson.Id, llvm::json::Value(nullptr));

  EXPECT_EQ(classifyMessage("[1,2]").Error, ErrorCode::InvalidRequest);
  EXPECT_EQ(classifyMessage(R"({"jsonrpc":"2.0","id":{},"method":"m"})").Error,
            ErrorCode::InvalidRequest);
  EXPECT_EQ(classifyMessage(R"({"jsonrpc":"2.0","id":1,"method":3})").Error,
            ErrorCode::InvalidRequest);
  EXPECT_EQ(classifyMessage(R"({"jsonrpc":"2.0","id":1,"method":"m","params":5})").Error,
            ErrorCode::InvalidRequest);

  IncomingMessage WrongVersion = classifyMessage(R"({"jsonrpc":"1.0","id":4,"method":"m"})");
  EXPECT_EQ(WrongVersion.Error, ErrorCode::InvalidRequest);
  EXPECT_EQ(WrongVersion.Id, llvm::json::Value(4)) << "the error answers the request's id";
}

TEST(Uri, FileUrisRoundTripWithPercentEncoding) {
  EXPECT_EQ(pathFromFileUri("file:///tmp/a%20b/c%2B%2B.cpp"), "/tmp/a b/c++.cpp");
  EXPECT_EQ(pathFromFileUri("file://localhost/x.cpp"), "/x.cpp");
  EXPECT_EQ(fileUriFromPath("/tmp/a b/c++.cpp"), "file:///tmp/a%20b/c%2B%2B.cpp");
  EXPECT_EQ(pathFromFileUri(fileUriFromPath("/t/\xC3\xA9 #?.cpp")), "/t/\xC3\xA9 #?.cpp");
}

TEST(Uri, OtherSchemesHostsAndBadEscapesHaveNoPath) {
  EXPECT_EQ(pathFromFileUri("untitled:Untitled-1"), std::nullopt);
  EXPECT_EQ(pathFromFileUri("file://server/share/a.cpp"), std::nullopt);
  EXPECT_EQ(pathFromFileUri("file:///a%zz.cpp"), std::nullopt);
  EXPECT_EQ(pathFromFileUri("file:///a%00.cpp"), std::nullopt);
}

TEST(Positions, ByteColumnsBecomeUtf16Units) {
  // "é" is 2 bytes/1 unit; "😀" (U+1F600) is 4 bytes/2 units.
  std::string Text = "int x;\n/*\xC3\xA9\xF0\x9F\x98\x80*/ y;\n";
  LineIndex Lines(Text);
  EXPECT_EQ(Lines.fromClang(1, 5), (Position{0, 4}));
  // 'y' is at byte column 1+2+2+4+2+1 = 12 of line 2.
  EXPECT_EQ(Lines.fromClang(2, 12), (Position{1, 8}));
  EXPECT_EQ(Lines.toOffset({1, 8}), Text.find('y'));
  EXPECT_EQ(Lines.fromOffset(Text.find('y')), (Position{1, 8}));
}

TEST(Positions, OutOfRangePositionsClamp) {
  std::string Text = "ab\r\ncd";
  LineIndex Lines(Text);
  EXPECT_EQ(Lines.lineCount(), 2u);
  EXPECT_EQ(Lines.line(0), "ab");
  EXPECT_EQ(Lines.toOffset({0, 99}), 2u) << "past the line end: the line end";
  EXPECT_EQ(Lines.toOffset({9, 0}), Text.size()) << "past the last line: the end";
  EXPECT_EQ(Lines.fromClang(1, 50), (Position{0, 2}));
  EXPECT_EQ(Lines.fromClang(7, 1), (Position{1, 2}));
}

TEST(Positions, SurrogatePairsAreNeverSplit) {
  EXPECT_EQ(utf8PrefixForUtf16Units("\xF0\x9F\x98\x80x", 1), 0u);
  EXPECT_EQ(utf8PrefixForUtf16Units("\xF0\x9F\x98\x80x", 2), 4u);
  EXPECT_EQ(utf16Length("\xF0\x9F\x98\x80x"), 3u);
  EXPECT_EQ(utf16Length("\xFF\xC3"), 2u) << "invalid bytes count one unit each";
}

TEST(DocumentStore, AppliesFullAndIncrementalChangesInOrder) {
  DocumentStore Store;
  Store.open({"file:///a.cpp", "/a.cpp", 1, "int a;\nint b;\n"});
  std::vector<ContentChange> Changes{
      {Range{{1, 4}, {1, 5}}, "bee"},          // int b; -> int bee;
      {Range{{0, 0}, {0, 0}}, "// head\n"},    // inserted before line 0
  };
  ASSERT_TRUE(Store.change("file:///a.cpp", 2, Changes));
  std::optional<Document> Doc = Store.get("file:///a.cpp");
  ASSERT_TRUE(Doc);
  EXPECT_EQ(Doc->Text, "// head\nint a;\nint bee;\n");
  EXPECT_EQ(Doc->Version, 2);
  EXPECT_TRUE(Store.isCurrent("file:///a.cpp", 2));
  EXPECT_FALSE(Store.isCurrent("file:///a.cpp", 1));

  ASSERT_TRUE(Store.change("file:///a.cpp", 3, {ContentChange{std::nullopt, "whole"}}));
  EXPECT_EQ(Store.get("file:///a.cpp")->Text, "whole");
  EXPECT_FALSE(Store.change("file:///other.cpp", 1, {}));
  EXPECT_TRUE(Store.close("file:///a.cpp"));
  EXPECT_FALSE(Store.get("file:///a.cpp"));
}

TEST(DocumentStore, IncrementalRangesCountUtf16) {
  std::string Text = "\xF0\x9F\x98\x80=1;";
  applyChange(Text, {Range{{0, 2}, {0, 3}}, ":"}); // the '=' after a surrogate pair
  EXPECT_EQ(Text, "\xF0\x9F\x98\x80:1;");
}

} // namespace
} // namespace vtlint::lsp
