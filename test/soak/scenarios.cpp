#include "scenarios.hpp"

#include <chrono>
#include <cstddef>
#include <memory>
#include <numeric>
#include <thread>
#include <vector>

#include "ledger.hpp"

namespace soak {
namespace {

using std::chrono::milliseconds;

std::size_t pick(std::mt19937_64 &random, std::size_t low, std::size_t high) {
  return std::uniform_int_distribution<std::size_t>(low, high)(random);
}

/// Every entry ran exactly once.
void expect_each_ran_once(const Ledger &ledger, const char *scenario) {
  for (std::size_t id = 0; id < ledger.size(); ++id)
    if (ledger.runs(id) != 1)
      throw Failure(std::string(scenario) + ": work item " + std::to_string(id) + " ran " +
                    std::to_string(ledger.runs(id)) + " times, expected exactly once");
}

// A leaf: records itself; some leaves first give the thread away or wait on
// the timer, so completions arrive from timer and thief threads too.
vt::Task<std::uint64_t> leaf(Ledger &ledger, std::size_t id, unsigned style, Watchdog &watchdog) {
  if (style == 1)
    co_await vt::yield();
  else if (style == 2)
    co_await vt::delay(milliseconds(1));
  ledger.record(id);
  watchdog.tick();
  co_return id;
}

// Splits [first, first + count) into a few subtrees run on the pool and
// joined with when_all; returns the sum of the leaf ids.
vt::Task<std::uint64_t> fork_join(vt::ThreadPool &pool, Ledger &ledger, std::size_t first, std::size_t count,
                                  std::uint64_t seed, Watchdog &watchdog) {
  if (count == 1)
    co_return co_await leaf(ledger, first, static_cast<unsigned>(seed % 5), watchdog);
  std::size_t fanout = 2 + seed % 3;
  if (fanout > count)
    fanout = count;
  std::vector<vt::Task<std::uint64_t>> parts;
  std::size_t start = first;
  for (std::size_t part = 0; part < fanout; ++part) {
    std::size_t size = count / fanout + (part < count % fanout ? 1 : 0);
    std::uint64_t child_seed = seed * 6364136223846793005ULL + part + 1;
    parts.push_back(pool.run([&pool, &ledger, start, size, child_seed, &watchdog] {
      return fork_join(pool, ledger, start, size, child_seed >> 7, watchdog);
    }));
    start += size;
  }
  std::vector<std::uint64_t> sums = co_await vt::when_all(std::move(parts));
  co_return std::accumulate(sums.begin(), sums.end(), std::uint64_t{0});
}

vt::Task<std::uint64_t> delayed_entry(Ledger &ledger, std::size_t id, milliseconds wait, Watchdog &watchdog) {
  co_await vt::delay(wait);
  ledger.record(id);
  watchdog.tick();
  co_return id;
}

// Awaits one pooled value task (the consumer side of a source).
vt::Task<int> consume(vt::ValueTask<int> value) { co_return co_await std::move(value); }

} // namespace

void run_fork_join(RoundContext &round, Totals &totals) {
  std::size_t leaves = pick(round.random, 1, 400);
  Ledger ledger(leaves);
  std::uint64_t seed = round.random();
  std::uint64_t sum = round.pool
                          .run([&] { return fork_join(round.pool, ledger, 0, leaves, seed, round.watchdog); })
                          .get();
  expect_each_ran_once(ledger, "fork/join");
  if (sum != leaves * (leaves - 1) / 2)
    throw Failure("fork/join: wrong sum of leaf ids " + std::to_string(sum));
  totals.tasks += leaves;
}

void run_when_any(RoundContext &round, Totals &totals) {
  std::size_t count = pick(round.random, 1, 16);
  Ledger ledger(count);
  std::vector<vt::Task<std::uint64_t>> entries;
  for (std::size_t id = 0; id < count; ++id)
    entries.push_back(delayed_entry(ledger, id, milliseconds(pick(round.random, 0, 5)), round.watchdog));
  vt::Task<vt::Task<std::uint64_t>> first = vt::when_any(entries);
  std::uint64_t winner = first.get().get();
  if (winner >= count || ledger.runs(winner) != 1)
    throw Failure("when_any: winner " + std::to_string(winner) + " did not run exactly once");
  vt::when_all(std::move(entries)).get();
  expect_each_ran_once(ledger, "when_any");
  totals.tasks += count;
}

void run_pooled_sources(RoundContext &round, Totals &totals) {
  std::size_t source_count = pick(round.random, 1, 8);
  std::size_t uses = pick(round.random, 1, 40);
  std::vector<std::unique_ptr<vt::ManualResetValueTaskSource<int>>> sources;
  for (std::size_t i = 0; i < source_count; ++i)
    sources.push_back(std::make_unique<vt::ManualResetValueTaskSource<int>>());
  for (std::size_t use = 0; use < uses; ++use) {
    std::vector<vt::Task<int>> consumers;
    std::vector<vt::Task<>> producers;
    for (std::size_t i = 0; i < source_count; ++i) {
      vt::ManualResetValueTaskSource<int> &source = *sources[i];
      int value = static_cast<int>(use * 1000 + i);
      auto produce = [&source, value] { source.set_result(value); };
      if (round.random() % 3 == 0) { // Completed before anyone awaits.
        produce();
        consumers.push_back(consume(source.value_task()));
      } else {
        consumers.push_back(consume(source.value_task()));
        producers.push_back(round.pool.run(produce));
      }
    }
    std::vector<int> values = vt::when_all(std::move(consumers)).get();
    vt::when_all(std::move(producers)).get();
    for (std::size_t i = 0; i < source_count; ++i) {
      if (values[i] != static_cast<int>(use * 1000 + i))
        throw Failure("pooled sources: source " + std::to_string(i) + " gave " + std::to_string(values[i]));
      sources[i]->reset();
    }
    round.watchdog.tick();
    totals.value_tasks += source_count;
  }
}

void run_cancellation(RoundContext &round, Totals &totals) {
  std::size_t jobs = pick(round.random, 1, 64);
  std::size_t callback_count = pick(round.random, 0, 32);
  Ledger ran(jobs);
  Ledger called(callback_count);
  vt::CancellationTokenSource source;
  vt::CancellationToken token = source.token();

  std::vector<vt::CancellationRegistration> registrations;
  for (std::size_t id = 0; id < callback_count; ++id)
    registrations.push_back(token.register_callback([&called, id] { called.record(id); }));
  // Half of the registrations are disposed on a pool thread, racing the
  // cancel: each of those callbacks runs once or not at all.
  std::size_t disposed = callback_count / 2;
  std::vector<vt::CancellationRegistration> to_dispose;
  for (std::size_t i = 0; i < disposed; ++i)
    to_dispose.push_back(std::move(registrations[i]));
  vt::Task<> disposer = round.pool.run([batch = std::move(to_dispose)]() mutable { batch.clear(); });

  std::vector<vt::Task<>> work;
  for (std::size_t id = 0; id < jobs; ++id) {
    if (id % 4 == 3)
      work.push_back(vt::delay(milliseconds(pick(round.random, 0, 3)), token));
    else
      work.push_back(round.pool.run([&ran, id, &round] {
        ran.record(id);
        round.watchdog.tick();
      }, token));
  }
  milliseconds cancel_at(pick(round.random, 0, 3));
  std::thread canceler([&source, cancel_at] {
    std::this_thread::sleep_for(cancel_at);
    source.cancel();
  });

  for (std::size_t id = 0; id < jobs; ++id) {
    vt::Task<> &job = work[id];
    job.wait();
    bool is_delay = id % 4 == 3;
    if (job.is_faulted())
      throw Failure("cancellation: job " + std::to_string(id) + " faulted");
    if (!is_delay && job.is_canceled() && ran.runs(id) != 0)
      throw Failure("cancellation: canceled job " + std::to_string(id) + " ran anyway");
    if (!is_delay && job.is_completed_successfully() && ran.runs(id) != 1)
      throw Failure("cancellation: job " + std::to_string(id) + " ran " + std::to_string(ran.runs(id)) + " times");
    if (job.is_canceled())
      ++totals.canceled;
    else
      ++totals.tasks;
  }
  canceler.join();
  disposer.get();
  registrations.clear();
  for (std::size_t id = 0; id < callback_count; ++id) {
    std::uint32_t runs = called.runs(id);
    bool may_be_skipped = id < disposed;
    if (runs > 1 || (runs == 0 && !may_be_skipped))
      throw Failure("cancellation: callback " + std::to_string(id) + " ran " + std::to_string(runs) + " times");
  }
  totals.callbacks += callback_count;
  round.watchdog.tick();
}

void run_blocking_get(RoundContext &round, Totals &totals) {
  std::size_t outer = pick(round.random, 1, 8);
  std::size_t inner = pick(round.random, 1, 8);
  Ledger ledger(outer * inner);
  std::vector<vt::Task<std::size_t>> outers;
  for (std::size_t o = 0; o < outer; ++o)
    outers.push_back(round.pool.run([&, o] {
      std::size_t done = 0;
      for (std::size_t i = 0; i < inner; ++i)
        done += round.pool
                    .run([&, id = o * inner + i] {
                      ledger.record(id);
                      round.watchdog.tick();
                      return std::size_t{1};
                    })
                    .get(); // Blocks a worker: it must run queued work meanwhile.
      return done;
    }));
  std::vector<std::size_t> counts = vt::when_all(std::move(outers)).get();
  if (std::accumulate(counts.begin(), counts.end(), std::size_t{0}) != outer * inner)
    throw Failure("blocking get: wrong count of inner results");
  expect_each_ran_once(ledger, "blocking get");
  totals.tasks += outer * inner;
}

} // namespace soak
