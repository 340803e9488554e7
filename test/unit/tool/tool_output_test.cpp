// The output formats over one hand-made report: text shape, summary,
// GitHub escaping, JSON and SARIF structure.
#include "Configuration.h"
#include "Report.h"
#include "llvm/Support/JSON.h"
#include <gtest/gtest.h>

namespace vtlint {
namespace {

Report sampleReport() {
  Finding F;
  F.Check = "valuetask-double-await";
  F.Message = "value task 'v' is consumed a second time";
  F.Location = {"/w/src/a.cpp", 8, 11, 100};
  F.SourceLine = "\tint b = co_await v;";
  F.Notes.push_back({"first consumed here", {"/w/src/a.cpp", 7, 11, 80}, "  int a = co_await v;", {}});
  F.Fingerprint = "00112233445566aa";
  FixEdit Edit;
  Edit.File = "/w/src/a.cpp";
  Edit.Offset = 90;
  Edit.Length = 3;
  Edit.Replacement = "x";
  Edit.Begin = {"/w/src/a.cpp", 8, 1, 90};
  Edit.End = {"/w/src/a.cpp", 8, 4, 93};
  F.Fixes.push_back(Edit);

  Report R;
  FileResult Good;
  Good.File = "/w/src/a.cpp";
  Good.Findings.push_back(F);
  FileResult Bad;
  Bad.File = "/w/src/b,c:d.cpp";
  Bad.Compiled = false;
  Bad.FirstError = "/w/src/b,c:d.cpp:1:2: error: 100% broken\nreally";
  FileResult Clean;
  Clean.File = "/w/src/clean.cpp";
  R.Results = {Good, Bad, Clean};
  R.Suppressed = 2;
  return R;
}

TEST(OutputTest, SummaryCountsFilesFindingsAndSuppressions) {
  Report R = sampleReport();
  EXPECT_EQ(summaryLine(R), "vtlint: 1 finding in 1 of 3 files (2 analysed, 1 failed, "
                            "2 suppressed by the baseline)");
  Report Empty;
  EXPECT_EQ(summaryLine(Empty), "vtlint: 0 findings in 0 of 0 files (0 analysed, 0 failed)");
}

TEST(OutputTest, TextHasClangShapeWithCaretUnderTheColumn) {
  std::string Text = renderText(sampleReport());
  EXPECT_NE(Text.find("/w/src/a.cpp:8:11: warning: value task 'v' is consumed a "
                      "second time [valuetask-double-await]\n"
                      "    8 | \tint b = co_await v;\n"
                      "      | \t         ^\n"
                      "/w/src/a.cpp:7:11: note: first consumed here\n"
                      "    7 |   int a = co_await v;\n"
                      "      |           ^\n"),
            std::string::npos)
      << Text;
  EXPECT_NE(Text.find("vtlint: /w/src/b,c:d.cpp was not analysed"), std::string::npos);
}

TEST(OutputTest, GithubEscapesDataAndProperties) {
  std::string Text = renderGithub(sampleReport());
  EXPECT_NE(Text.find("::error file=/w/src/b%2Cc%3Ad.cpp,title=vtlint%3A does not "
                      "compile::/w/src/b,c:d.cpp:1:2: error: 100%25 broken%0Areally\n"),
            std::string::npos)
      << Text;
  EXPECT_NE(Text.find("::warning file=/w/src/a.cpp,line=8,col=11,"
                      "title=valuetask-double-await::value task 'v' is consumed a "
                      "second time%0A/w/src/a.cpp:7:11: note: first consumed here\n"),
            std::string::npos)
      << Text;
}

TEST(OutputTest, JsonHasTheDocumentedFields) {
  auto Parsed = llvm::json::parse(renderJson(sampleReport()));
  ASSERT_TRUE(static_cast<bool>(Parsed));
  const llvm::json::Object &Root = *Parsed->getAsObject();
  EXPECT_EQ(Root.getInteger("version"), 1);
  EXPECT_EQ(Root.getObject("summary")->getInteger("failed"), 1);
  EXPECT_EQ(Root.getObject("summary")->getInteger("suppressed"), 2);
  const llvm::json::Object &F = *(*Root.getArray("findings"))[0].getAsObject();
  EXPECT_EQ(F.getString("check"), "valuetask-double-await");
  EXPECT_EQ(F.getInteger("line"), 8);
  EXPECT_EQ(F.getString("fingerprint"), "00112233445566aa");
  EXPECT_EQ(F.getArray("notes")->size(), 1u);
  EXPECT_EQ((*F.getArray("fixes"))[0].getAsObject()->getString("replacement"), "x");
  const llvm::json::Object &Bad = *(*Root.getArray("files"))[1].getAsObject();
  EXPECT_EQ(Bad.getBoolean("compiled"), false);
}

TEST(OutputTest, SarifHasRulesResultsAndNotifications) {
  auto Parsed = llvm::json::parse(renderSarif(sampleReport()));
  ASSERT_TRUE(static_cast<bool>(Parsed));
  const llvm::json::Object &Run =
      *(*Parsed->getAsObject()->getArray("runs"))[0].getAsObject();
  const llvm::json::Array &Rules =
      *Run.getObject("tool")->getObject("driver")->getArray("rules");
  EXPECT_EQ(Rules.size(), availableChecks().size()); // every check of the binary
  const llvm::json::Object &Result = *(*Run.getArray("results"))[0].getAsObject();
  int64_t Index = *Result.getInteger("ruleIndex");
  EXPECT_EQ(Rules[Index].getAsObject()->getString("id"), "valuetask-double-await");
  EXPECT_EQ(Result.getObject("message")->getString("text"),
            "value task 'v' is consumed a second time.");
  EXPECT_EQ(Result.getObject("partialFingerprints")->getString("vtlint/v1"),
            "00112233445566aa");
  EXPECT_EQ(Result.getArray("relatedLocations")->size(), 1u);
  EXPECT_EQ(Result.getArray("fixes")->size(), 1u);
  const llvm::json::Object &Invocation = *(*Run.getArray("invocations"))[0].getAsObject();
  EXPECT_EQ(Invocation.getBoolean("executionSuccessful"), false);
  EXPECT_EQ(Invocation.getArray("toolExecutionNotifications")->size(), 1u);
}

TEST(OutputTest, UnknownFormatIsAnError) {
  EXPECT_TRUE(static_cast<bool>(parseOutputFormat("sarif")));
  auto Bad = parseOutputFormat("xml");
  ASSERT_FALSE(static_cast<bool>(Bad));
  EXPECT_EQ(llvm::toString(Bad.takeError()),
            "unknown --format 'xml' (expected text, json, sarif or github)");
}

} // namespace
} // namespace vtlint
