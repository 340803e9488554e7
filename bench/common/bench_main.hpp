// Shared main() for the benchmark binaries. `--smoke` (the `make test`
// mode) shrinks every problem to a tiny size and runs each benchmark for
// exactly one iteration, so the binaries cannot rot; nothing is timed.
// Binaries register their benchmarks from a function run after the flags
// are parsed (so sizes can depend on the mode).
#pragma once

#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>

namespace bench {

bool smoke() noexcept;

/// `full` normally, `tiny` in smoke mode.
std::int64_t size(std::int64_t full, std::int64_t tiny) noexcept;

enum class Clock { cpu, real };

/// Registers `name`, with one iteration in smoke mode. Single-threaded
/// benchmarks are timed in CPU time (steadier on a shared machine);
/// anything that waits for other threads must say Clock::real (wall time,
/// with the CPU time of all the process's threads recorded beside it).
benchmark::internal::Benchmark *add(const std::string &name, void (*body)(benchmark::State &),
                                    Clock clock = Clock::cpu);

/// Sets the per-operation counters the report reads: ops per iteration,
/// and allocations and bytes per operation from the benchmark's totals.
void set_per_op(benchmark::State &state, double ops_per_iteration, std::uint64_t allocations,
                std::uint64_t bytes);

/// Each binary defines this: registers its benchmarks.
void register_benchmarks();

} // namespace bench
