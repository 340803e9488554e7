// The in-process analysis: unsaved contents win over the disk, compile
// errors are reported, configuration reaches the checks, and translation
// units analysed on several threads at once give the same results.
#include "Analyzer.h"
#include "Configuration.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>
#include <cstdlib>
#include <thread>

namespace vtlint {
namespace {

// A check that aborts, registered only in this test binary, standing in
// for a bug in clang or in a real check.
class CrashingCheck : public clang::tidy::ClangTidyCheck {
public:
  using ClangTidyCheck::ClangTidyCheck;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override {
    Finder->addMatcher(clang::ast_matchers::translationUnitDecl().bind("unit"), this);
  }
  void check(const clang::ast_matchers::MatchFinder::MatchResult &) override {
    std::abort();
  }
};

class CrashingModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<CrashingCheck>("vtlinttest-crash");
  }
};

clang::tidy::ClangTidyModuleRegistry::Add<CrashingModule>
    CrashingRegistration("vtlinttest-module", "A check that crashes.");

constexpr const char *StoredGlobal = R"(#include <vt/vt.hpp>
vt::ValueTask<int> fetch();
vt::ValueTask<int> Kept = fetch();
)";
constexpr const char *Clean = R"(#include <vt/vt.hpp>
vt::ValueTask<int> fetch();
)";

class AnalyzerTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("vtlint-analyzer", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string write(llvm::StringRef Name, llvm::StringRef Text) {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, Name);
    std::error_code EC;
    llvm::raw_fd_ostream Out(Path, EC);
    EXPECT_FALSE(EC);
    Out << Text;
    return Path.str().str();
  }
  AnalysisRequest request(const std::string &File) {
    AnalysisRequest R;
    R.File = File;
    R.Directory = Dir.str().str();
    R.CommandLine = {"clang++", "-std=c++20", "-I" VTLINT_TEST_RUNTIME_INCLUDE, File};
    return R;
  }
  clang::tidy::ClangTidyOptions options(llvm::StringRef Checks = "valuetask-*") {
    clang::tidy::ClangTidyOptions O = clang::tidy::ClangTidyOptions::getDefaults();
    O.Checks = "-*," + Checks.str();
    return O;
  }

  llvm::SmallString<256> Dir;
};

TEST_F(AnalyzerTest, ReportsAFindingWithPositionLineAndFingerprint) {
  FileResult R = analyzeFile(request(write("a.cpp", StoredGlobal)), options());
  ASSERT_TRUE(R.Compiled) << R.FirstError;
  ASSERT_EQ(R.Findings.size(), 1u);
  const Finding &F = R.Findings[0];
  EXPECT_EQ(F.Check, "valuetask-stored");
  EXPECT_EQ(F.Location.Line, 3u);
  EXPECT_EQ(F.Location.Column, 20u);
  EXPECT_EQ(F.SourceLine, "vt::ValueTask<int> Kept = fetch();");
  EXPECT_EQ(F.Fingerprint.size(), 16u);
}

TEST_F(AnalyzerTest, UnsavedContentsAreAnalysedInsteadOfTheDisk) {
  AnalysisRequest R = request(write("a.cpp", Clean));
  EXPECT_TRUE(analyzeFile(R, options()).Findings.empty());
  R.UnsavedContents = StoredGlobal;
  EXPECT_EQ(analyzeFile(R, options()).Findings.size(), 1u);
}

TEST_F(AnalyzerTest, CompileErrorsMarkTheUnitAsNotCompiled) {
  FileResult R = analyzeFile(request(write("bad.cpp", "int f() { return nope; }\n")),
                             options());
  EXPECT_FALSE(R.Compiled);
  EXPECT_NE(R.FirstError.find("bad.cpp:1:18: error: use of undeclared identifier 'nope'"),
            std::string::npos)
      << R.FirstError;
  FileResult NoCommand = analyzeFile(AnalysisRequest{}, options());
  EXPECT_FALSE(NoCommand.Compiled);
}

TEST_F(AnalyzerTest, ChecksGlobAndConfigurationReachTheChecks) {
  std::string File = write("a.cpp", StoredGlobal);
  EXPECT_TRUE(analyzeFile(request(File), options("valuetask-unawaited")).Findings.empty());

  write(".clang-tidy", "Checks: '-valuetask-stored'\n");
  auto Config = Configuration::create({});
  ASSERT_TRUE(static_cast<bool>(Config));
  auto Result = analyzeFile(request(File), **Config);
  ASSERT_TRUE(static_cast<bool>(Result));
  EXPECT_TRUE(Result->Findings.empty());
}

TEST_F(AnalyzerTest, ACrashFailsOnlyThatUnit) {
  std::string File = write("a.cpp", StoredGlobal);
  FileResult Crashed = analyzeFile(request(File), options("vtlinttest-crash"));
  EXPECT_FALSE(Crashed.Compiled);
  EXPECT_EQ(Crashed.FirstError, "error: vtlint crashed while analysing this file");
  EXPECT_EQ(analyzeFile(request(File), options()).Findings.size(), 1u);
}

TEST_F(AnalyzerTest, ParallelUnitsGiveTheSameResults) {
  std::vector<std::string> Files;
  for (int I = 0; I < 4; ++I)
    Files.push_back(write("f" + std::to_string(I) + ".cpp", I % 2 ? Clean : StoredGlobal));
  std::vector<FileResult> Results(Files.size());
  std::vector<std::thread> Threads;
  for (size_t I = 0; I < Files.size(); ++I)
    Threads.emplace_back([&, I] { Results[I] = analyzeFile(request(Files[I]), options()); });
  for (std::thread &T : Threads)
    T.join();
  for (size_t I = 0; I < Files.size(); ++I)
    EXPECT_EQ(Results[I].Findings.size(), I % 2 ? 0u : 1u) << Files[I];
}

TEST_F(AnalyzerTest, OnAReusedPreambleTheFindingsAreThoseOfAWholeParse) {
  std::string File = write("a.cpp", Clean);
  AnalysisRequest Request = request(File);
  PreambleStore Preambles;
  std::atomic<bool> Cancelled{false};
  auto Incremental = [&](llvm::StringRef Text) {
    Request.UnsavedContents = Text.str();
    IncrementalAnalysis With;
    With.Preambles = &Preambles;
    With.Cancelled = &Cancelled;
    FileResult Result = analyzeFile(Request, options(), With);
    return std::make_pair(Result, With.Preamble);
  };
  auto [First, FirstOutcome] = Incremental(Clean);
  EXPECT_EQ(FirstOutcome, PreambleOutcome::Built);
  EXPECT_TRUE(First.Findings.empty());
  // The same include region: reused, and the finding below it is reported
  // exactly as by a whole parse.
  auto [Second, SecondOutcome] = Incremental(StoredGlobal);
  EXPECT_EQ(SecondOutcome, PreambleOutcome::Reused);
  FileResult Whole = analyzeFile(Request, options());
  ASSERT_EQ(Second.Findings.size(), 1u);
  ASSERT_EQ(Whole.Findings.size(), 1u);
  EXPECT_EQ(Second.Findings[0].Check, Whole.Findings[0].Check);
  EXPECT_EQ(Second.Findings[0].Message, Whole.Findings[0].Message);
  EXPECT_EQ(Second.Findings[0].Location.Offset, Whole.Findings[0].Location.Offset);
  EXPECT_EQ(Second.Findings[0].Fingerprint, Whole.Findings[0].Fingerprint);
  // A cancelled analysis stops before the checks run.
  Cancelled = true;
  auto [Stopped, StoppedOutcome] = Incremental(StoredGlobal);
  EXPECT_EQ(StoppedOutcome, PreambleOutcome::Reused);
  EXPECT_TRUE(Stopped.Findings.empty());
}

} // namespace
} // namespace vtlint
