// The soak test's workload: each scenario runs one randomised round on the
// pool, waits for all of it, and throws soak::Failure when an invariant
// breaks (work run twice or never, a callback run twice, a wrong result).
#pragma once

#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>

#include <vt/vt.hpp>

#include "watchdog.hpp"

namespace soak {

struct Failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// What every scenario gets: the pool, a random source of its own, the
/// watchdog to tick, and the totals it adds to.
struct RoundContext {
  vt::ThreadPool &pool;
  std::mt19937_64 &random;
  Watchdog &watchdog;
};

/// Totals over the whole run (each driver thread adds its own).
struct Totals {
  std::uint64_t rounds = 0;
  std::uint64_t tasks = 0;     ///< Pieces of work checked for exactly-once.
  std::uint64_t canceled = 0;  ///< Pieces of work canceled before they ran.
  std::uint64_t callbacks = 0; ///< Cancellation callbacks checked.
  std::uint64_t value_tasks = 0;
};

/// Fork/join trees of pool.run and when_all, leaves that yield or delay.
void run_fork_join(RoundContext &round, Totals &totals);
/// when_any over delayed tasks; every input is still joined and checked.
void run_when_any(RoundContext &round, Totals &totals);
/// ValueTasks from a set of reused ManualResetValueTaskSources, completed
/// from pool threads before or after the consumer awaits.
void run_pooled_sources(RoundContext &round, Totals &totals);
/// Runs, delays and callbacks on a token that another thread cancels at a
/// random moment while registrations are being disposed.
void run_cancellation(RoundContext &round, Totals &totals);
/// Pool work that blocks in get() on other pool work (nested).
void run_blocking_get(RoundContext &round, Totals &totals);

} // namespace soak
