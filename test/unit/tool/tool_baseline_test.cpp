// Baselines: round trip, counting, paths relative to the baseline file,
// and every malformed file rejected with one message.
#include "Baseline.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>

namespace vtlint {
namespace {

class BaselineTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("vtlint-baseline", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string path(llvm::StringRef Name) const {
    llvm::SmallString<256> Result(Dir);
    llvm::sys::path::append(Result, Name);
    return Result.str().str();
  }
  void write(llvm::StringRef Name, llvm::StringRef Text) const {
    std::error_code EC;
    llvm::raw_fd_ostream Out(path(Name), EC);
    ASSERT_FALSE(EC);
    Out << Text;
  }
  Finding finding(llvm::StringRef File, llvm::StringRef Fingerprint) const {
    Finding F;
    F.Check = "valuetask-stored";
    F.Message = "stored";
    F.Location.File = path(File);
    F.Fingerprint = Fingerprint.str();
    return F;
  }
  std::string loadError(llvm::StringRef Text) {
    write("b.json", Text);
    auto Loaded = Baseline::load(path("b.json"));
    if (Loaded)
      return "";
    return llvm::toString(Loaded.takeError());
  }

  llvm::SmallString<256> Dir;
};

TEST_F(BaselineTest, RoundTripSuppressesEachRecordedFindingOnce) {
  Finding A = finding("src/a.cpp", "0000000000000001");
  Finding Twin = A;
  Finding Other = finding("src/b.cpp", "0000000000000001");
  write("baseline.json",
        Baseline::record(path("baseline.json"), {&A, &Twin}).toJson());

  auto Loaded = Baseline::load(path("baseline.json"));
  ASSERT_TRUE(static_cast<bool>(Loaded)) << llvm::toString(Loaded.takeError());
  EXPECT_FALSE(Loaded->consume(Other)); // another file
  EXPECT_TRUE(Loaded->consume(A));
  EXPECT_TRUE(Loaded->consume(A)); // count 2
  EXPECT_FALSE(Loaded->consume(A)); // a third identical finding is new
}

TEST_F(BaselineTest, FilesAreRelativeToTheBaselineDirectory) {
  Finding A = finding("src/a.cpp", "00000000000000aa");
  std::string Json = Baseline::record(path("sub/baseline.json"), {&A}).toJson();
  EXPECT_NE(Json.find("\"file\": \"../src/a.cpp\""), std::string::npos) << Json;
  EXPECT_NE(Json.find("\"version\": 1"), std::string::npos) << Json;
}

TEST_F(BaselineTest, MalformedFilesAreRejectedWithOneLine) {
  EXPECT_NE(loadError("{"), "");
  EXPECT_NE(loadError("[]").find("expected a JSON object"), std::string::npos);
  EXPECT_NE(loadError(R"({"findings": []})").find("missing integer \"version\""),
            std::string::npos);
  EXPECT_NE(loadError(R"({"version": 7, "findings": []})").find("unsupported version 7"),
            std::string::npos);
  EXPECT_NE(loadError(R"({"version": 1})").find("missing array \"findings\""),
            std::string::npos);
  EXPECT_NE(loadError(R"({"version": 1, "findings": [{"check": "c"}]})")
                .find("finding 0 needs"),
            std::string::npos);
  EXPECT_NE(loadError(R"({"version": 1, "findings": [{"check": "c", "file": "f",
              "fingerprint": "x", "count": -1}]})")
                .find("positive integer"),
            std::string::npos);
  for (llvm::StringRef Text : {"{", "[]", R"({"version": "1", "findings": []})"})
    EXPECT_EQ(loadError(Text).find('\n'), std::string::npos);
  EXPECT_EQ(loadError(R"({"version": 1, "findings": []})"), "");
  auto Missing = Baseline::load(path("none.json"));
  ASSERT_FALSE(static_cast<bool>(Missing));
  EXPECT_NE(llvm::toString(Missing.takeError()).find("cannot read baseline"),
            std::string::npos);
}

} // namespace
} // namespace vtlint
