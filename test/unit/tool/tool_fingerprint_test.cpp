// Fingerprints ignore line numbers and whitespace, not the code or message.
#include "Fingerprint.h"
#include <gtest/gtest.h>

namespace vtlint {
namespace {

TEST(FingerprintTest, NormalizesWhitespaceRunsAndEnds) {
  EXPECT_EQ(normalizeSourceLine("  int x =\t\tco_await  v;  \r"),
            "int x = co_await v;");
  EXPECT_EQ(normalizeSourceLine(""), "");
  EXPECT_EQ(normalizeSourceLine(" \t "), "");
}

TEST(FingerprintTest, SameCodeElsewhereGivesTheSameFingerprint) {
  std::string A = fingerprintFinding("valuetask-stored", "msg 'v'", "  int v;");
  std::string B = fingerprintFinding("valuetask-stored", "msg 'v'", "int   v;");
  EXPECT_EQ(A, B);
  EXPECT_EQ(A.size(), 16u);
  EXPECT_EQ(A.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(FingerprintTest, CheckMessageAndCodeEachMatter) {
  std::string Base = fingerprintFinding("valuetask-stored", "msg 'v'", "int v;");
  EXPECT_NE(Base, fingerprintFinding("valuetask-unawaited", "msg 'v'", "int v;"));
  EXPECT_NE(Base, fingerprintFinding("valuetask-stored", "msg 'w'", "int v;"));
  EXPECT_NE(Base, fingerprintFinding("valuetask-stored", "msg 'v'", "int w;"));
  // Fields cannot run into each other.
  EXPECT_NE(fingerprintFinding("ab", "c", "d"), fingerprintFinding("a", "bc", "d"));
}

} // namespace
} // namespace vtlint
