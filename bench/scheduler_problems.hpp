// The scheduler benchmarks' problems, shared by the vt, oneTBB and OpenMP
// versions so that all three solve exactly the same thing (issue 5, item 3).
// Each version checks its answer against the sequential one and marks the
// benchmark as failed on a mismatch.
#pragma once

#include <cstdint>
#include <thread>

#include "common/bench_main.hpp"

namespace bench {

/// Same thread count for every scheduler in the run: one per core.
inline unsigned scheduler_threads() { return std::max(1u, std::thread::hardware_concurrency()); }

inline int fib_n() { return static_cast<int>(size(30, 15)); }
inline std::int64_t skynet_leaves() { return size(1'000'000, 1'000); }
constexpr std::int64_t kSkynetFanout = 10;
inline int nqueens_n() { return static_cast<int>(size(12, 6)); }
inline int chain_hops() { return static_cast<int>(size(1'000, 10)); }
inline int spawn_many_count() { return static_cast<int>(size(10'000, 10)); }
inline int ping_pong_rounds() { return static_cast<int>(size(10'000, 10)); }
inline int yield_count() { return static_cast<int>(size(10'000, 10)); }

inline long fib_sequential(int n) { return n < 2 ? n : fib_sequential(n - 1) + fib_sequential(n - 2); }

/// Sum of the leaves' numbers 0..leaves-1.
inline std::int64_t skynet_expected(std::int64_t leaves) { return leaves * (leaves - 1) / 2; }

/// A board of n queens, one per row: columns[row] for rows < depth.
struct Board {
  int n = 0;
  int depth = 0;
  signed char columns[32] = {};

  bool safe(int column) const noexcept {
    for (int row = 0; row < depth; ++row) {
      int other = columns[row];
      if (other == column || other - column == depth - row || column - other == depth - row)
        return false;
    }
    return true;
  }
  Board with(int column) const noexcept {
    Board next = *this;
    next.columns[next.depth++] = static_cast<signed char>(column);
    return next;
  }
};

inline long nqueens_sequential(const Board &board) {
  if (board.depth == board.n)
    return 1;
  long solutions = 0;
  for (int column = 0; column < board.n; ++column)
    if (board.safe(column))
      solutions += nqueens_sequential(board.with(column));
  return solutions;
}

/// Records a wrong answer as a benchmark error (shown in the report).
template <typename T>
void expect_equal(benchmark::State &state, T got, T expected) {
  if (got != expected)
    state.SkipWithError("wrong answer");
}

} // namespace bench
