#include "bench_main.hpp"

#include <cstring>
#include <vector>

namespace bench {

namespace {
bool smoke_mode = false;
}

bool smoke() noexcept { return smoke_mode; }

std::int64_t size(std::int64_t full, std::int64_t tiny) noexcept { return smoke_mode ? tiny : full; }

benchmark::internal::Benchmark *add(const std::string &name, void (*body)(benchmark::State &),
                                    Clock clock) {
  auto *registered = benchmark::RegisterBenchmark(name.c_str(), body);
  if (clock == Clock::real) // CPU time then sums every thread of the process.
    registered->UseRealTime()->MeasureProcessCPUTime();
  if (smoke_mode)
    registered->Iterations(1);
  return registered;
}

void set_per_op(benchmark::State &state, double ops_per_iteration, std::uint64_t allocations,
                std::uint64_t bytes) {
  const double ops = ops_per_iteration * static_cast<double>(state.iterations());
  state.counters["ops"] = ops_per_iteration;
  state.counters["allocs_per_op"] = ops > 0 ? static_cast<double>(allocations) / ops : 0;
  state.counters["bytes_per_op"] = ops > 0 ? static_cast<double>(bytes) / ops : 0;
}

} // namespace bench

int main(int argc, char **argv) {
  std::vector<char *> args;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--smoke") == 0)
      bench::smoke_mode = true;
    else
      args.push_back(argv[i]);
  }
  int count = static_cast<int>(args.size());
  benchmark::Initialize(&count, args.data());
  if (benchmark::ReportUnrecognizedArguments(count, args.data()))
    return 2;
  bench::register_benchmarks();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
