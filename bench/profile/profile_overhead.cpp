// What vt::profile costs per call: the same synchronous calls timed with
// profiling off (the default: one relaxed load and one predicted branch at
// creation), on (per-thread counters), and with the hooks compiled out
// (this file built again with VT_PROFILE_HOOKS=0 against a libvt built the
// same way: bench-profile-nohooks). A plain function returning the int is
// the floor.
//
//   bench-profile --rows BUILD/bench/rows/profile.json
//   bench-profile --smoke                 (a few calls: keeps it from rotting)
//   bench-profile-nohooks --figures       (what bench-profile reads from it)
//
// bench-profile runs its sibling bench-profile-nohooks (same directory) for
// the compiled-out figures, so every figure of a row comes from one run. It
// writes two row groups: "Profiling overhead" (on vs off) and "Profiling
// hooks" (off vs compiled out).
//
// scripts/bench.sh runs every bench-* binary but bench-profile-nohooks (run
// by bench-profile) the Google Benchmark way: with
// --benchmark_out=BUILD/bench/raw/NAME.json these binaries write an empty
// Google Benchmark report there; bench-profile also writes its rows beside
// raw/, in BUILD/bench/rows/profile.json (bench-profile-nohooks writes no
// rows: bench-profile reports its figures). Other --benchmark_* flags are
// accepted and ignored (the loop below times itself).
//
// Timing: the calling thread's CPU time (CLOCK_THREAD_CPUTIME_ID), median of
// several rounds, as Google Benchmark's CPU column does for cache_hit: on a
// shared machine wall time mostly measures the other processes. Each case
// is a lambda the timing loop calls directly, like cache_hit's loop.
#include <vt/profile.hpp>
#include <vt/vt.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace {

[[gnu::noinline]] int plain_value(int key) noexcept { return key * 7; }

[[gnu::noinline]] vt::ValueTask<int> ready_value(int key) { return key * 7; }

[[gnu::noinline]] vt::ValueTask<int> ready_value_coroutine(int key) { co_return key * 7; }

[[gnu::noinline]] vt::Task<int> ready_task_coroutine(int key) { co_return key * 7; }

volatile long sink;

double thread_cpu_ns() {
  timespec now{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e9 + static_cast<double>(now.tv_nsec);
}

/// Median over `rounds` of the CPU time per call of `calls` calls, in ns.
template <typename Call>
double ns_per_call(long calls, int rounds, Call call) {
  std::vector<double> samples;
  for (int round = 0; round < rounds; ++round) {
    double start = thread_cpu_ns();
    long sum = 0;
    for (long i = 0; i < calls; ++i)
      sum += call(static_cast<int>(i));
    double elapsed = thread_cpu_ns() - start;
    sink = sum;
    samples.push_back(elapsed / static_cast<double>(calls));
  }
  std::sort(samples.begin(), samples.end());
  return samples[samples.size() / 2];
}

struct Case {
  const char *name;
  double (*measure)(long calls, int rounds);
};

template <auto Call>
double measure(long calls, int rounds) {
  return ns_per_call(calls, rounds, Call);
}

constexpr auto call_plain = [](int key) -> long { return plain_value(key); };
constexpr auto call_ready_value = [](int key) -> long { return ready_value(key).result(); };
constexpr auto call_value_coroutine = [](int key) -> long { return ready_value_coroutine(key).result(); };
constexpr auto call_task_coroutine = [](int key) -> long { return ready_task_coroutine(key).get(); };

const Case cases[] = {
    {"plain function returning int (no value task)", measure<call_plain>},
    {"ValueTask<int> ready value from a plain function, result()", measure<call_ready_value>},
    {"ValueTask<int> coroutine completing synchronously, result()", measure<call_value_coroutine>},
    {"Task<int> coroutine completing synchronously, get()", measure<call_task_coroutine>},
};
constexpr std::size_t case_count = sizeof cases / sizeof cases[0];

#if VT_PROFILE_HOOKS
constexpr bool hooks_compiled_in = true;
#else
constexpr bool hooks_compiled_in = false;
#endif

struct Options {
  bool smoke = false;
  bool figures = false; // print one figure per case (the nohooks side)
  std::string rows_path;
  std::string benchmark_out;
};

bool parse(int argc, char **argv, Options &options) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--smoke")
      options.smoke = true;
    else if (arg == "--figures")
      options.figures = true;
    else if (arg == "--rows" && i + 1 < argc && hooks_compiled_in)
      options.rows_path = argv[++i];
    else if (arg.starts_with("--benchmark_out="))
      options.benchmark_out = arg.substr(std::strlen("--benchmark_out="));
    else if (!arg.starts_with("--benchmark_"))
      return false;
  }
  return true;
}

/// The compiled-out figures, from bench-profile-nohooks beside this binary:
/// one number per case, or empty if it cannot be run.
std::vector<double> nohooks_figures(const char *argv0, bool smoke) {
  std::filesystem::path self = std::filesystem::absolute(argv0);
  std::string command = (self.parent_path() / "bench-profile-nohooks").string() + " --figures";
  if (smoke)
    command += " --smoke";
  std::vector<double> figures;
  FILE *pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr)
    return figures;
  double figure = 0;
  while (std::fscanf(pipe, "%lf", &figure) == 1)
    figures.push_back(figure);
  if (::pclose(pipe) != 0 || figures.size() != case_count)
    figures.clear();
  return figures;
}

std::string row(const char *group, const char *name, const char *ours_label, double ours, const char *peer_label,
                double peer) {
  char text[512];
  std::snprintf(text, sizeof text,
                "  {\"group\": \"%s\", \"case\": \"%s\", \"ours_label\": \"%s\", \"ours\": %.2f, "
                "\"peer_label\": \"%s\", \"peer\": %.2f, \"unit\": \"ns/op\", \"lower_is_better\": true}",
                group, name, ours_label, ours, peer_label, peer);
  return text;
}

bool write_rows(const std::string &path, const std::vector<std::string> &rows) {
  std::string text = "{\"rows\": [\n";
  for (std::size_t i = 0; i < rows.size(); ++i)
    text += rows[i] + (i + 1 < rows.size() ? ",\n" : "\n");
  text += "]}\n";
  std::error_code ignored; // a failure to create it shows when writing
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ignored);
  std::ofstream out(path);
  out << text;
  return static_cast<bool>(out);
}

} // namespace

int main(int argc, char **argv) {
  Options options;
  if (!parse(argc, argv, options)) {
    std::fprintf(stderr, "%s\n",
                 hooks_compiled_in ? "usage: bench-profile [--smoke] [--rows FILE]"
                                   : "usage: bench-profile-nohooks [--smoke] [--figures]");
    return 2;
  }
  if (!options.benchmark_out.empty()) {
    std::ofstream(options.benchmark_out) << "{\"benchmarks\": []}\n";
    if (options.rows_path.empty() && hooks_compiled_in) {
      std::string raw_dir = options.benchmark_out.substr(0, options.benchmark_out.rfind('/') + 1);
      options.rows_path = raw_dir + "../rows/profile.json";
    }
  }
  const long calls = options.smoke ? 100 : 5'000'000;
  const int rounds = options.smoke ? 1 : 9;

  if (!hooks_compiled_in) {
    // Only the compiled-out figures: profiling cannot be switched on here.
    for (const Case &c : cases) {
      double figure = c.measure(calls, rounds);
      if (options.figures)
        std::printf("%.4f\n", figure);
      else
        std::printf("%-62s hooks compiled out %6.2f ns/op\n", c.name, figure);
    }
    return 0;
  }

  std::string profile_path = "/tmp/vt-bench-profile-" + std::to_string(::getpid()) + ".json";
  std::vector<double> off(case_count), on(case_count);
  for (std::size_t i = 0; i < case_count; ++i) {
    off[i] = cases[i].measure(calls, rounds);
    vt::profile::start(profile_path);
    on[i] = cases[i].measure(calls, rounds);
    vt::profile::stop();
    std::remove(profile_path.c_str());
    std::remove((profile_path + ".lock").c_str());
  }
  std::vector<double> out = nohooks_figures(argv[0], options.smoke);

  std::vector<std::string> rows;
  for (std::size_t i = 1; i < case_count; ++i) // case 0 has no hooks to switch
    rows.push_back(row("Profiling overhead", cases[i].name, "profiling on", on[i], "profiling off", off[i]));
  for (std::size_t i = 0; i < case_count && !out.empty(); ++i)
    rows.push_back(row("Profiling hooks", cases[i].name, "profiling off", off[i], "hooks compiled out", out[i]));
  for (std::size_t i = 0; i < case_count; ++i) {
    std::printf("%-62s off %6.2f   on %6.2f", cases[i].name, off[i], on[i]);
    if (!out.empty())
      std::printf("   compiled out %6.2f", out[i]);
    std::printf(" ns/op (thread CPU)\n");
  }
  if (out.empty())
    std::fprintf(stderr, "bench-profile: bench-profile-nohooks not found or failed: no compiled-out figures\n");
  if (!options.rows_path.empty() && !write_rows(options.rows_path, rows)) {
    std::fprintf(stderr, "bench-profile: cannot write %s\n", options.rows_path.c_str());
    return 1;
  }
  return 0;
}
