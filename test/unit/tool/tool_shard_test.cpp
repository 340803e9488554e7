// --shard=K/N: parsing and the deterministic split.
#include "Sources.h"
#include <gtest/gtest.h>
#include <set>

namespace vtlint {
namespace {

std::vector<AnalysisRequest> requests(unsigned Count) {
  std::vector<AnalysisRequest> Result(Count);
  for (unsigned I = 0; I < Count; ++I)
    Result[I].File = "/src/f" + std::to_string(100 + I) + ".cpp";
  return Result;
}

TEST(ShardTest, ParsesOneBasedKOfN) {
  auto Parsed = parseShard("2/5");
  ASSERT_TRUE(static_cast<bool>(Parsed));
  EXPECT_EQ(Parsed->Index, 2u);
  EXPECT_EQ(Parsed->Count, 5u);
  for (llvm::StringRef Bad : {"0/5", "6/5", "1/0", "", "/", "a/b", "1", "1/2/3",
                              "-1/2", " 1/2", "1/2 "}) {
    auto Rejected = parseShard(Bad);
    EXPECT_FALSE(static_cast<bool>(Rejected)) << Bad.str();
    llvm::consumeError(Rejected.takeError());
  }
}

TEST(ShardTest, ShardsAreDisjointCoverEverythingAndBalance) {
  for (unsigned Files : {0u, 1u, 7u, 20u})
    for (unsigned Count : {1u, 3u, 8u}) {
      std::multiset<std::string> Seen;
      size_t Smallest = SIZE_MAX, Largest = 0;
      for (unsigned K = 1; K <= Count; ++K) {
        auto Part = selectShard(requests(Files), {K, Count});
        Smallest = std::min(Smallest, Part.size());
        Largest = std::max(Largest, Part.size());
        for (const AnalysisRequest &R : Part)
          Seen.insert(R.File);
      }
      EXPECT_EQ(Seen.size(), Files);
      EXPECT_EQ(std::set<std::string>(Seen.begin(), Seen.end()).size(), Files);
      EXPECT_LE(Largest - Smallest, 1u);
    }
}

TEST(ShardTest, RoundRobinInPathOrder) {
  auto First = selectShard(requests(5), {1, 2});
  ASSERT_EQ(First.size(), 3u);
  EXPECT_EQ(First[0].File, "/src/f100.cpp");
  EXPECT_EQ(First[1].File, "/src/f102.cpp");
  EXPECT_EQ(First[2].File, "/src/f104.cpp");
}

} // namespace
} // namespace vtlint
