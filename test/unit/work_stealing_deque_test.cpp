// The Chase-Lev deque: order for the owner and for thieves, growth, and
// every item taken exactly once under contention (small capacity forces the
// growth path and the owner/thief race for the last item).
#include <vt/work_stealing_deque.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

namespace {

TEST(WorkStealingDeque, OwnerPopsNewestFirstThiefStealsOldest) {
  vt::WorkStealingDeque<int> deque(2);
  for (int i = 1; i <= 5; ++i)
    deque.push(i);
  EXPECT_EQ(deque.steal(), 1);
  EXPECT_EQ(deque.pop(), 5);
  EXPECT_EQ(deque.steal(), 2);
  EXPECT_EQ(deque.pop(), 4);
  EXPECT_EQ(deque.pop(), 3);
  EXPECT_EQ(deque.pop(), std::nullopt);
  EXPECT_EQ(deque.steal(), std::nullopt);
}

TEST(WorkStealingDeque, GrowsWhenFullAndKeepsItems) {
  vt::WorkStealingDeque<int> deque(2);
  EXPECT_EQ(deque.capacity(), 2u);
  for (int i = 0; i < 1000; ++i)
    deque.push(i);
  EXPECT_GE(deque.capacity(), 1000u);
  EXPECT_EQ(deque.size_approx(), 1000u);
  for (int i = 999; i >= 0; --i)
    ASSERT_EQ(deque.pop(), i);
  EXPECT_EQ(deque.pop(), std::nullopt);
}

TEST(WorkStealingDeque, ReusableAfterEmptying) {
  vt::WorkStealingDeque<int> deque(4);
  for (int round = 0; round < 100; ++round) {
    deque.push(round);
    deque.push(round + 1000);
    EXPECT_EQ(deque.steal(), round);
    EXPECT_EQ(deque.pop(), round + 1000);
    EXPECT_EQ(deque.pop(), std::nullopt);
  }
}

// One owner pushing (and popping some) against several thieves: every item is
// taken exactly once.
TEST(WorkStealingDeque, OneOwnerSeveralThievesEveryItemOnce) {
  constexpr int kItems = 200000;
  constexpr int kThieves = 3;
  vt::WorkStealingDeque<int> deque(2);
  std::vector<std::atomic<int>> taken(kItems);
  std::atomic<bool> owner_done{false};
  std::atomic<long> stolen{0};

  std::vector<std::thread> thieves;
  for (int t = 0; t < kThieves; ++t)
    thieves.emplace_back([&] {
      for (;;) {
        bool done = owner_done.load(std::memory_order_acquire);
        if (auto item = deque.steal()) {
          taken[*item].fetch_add(1, std::memory_order_relaxed);
          stolen.fetch_add(1, std::memory_order_relaxed);
        } else if (done && deque.size_approx() == 0) {
          return;
        }
      }
    });

  long popped = 0;
  for (int i = 0; i < kItems; ++i) {
    // Every 1024 pushes, let the thieves catch up: the owner keeps about two
    // thirds of what it pushes, so this guarantees stealing (and growth and
    // shrinkage cycles through the small ring).
    if (i % 1024 == 1023)
      while (deque.size_approx() > 256)
        std::this_thread::yield();
    deque.push(i);
    if (i % 3 == 0)
      if (auto item = deque.pop()) {
        taken[*item].fetch_add(1, std::memory_order_relaxed);
        ++popped;
      }
  }
  while (auto item = deque.pop()) {
    taken[*item].fetch_add(1, std::memory_order_relaxed);
    ++popped;
  }
  owner_done.store(true, std::memory_order_release);
  for (auto &thief : thieves)
    thief.join();

  for (int i = 0; i < kItems; ++i)
    ASSERT_EQ(taken[i].load(), 1) << "item " << i;
  EXPECT_EQ(popped + stolen.load(), kItems);
  EXPECT_GT(stolen.load(), 0);
}

// A single item at a time: the owner's pop and a thief's steal race for it
// (the CAS on top in both); exactly one of them wins every round.
TEST(WorkStealingDeque, LastItemRaceHasExactlyOneWinner) {
  constexpr int kRounds = 50000;
  vt::WorkStealingDeque<int> deque(2);
  std::atomic<int> published{-1};
  std::atomic<int> finished{-1};
  std::vector<std::atomic<int>> taken(kRounds);
  std::atomic<long> thief_wins{0};

  std::thread thief([&] {
    for (int round = 0; round < kRounds; ++round) {
      while (published.load(std::memory_order_acquire) < round) {
      }
      if (auto item = deque.steal()) {
        taken[*item].fetch_add(1, std::memory_order_relaxed);
        thief_wins.fetch_add(1, std::memory_order_relaxed);
      }
      finished.store(round, std::memory_order_release);
    }
  });

  long owner_wins = 0;
  for (int round = 0; round < kRounds; ++round) {
    deque.push(round);
    published.store(round, std::memory_order_release);
    if (auto item = deque.pop()) {
      taken[*item].fetch_add(1, std::memory_order_relaxed);
      ++owner_wins;
    }
    while (finished.load(std::memory_order_acquire) < round) {
    }
  }
  thief.join();

  for (int i = 0; i < kRounds; ++i)
    ASSERT_EQ(taken[i].load(), 1) << "round " << i;
  EXPECT_EQ(owner_wins + thief_wins.load(), kRounds);
}

} // namespace
