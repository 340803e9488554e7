//===--- lsp_compile_commands_test.cpp - flags for an open document -------===//

#include "lsp/CompileCommands.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>
#include <thread>

namespace vtlint::lsp {
namespace {

class CompileCommandsTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("lsp-commands", Root));
    ASSERT_FALSE(llvm::sys::fs::real_path(Root, Root));
    ASSERT_FALSE(llvm::sys::fs::create_directories(path("project/src")));
    ASSERT_FALSE(llvm::sys::fs::create_directories(path("project/build")));
    ASSERT_FALSE(llvm::sys::fs::create_directories(path("elsewhere")));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Root); }

  std::string path(llvm::StringRef Relative) const { return (Root + "/" + Relative).str(); }
  void write(llvm::StringRef Relative, llvm::StringRef Text) {
    std::error_code EC;
    llvm::raw_fd_ostream Out(path(Relative), EC);
    ASSERT_FALSE(EC);
    Out << Text;
  }
  /// A database listing src/a.cpp with one define.
  void writeDatabase(llvm::StringRef Relative, llvm::StringRef Define) {
    write(Relative, "[{\"directory\": \"" + path("project/build") + "\", \"file\": \"" +
                        path("project/src/a.cpp") + "\", \"command\": \"clang++ -std=c++20 -D" +
                        Define.str() + " -c " + path("project/src/a.cpp") + "\"}]");
  }
  static bool has(const AnalysisRequest &R, llvm::StringRef Arg) {
    return llvm::is_contained(R.CommandLine, Arg);
  }

  llvm::SmallString<128> Root;
};

TEST_F(CompileCommandsTest, NearestDatabaseAboveTheFile) {
  writeDatabase("project/compile_commands.json", "FROM_DB");
  CompileCommands Commands({});
  llvm::Expected<AnalysisRequest> R = Commands.requestFor(path("project/src/a.cpp"));
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  EXPECT_TRUE(has(*R, "-DFROM_DB"));
  EXPECT_EQ(R->Directory, path("project/build"));
  EXPECT_EQ(R->File, path("project/src/a.cpp"));

  // A header the database does not list borrows its neighbour's command.
  llvm::Expected<AnalysisRequest> Header = Commands.requestFor(path("project/src/a.h"));
  ASSERT_TRUE(bool(Header)) << llvm::toString(Header.takeError());
  EXPECT_TRUE(has(*Header, "-DFROM_DB"));
  EXPECT_TRUE(has(*Header, path("project/src/a.h")));
}

TEST_F(CompileCommandsTest, ABuildSubdirectoryCountsAsClangdLooksThere) {
  writeDatabase("project/build/compile_commands.json", "IN_BUILD");
  CompileCommands Commands({});
  llvm::Expected<AnalysisRequest> R = Commands.requestFor(path("project/src/a.cpp"));
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  EXPECT_TRUE(has(*R, "-DIN_BUILD"));
}

TEST_F(CompileCommandsTest, BuildPathAndFixedFlagsWin) {
  writeDatabase("project/compile_commands.json", "NEAREST");
  writeDatabase("project/build/compile_commands.json", "FROM_P");
  CompileCommands WithP({path("project/build"), std::nullopt});
  ASSERT_FALSE(bool(WithP.loadBuildDatabase()));
  llvm::Expected<AnalysisRequest> R = WithP.requestFor(path("project/src/a.cpp"));
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  EXPECT_TRUE(has(*R, "-DFROM_P"));

  CompileCommands WithFlags({std::nullopt, std::vector<std::string>{"-std=c++23", "-DFIXED"}});
  R = WithFlags.requestFor(path("project/src/a.cpp"));
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  EXPECT_EQ(R->CommandLine, (std::vector<std::string>{"clang++", "-std=c++23", "-DFIXED",
                                                      path("project/src/a.cpp")}));
}

TEST_F(CompileCommandsTest, WithoutDatabaseTheDefaultIsCxx20AndTheRuntimeInTheFilesDirectory) {
  CompileCommands Commands({});
  llvm::Expected<AnalysisRequest> R = Commands.requestFor(path("elsewhere/b.cpp"));
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  EXPECT_EQ(R->CommandLine, (std::vector<std::string>{"clang++", "-std=c++20",
                                                      "-I" VTLINT_TEST_RUNTIME_INCLUDE,
                                                      path("elsewhere/b.cpp")}));
  EXPECT_EQ(R->Directory, path("elsewhere"));
}

TEST_F(CompileCommandsTest, MalformedOrMissingDatabasesAreErrors) {
  write("project/compile_commands.json", "[{\"directory\": ");
  CompileCommands Nearest({});
  llvm::Expected<AnalysisRequest> R = Nearest.requestFor(path("project/src/a.cpp"));
  ASSERT_FALSE(bool(R));
  EXPECT_NE(llvm::toString(R.takeError()).find("malformed compile database"), std::string::npos);

  CompileCommands Missing({path("elsewhere"), std::nullopt});
  llvm::Error Err = Missing.loadBuildDatabase();
  ASSERT_TRUE(bool(Err));
  EXPECT_NE(llvm::toString(std::move(Err)).find("no compile_commands.json in"),
            std::string::npos);
}

TEST_F(CompileCommandsTest, AChangedDatabaseIsReloaded) {
  writeDatabase("project/compile_commands.json", "FIRST");
  CompileCommands Commands({});
  llvm::Expected<AnalysisRequest> R = Commands.requestFor(path("project/src/a.cpp"));
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  EXPECT_TRUE(has(*R, "-DFIRST"));

  // Modification times may be coarse: make sure the new one differs.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  writeDatabase("project/compile_commands.json", "SECOND");
  llvm::sys::fs::file_status Status;
  ASSERT_FALSE(llvm::sys::fs::status(path("project/compile_commands.json"), Status));
  int FD = -1;
  ASSERT_FALSE(llvm::sys::fs::openFileForWrite(path("project/compile_commands.json"), FD,
                                               llvm::sys::fs::CD_OpenExisting, llvm::sys::fs::OF_Append));
  ASSERT_FALSE(llvm::sys::fs::setLastAccessAndModificationTime(
      FD, Status.getLastModificationTime() + std::chrono::seconds(5)));
  llvm::sys::Process::SafelyCloseFileDescriptor(FD);

  R = Commands.requestFor(path("project/src/a.cpp"));
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  EXPECT_TRUE(has(*R, "-DSECOND"));
}

} // namespace
} // namespace vtlint::lsp
