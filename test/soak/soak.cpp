// Soak test of the vt pool: driver threads run randomised rounds (fork/join
// trees, when_all/when_any, delays, pooled value task sources, cancellation
// from other threads, blocking get() on workers) until the time is up.
// A watchdog fails the run when nothing completes for --stall-ms; the
// sanitizer builds add race (TSan) and leak/memory (ASan+LSan) checking.
//
//   soak [--seconds N] [--threads N] [--drivers N] [--seed N] [--stall-ms N]
//
// Exit 0: every invariant held; 1: an invariant broke; 2: bad usage;
// 3: stalled (the watchdog's dump is on stderr).
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <vt/vt.hpp>

#include "scenarios.hpp"
#include "watchdog.hpp"

namespace {

struct Options {
  unsigned seconds = 10;
  unsigned threads = 4;
  unsigned drivers = 2;
  std::uint64_t seed = 0; // 0: pick one from the clock (printed).
  unsigned stall_ms = 5000;
};

[[noreturn]] void usage(const std::string &problem) {
  std::fprintf(stderr, "soak: %s\nusage: soak [--seconds N] [--threads N] [--drivers N] [--seed N] [--stall-ms N]\n",
               problem.c_str());
  std::exit(2);
}

std::uint64_t number(const char *flag, const char *text) {
  char *end = nullptr;
  errno = 0;
  unsigned long long value = std::strtoull(text, &end, 10);
  if (errno != 0 || end == text || *end != '\0')
    usage(std::string("bad number for ") + flag + ": '" + text + "'");
  return value;
}

Options parse(int argc, char **argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string_view flag = argv[i];
    if (i + 1 >= argc)
      usage("missing value after " + std::string(flag));
    std::uint64_t value = number(argv[i], argv[i + 1]);
    ++i;
    if (flag == "--seconds")
      options.seconds = static_cast<unsigned>(value);
    else if (flag == "--threads" && value > 0)
      options.threads = static_cast<unsigned>(value);
    else if (flag == "--drivers" && value > 0)
      options.drivers = static_cast<unsigned>(value);
    else if (flag == "--seed")
      options.seed = value;
    else if (flag == "--stall-ms" && value > 0)
      options.stall_ms = static_cast<unsigned>(value);
    else
      usage("unknown option or zero value: " + std::string(flag));
  }
  return options;
}

using Scenario = void (*)(soak::RoundContext &, soak::Totals &);
constexpr Scenario scenarios[] = {soak::run_fork_join, soak::run_when_any, soak::run_pooled_sources,
                                  soak::run_cancellation, soak::run_blocking_get};
constexpr const char *scenario_names[] = {"fork/join", "when_any", "pooled sources", "cancellation",
                                          "blocking get"};
constexpr unsigned scenario_count = sizeof(scenarios) / sizeof(scenarios[0]);

} // namespace

int main(int argc, char **argv) {
  Options options = parse(argc, argv);
  if (options.seed == 0)
    options.seed = static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()) | 1;
  std::printf("soak: %u s, %u workers, %u drivers, seed %llu\n", options.seconds, options.threads, options.drivers,
              static_cast<unsigned long long>(options.seed));
  std::fflush(stdout);

  std::atomic<std::uint64_t> unobserved{0};
  vt::set_unobserved_handler([&unobserved](std::string_view message) {
    // relaxed: a plain event count, read after every driver joined.
    unobserved.fetch_add(1, std::memory_order_relaxed);
    std::fprintf(stderr, "soak: unobserved: %.*s\n", static_cast<int>(message.size()), message.data());
  });

  vt::ThreadPool pool(options.threads);
  // What each driver is doing, for the watchdog's dump (relaxed: a hint).
  std::vector<std::atomic<int>> current(options.drivers);
  for (std::atomic<int> &scenario : current)
    scenario.store(-1, std::memory_order_relaxed);
  soak::Watchdog watchdog(std::chrono::milliseconds(options.stall_ms), [&] {
    vt::ThreadPoolStats stats = pool.stats();
    for (unsigned d = 0; d < options.drivers; ++d) {
      int scenario = current[d].load(std::memory_order_relaxed);
      std::fprintf(stderr, "soak: driver %u in %s\n", d, scenario < 0 ? "(between rounds)" : scenario_names[scenario]);
    }
    std::fprintf(stderr, "soak: pool: %llu global pushes, %llu local pushes, %llu local pops, %llu global pops, "
                 "%llu steals\n",
                 static_cast<unsigned long long>(stats.global_pushes), static_cast<unsigned long long>(stats.local_pushes),
                 static_cast<unsigned long long>(stats.local_pops), static_cast<unsigned long long>(stats.global_pops),
                 static_cast<unsigned long long>(stats.steals));
  });

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.seconds);
  std::mutex results_mutex; // Guards totals and failures below.
  soak::Totals totals;
  std::uint64_t per_scenario[scenario_count] = {};
  std::vector<std::string> failures;
  std::atomic<bool> failed{false};

  std::vector<std::thread> drivers;
  for (unsigned d = 0; d < options.drivers; ++d)
    drivers.emplace_back([&, d] {
      std::mt19937_64 random(options.seed + d);
      soak::RoundContext round{pool, random, watchdog};
      soak::Totals mine;
      std::uint64_t mine_per_scenario[scenario_count] = {};
      // relaxed: `failed` only stops the other drivers early.
      while (std::chrono::steady_clock::now() < deadline && !failed.load(std::memory_order_relaxed)) {
        unsigned which = static_cast<unsigned>(random() % scenario_count);
        current[d].store(static_cast<int>(which), std::memory_order_relaxed);
        try {
          scenarios[which](round, mine);
        } catch (const std::exception &error) {
          std::lock_guard lock(results_mutex);
          failures.push_back(std::string(scenario_names[which]) + ": " + error.what());
          failed.store(true, std::memory_order_relaxed);
        }
        current[d].store(-1, std::memory_order_relaxed);
        ++mine.rounds;
        ++mine_per_scenario[which];
        watchdog.tick();
      }
      std::lock_guard lock(results_mutex);
      totals.rounds += mine.rounds;
      totals.tasks += mine.tasks;
      totals.canceled += mine.canceled;
      totals.callbacks += mine.callbacks;
      totals.value_tasks += mine.value_tasks;
      for (unsigned s = 0; s < scenario_count; ++s)
        per_scenario[s] += mine_per_scenario[s];
    });
  for (std::thread &driver : drivers)
    driver.join();

  for (const std::string &failure : failures)
    std::fprintf(stderr, "soak: FAIL: %s\n", failure.c_str());
  std::uint64_t unobserved_count = unobserved.load(std::memory_order_relaxed);
  if (unobserved_count != 0)
    std::fprintf(stderr, "soak: FAIL: %llu unobserved results\n", static_cast<unsigned long long>(unobserved_count));
  std::printf("soak: %llu rounds (", static_cast<unsigned long long>(totals.rounds));
  for (unsigned s = 0; s < scenario_count; ++s)
    std::printf("%s%s %llu", s == 0 ? "" : ", ", scenario_names[s], static_cast<unsigned long long>(per_scenario[s]));
  std::printf("), %llu tasks ran exactly once, %llu canceled before running, %llu callbacks at most once, "
              "%llu pooled value tasks, longest stall %lld ms\n",
              static_cast<unsigned long long>(totals.tasks), static_cast<unsigned long long>(totals.canceled),
              static_cast<unsigned long long>(totals.callbacks), static_cast<unsigned long long>(totals.value_tasks),
              static_cast<long long>(watchdog.longest_stall().count()));
  bool ok = failures.empty() && unobserved_count == 0;
  std::printf("soak: %s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
