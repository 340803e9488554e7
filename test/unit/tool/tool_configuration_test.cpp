// Which checks run and with which options: globs, .clang-tidy discovery.
#include "Configuration.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <gtest/gtest.h>

namespace vtlint {
namespace {

std::string errorOf(llvm::Error E) { return E ? llvm::toString(std::move(E)) : ""; }

TEST(ConfigurationTest, TheValueTaskChecksAreLinkedInSorted) {
  std::vector<std::string> Checks = availableChecks();
  EXPECT_TRUE(std::is_sorted(Checks.begin(), Checks.end()));
  for (const char *Name : {"valuetask-always-async", "valuetask-double-await",
                           "valuetask-result-before-completion", "valuetask-stored",
                           "valuetask-unawaited"})
    EXPECT_NE(std::find(Checks.begin(), Checks.end(), Name), Checks.end()) << Name;
  for (const std::string &Name : Checks)
    EXPECT_EQ(Name.rfind("valuetask-", 0), 0u) << Name;
}

TEST(ConfigurationTest, GlobTermsMustNameChecks) {
  EXPECT_EQ(errorOf(validateChecksGlob("valuetask-*,-valuetask-stored", "--checks")), "");
  EXPECT_EQ(errorOf(validateChecksGlob("-*, valuetask-stored", "--checks")), "");
  EXPECT_NE(errorOf(validateChecksGlob("valuetask-nope", "--checks"))
                .find("unknown check 'valuetask-nope' in --checks"),
            std::string::npos);
  EXPECT_NE(errorOf(validateChecksGlob("-*", "--checks")).find("no check enabled"),
            std::string::npos);
  EXPECT_EQ(enabledChecks("valuetask-*,-valuetask-stored").size(),
            availableChecks().size() - 1);
}

class ConfigurationFilesTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("vtlint-config", Dir));
    ASSERT_FALSE(llvm::sys::fs::create_directories(Dir + "/sub"));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }
  void write(llvm::StringRef Name, llvm::StringRef Text) {
    std::error_code EC;
    llvm::raw_fd_ostream Out((Dir + "/" + Name).str(), EC);
    ASSERT_FALSE(EC);
    Out << Text;
  }
  llvm::SmallString<256> Dir;
};

TEST_F(ConfigurationFilesTest, NearestFileWinsAndInheritMergesTheParent) {
  write(".clang-tidy", "CheckOptions:\n  A: parent\n  B: parent\n");
  write("sub/.clang-tidy", "InheritParentConfig: true\nCheckOptions:\n  B: child\n");
  auto Config = Configuration::create({});
  ASSERT_TRUE(static_cast<bool>(Config));
  auto Options = (*Config)->optionsFor((Dir + "/sub/x.cpp").str());
  ASSERT_TRUE(static_cast<bool>(Options)) << llvm::toString(Options.takeError());
  EXPECT_EQ(Options->CheckOptions.lookup("A").Value, "parent");
  EXPECT_EQ(Options->CheckOptions.lookup("B").Value, "child");
  EXPECT_EQ(*Options->Checks, "-*,valuetask-*");
}

TEST_F(ConfigurationFilesTest, OnlyValueTaskTermsOfChecksCount) {
  write(".clang-tidy", "Checks: '-*,bugprone-*,-valuetask-stored'\n");
  auto Config = Configuration::create({});
  ASSERT_TRUE(static_cast<bool>(Config));
  auto Options = (*Config)->optionsFor((Dir + "/x.cpp").str());
  ASSERT_TRUE(static_cast<bool>(Options));
  EXPECT_EQ(*Options->Checks, "-*,valuetask-*,-valuetask-stored");

  ConfigurationSettings ExplicitSettings;
  ExplicitSettings.ChecksGlob = "valuetask-stored";
  auto Explicit = Configuration::create(ExplicitSettings);
  ASSERT_TRUE(static_cast<bool>(Explicit));
  EXPECT_EQ(*(*Explicit)->optionsFor((Dir + "/x.cpp").str())->Checks,
            "-*,valuetask-stored");
}

TEST_F(ConfigurationFilesTest, MalformedFilesAreErrors) {
  write("sub/.clang-tidy", "Checks: [\n");
  auto Config = Configuration::create({});
  ASSERT_TRUE(static_cast<bool>(Config));
  auto Options = (*Config)->optionsFor((Dir + "/sub/x.cpp").str());
  ASSERT_FALSE(static_cast<bool>(Options));
  EXPECT_NE(llvm::toString(Options.takeError()).find("malformed configuration file"),
            std::string::npos);

  write("bad.yaml", "Unknown: 1\n");
  ConfigurationSettings FileSettings;
  FileSettings.ConfigFile = (Dir + "/bad.yaml").str();
  auto FromFile = Configuration::create(FileSettings);
  ASSERT_FALSE(static_cast<bool>(FromFile));
  EXPECT_NE(llvm::toString(FromFile.takeError()).find("unknown key 'Unknown'"),
            std::string::npos);
}

} // namespace
} // namespace vtlint
