//===--- lsp_diagnostics_test.cpp - findings -> diagnostics, quick fixes --===//

#include "lsp/Diagnostics.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>

namespace vtlint::lsp {
namespace {

using llvm::json::Object;

std::string str(const llvm::json::Value &V) {
  std::string Text;
  llvm::raw_string_ostream(Text) << V;
  return Text;
}

std::string docUrl(llvm::StringRef Check) { return "https://example.org/" + Check.str() + ".md"; }

SourcePosition at(const std::string &File, unsigned Line, unsigned Column, unsigned Offset) {
  SourcePosition P;
  P.File = File;
  P.Line = Line;
  P.Column = Column;
  P.Offset = Offset;
  return P;
}

FixEdit edit(const std::string &File, unsigned Offset, unsigned Length, std::string Replacement,
             SourcePosition Begin, SourcePosition End) {
  FixEdit E;
  E.File = File;
  E.Offset = Offset;
  E.Length = Length;
  E.Replacement = std::move(Replacement);
  E.Begin = std::move(Begin);
  E.End = std::move(End);
  return E;
}

class DiagnosticsTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("lsp-diagnostics", Directory));
    Header = (Directory + "/widget.h").str();
    std::error_code EC;
    llvm::raw_fd_ostream Out(Header, EC);
    ASSERT_FALSE(EC);
    Out << "// widget\nvt::ValueTask<int> make();\n";
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Directory); }

  llvm::SmallString<128> Directory;
  std::string Header;
};

TEST_F(DiagnosticsTest, NotesAndFixesInOtherFilesUseTheirOwnTextAndUri) {
  // The document: "é" before the finding shifts UTF-16 columns by one.
  Document Doc{"file:///src/main%2B.cpp", "/src/main+.cpp", 3, "/*\xC3\xA9*/ auto t = make();\n"};
  Finding F;
  F.Check = "valuetask-x";
  F.Message = "m";
  F.Location = at(Doc.Path, 1, 13, 12); // 't'
  Note InHeader;
  InHeader.Message = "declared here";
  InHeader.Location = at(Header, 2, 20, 30); // 'make'
  F.Notes.push_back(InHeader);
  F.Fixes.push_back(edit(Header, 14, 9, "Task", at(Header, 2, 5, 14), at(Header, 2, 14, 23)));
  F.Fixes.push_back(edit(Doc.Path, 12, 0, "&", at(Doc.Path, 1, 13, 12), at(Doc.Path, 1, 13, 12)));

  SourceTexts Texts(Doc);
  std::vector<DiagnosticWithFix> Items = toDiagnostics({F}, Doc, Texts, docUrl);
  ASSERT_EQ(Items.size(), 1u);
  const Object &D = *Items[0].Diagnostic.getAsObject();
  EXPECT_EQ(str(*D.get("range")), R"({"end":{"character":12,"line":0},"start":{"character":11,"line":0}})");
  EXPECT_EQ(D.getObject("codeDescription")->getString("href"), "https://example.org/valuetask-x.md");
  const Object &Related = *(*D.getArray("relatedInformation"))[0].getAsObject();
  std::string HeaderUri = "file://" + Header;
  EXPECT_EQ(Related.getObject("location")->getString("uri"), HeaderUri);
  EXPECT_EQ(str(*Related.getObject("location")->get("range")),
            R"({"end":{"character":23,"line":1},"start":{"character":19,"line":1}})");

  ASSERT_TRUE(Items[0].QuickFix);
  const Object &Action = *Items[0].QuickFix->getAsObject();
  EXPECT_EQ(Action.getString("title"), "apply 2 edits (valuetask-x)");
  const Object &Changes = *Action.getObject("edit")->getObject("changes");
  ASSERT_TRUE(Changes.getArray(HeaderUri));
  ASSERT_TRUE(Changes.getArray(Doc.Uri)) << "the document keeps the client's own URI";
  EXPECT_EQ(str(*(*Changes.getArray(HeaderUri))[0].getAsObject()->get("range")),
            R"({"end":{"character":13,"line":1},"start":{"character":4,"line":1}})");
  ASSERT_EQ(Items[0].EditSpans.size(), 1u) << "only the edits in the document itself";
}

TEST_F(DiagnosticsTest, FindingsInOtherFilesAreNotTheDocumentsToShow) {
  Document Doc{"file:///src/a.cpp", "/src/a.cpp", 1, "int a;\n"};
  Finding Elsewhere;
  Elsewhere.Check = "valuetask-x";
  Elsewhere.Location = at(Header, 2, 1, 10);
  SourceTexts Texts(Doc);
  EXPECT_TRUE(toDiagnostics({Elsewhere}, Doc, Texts, docUrl).empty());
}

TEST_F(DiagnosticsTest, AnErrorInAHeaderSitsOnTheIncludeThatLeadsThere) {
  Document Doc{"file:///src/main.cpp", "/src/main.cpp", 3, "#include <vt/vt.hpp>\n  #include \"widget.h\"\nint x;\n"};
  SourceTexts Texts(Doc);
  FileResult Result;
  Result.Compiled = false;
  Result.FirstError = Header + ":2:1: error: unknown type name 'vt'";
  Result.FirstErrorMessage = "use of undeclared identifier 'vt'";
  Result.FirstErrorAt = at(Header, 2, 1, 11);
  Result.FirstErrorIncludedFrom = at("/src/main.cpp", 2, 12, 32);
  DiagnosticWithFix Item = compileErrorDiagnostic(Result, Doc, Texts);
  // From the file name to the end of the line; the header's place as related information.
  EXPECT_EQ(str(Item.Diagnostic),
            R"({"message":"in included file: use of undeclared identifier 'vt'",)"
            R"("range":{"end":{"character":21,"line":1},"start":{"character":11,"line":1}},)"
            R"("relatedInformation":[{"location":{"range":{"end":{"character":2,"line":1},)"
            R"("start":{"character":0,"line":1}},"uri":"file://)" + Header + R"("},)"
            R"("message":"use of undeclared identifier 'vt'"}],"severity":1,"source":"vtlint"})");
}

TEST_F(DiagnosticsTest, AnErrorInTheFileSitsAtItsPlaceAndOneWithoutAPlaceAtTheStart) {
  Document Doc{"file:///src/main.cpp", "/src/main.cpp", 1, "int f() { return undeclared; }\n"};
  SourceTexts Texts(Doc);
  FileResult Result;
  Result.Compiled = false;
  Result.FirstError = "/src/main.cpp:1:18: error: use of undeclared identifier 'undeclared'";
  Result.FirstErrorMessage = "use of undeclared identifier 'undeclared'";
  Result.FirstErrorAt = at("/src/main.cpp", 1, 18, 17);
  EXPECT_EQ(str(compileErrorDiagnostic(Result, Doc, Texts).Diagnostic),
            R"({"message":"use of undeclared identifier 'undeclared'",)"
            R"("range":{"end":{"character":27,"line":0},"start":{"character":17,"line":0}},)"
            R"("severity":1,"source":"vtlint"})");

  Result.FirstErrorAt = SourcePosition();
  Result.FirstErrorMessage.clear();
  Result.FirstError = "error: no compile command";
  EXPECT_EQ(str(compileErrorDiagnostic(Result, Doc, Texts).Diagnostic),
            R"({"message":"error: no compile command",)"
            R"("range":{"end":{"character":0,"line":0},"start":{"character":0,"line":0}},)"
            R"("severity":1,"source":"vtlint"})");
}

TEST_F(DiagnosticsTest, FixTitlesSayWhatTheEditDoes) {
  Document Doc{"file:///a.cpp", "/a.cpp", 1, "int value = 1;\n"};
  SourceTexts Texts(Doc);
  Finding F;
  F.Check = "valuetask-x";
  F.Fixes = {edit(Doc.Path, 4, 5, "", at(Doc.Path, 1, 5, 4), at(Doc.Path, 1, 10, 9))};
  EXPECT_EQ(describeFix(F, Texts), "remove 'value' (valuetask-x)");
  F.Fixes = {edit(Doc.Path, 0, 0, "const ", at(Doc.Path, 1, 1, 0), at(Doc.Path, 1, 1, 0))};
  EXPECT_EQ(describeFix(F, Texts), "insert 'const ' (valuetask-x)");
  F.Fixes = {edit(Doc.Path, 0, 3, std::string(60, 'x') + "\n", at(Doc.Path, 1, 1, 0), at(Doc.Path, 1, 4, 3))};
  EXPECT_EQ(describeFix(F, Texts), "replace 'int' with '" + std::string(40, 'x') + "...' (valuetask-x)");
}

TEST_F(DiagnosticsTest, PositionsAtALineEndOrPastTheTextStayInside) {
  Document Doc{"file:///a.cpp", "/a.cpp", 1, "ab\n"};
  SourceTexts Texts(Doc);
  Finding AtEnd;
  AtEnd.Check = "valuetask-x";
  AtEnd.Location = at(Doc.Path, 1, 3, 2);
  Finding PastEnd = AtEnd;
  PastEnd.Location = at(Doc.Path, 9, 9, 99);
  std::vector<DiagnosticWithFix> Items = toDiagnostics({AtEnd, PastEnd}, Doc, Texts, docUrl);
  ASSERT_EQ(Items.size(), 2u);
  EXPECT_EQ(Items[0].Span.Start, (Position{0, 2}));
  EXPECT_EQ(Items[0].Span.End, (Position{0, 2}));
  EXPECT_EQ(Items[1].Span.Start, (Position{1, 0}));
}

} // namespace
} // namespace vtlint::lsp
