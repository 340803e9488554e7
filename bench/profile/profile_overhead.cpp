// What vt::profile costs per call: the same synchronous calls timed with
// profiling off (the default: one relaxed load and one predicted branch at
// creation, one null test at the first inspection) and on (per-thread
// counters). Writes the report rows (scripts/bench.sh reads every file in
// BUILD/bench/rows/):
//   bench-profile --rows BUILD/bench/rows/profile.json
//   bench-profile --smoke          (a few calls: keeps it from rotting)
// scripts/bench.sh runs every bench-* binary the Google Benchmark way:
// with --benchmark_out=BUILD/bench/raw/bench-profile.json this binary writes
// an empty Google Benchmark report there and its rows beside raw/, in
// BUILD/bench/rows/profile.json; the other --benchmark_* flags are accepted
// and ignored (its own loop times itself).
#include <vt/profile.hpp>
#include <vt/vt.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace {

[[gnu::noinline]] vt::ValueTask<int> ready_value(int key) { return key * 7; }

[[gnu::noinline]] vt::ValueTask<int> ready_value_coroutine(int key) { co_return key * 7; }

[[gnu::noinline]] vt::Task<int> ready_task_coroutine(int key) { co_return key * 7; }

volatile long sink;

/// Median over `rounds` of the time per call of `calls` calls, in ns.
template <typename Call>
double ns_per_call(long calls, int rounds, Call call) {
  std::vector<double> samples;
  for (int round = 0; round < rounds; ++round) {
    auto start = std::chrono::steady_clock::now();
    long sum = 0;
    for (long i = 0; i < calls; ++i)
      sum += call(static_cast<int>(i));
    auto elapsed = std::chrono::steady_clock::now() - start;
    sink = sum;
    samples.push_back(std::chrono::duration<double, std::nano>(elapsed).count() / static_cast<double>(calls));
  }
  std::sort(samples.begin(), samples.end());
  return samples[samples.size() / 2];
}

struct Case {
  const char *name;
  long (*call)(int);
};

const Case cases[] = {
    {"ValueTask<int> ready value from a plain function, result()",
     [](int key) -> long { return ready_value(key).result(); }},
    {"ValueTask<int> coroutine completing synchronously, result()",
     [](int key) -> long { return ready_value_coroutine(key).result(); }},
    {"Task<int> coroutine completing synchronously, get()",
     [](int key) -> long { return ready_task_coroutine(key).get(); }},
};

} // namespace

int main(int argc, char **argv) {
  bool smoke = false;
  std::string rows_path;
  std::string benchmark_out;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--smoke")
      smoke = true;
    else if (arg == "--rows" && i + 1 < argc)
      rows_path = argv[++i];
    else if (arg.starts_with("--benchmark_out="))
      benchmark_out = arg.substr(std::strlen("--benchmark_out="));
    else if (arg.starts_with("--benchmark_"))
      continue;
    else {
      std::fprintf(stderr, "usage: bench-profile [--smoke] [--rows FILE]\n");
      return 2;
    }
  }
  if (!benchmark_out.empty()) {
    std::ofstream(benchmark_out) << "{\"benchmarks\": []}\n";
    if (rows_path.empty()) {
      std::string raw_dir = benchmark_out.substr(0, benchmark_out.rfind('/') + 1);
      rows_path = raw_dir + "../rows/profile.json";
    }
  }
  const long calls = smoke ? 100 : 2'000'000;
  const int rounds = smoke ? 1 : 7;
  std::string profile_path = "/tmp/vt-bench-profile-" + std::to_string(::getpid()) + ".json";

  std::string rows = "{\"rows\": [";
  bool first = true;
  for (const Case &c : cases) {
    double off = ns_per_call(calls, rounds, c.call);
    vt::profile::start(profile_path);
    double on = ns_per_call(calls, rounds, c.call);
    vt::profile::stop();
    std::remove(profile_path.c_str());
    std::printf("%-62s off %6.2f ns/op   on %6.2f ns/op\n", c.name, off, on);
    char row[512];
    std::snprintf(row, sizeof row,
                  "%s\n  {\"group\": \"Profiling overhead\", \"case\": \"%s\", \"ours_label\": \"profiling on\", "
                  "\"ours\": %.2f, \"peer_label\": \"profiling off\", \"peer\": %.2f, \"unit\": \"ns/op\", "
                  "\"lower_is_better\": true}",
                  first ? "" : ",", c.name, on, off);
    rows += row;
    first = false;
  }
  rows += "\n]}\n";
  if (!rows_path.empty()) {
    std::error_code ignored; // a failure to create it shows when writing
    std::filesystem::create_directories(std::filesystem::path(rows_path).parent_path(), ignored);
    std::ofstream out(rows_path);
    out << rows;
    if (!out) {
      std::fprintf(stderr, "bench-profile: cannot write %s\n", rows_path.c_str());
      return 1;
    }
  }
  return 0;
}
