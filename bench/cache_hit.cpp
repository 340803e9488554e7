// Issue 5, benchmark 1: the seeds' Task-vs-ValueTask table.
//
// The same cache-lookup function in three shapes: a plain function, one
// returning Task<int> (a hit returns vt::from_result, the analogue of .NET's
// Task.FromResult: a task is a shared, reference-counted object), and one
// returning ValueTask<int> (a hit wraps the value inline). Cases:
//   hit/*      one cache hit, consumed at once: ns, allocations, bytes per op;
//   hit_1m/*   1,000,000 hits in a loop (the seeds' 50 ms / 30 MB row);
//   mix80/*    a coroutine awaiting lookups, 80% hits, 20% misses whose
//              path really suspends (co_await vt::yield()) on a one-thread
//              pool.
#include <vt/vt.hpp>

#include <array>

#include "common/alloc_counter.hpp"
#include "common/bench_main.hpp"

namespace {

constexpr int kCacheSize = 1024;

/// A cache where every fifth key is missing (the 80% mix relies on it).
struct Cache {
  Cache() {
    for (int key = 0; key < kCacheSize; ++key)
      values[key] = key * 7;
  }
  bool has(int key) const noexcept { return key % 5 != 0; }
  std::array<int, kCacheSize> values{};
};

const Cache cache;

int slow_compute(int key) noexcept { return key * 7; }

[[gnu::noinline]] int lookup_plain(int key) noexcept { return cache.values[key & (kCacheSize - 1)]; }

vt::Task<int> fetch_task(int key) {
  co_await vt::yield();
  co_return slow_compute(key);
}

vt::ValueTask<int> fetch_value_task(int key) {
  co_await vt::yield();
  co_return slow_compute(key);
}

[[gnu::noinline]] vt::Task<int> lookup_task(int key) {
  if (cache.has(key))
    return vt::from_result(cache.values[key & (kCacheSize - 1)]);
  return fetch_task(key);
}

[[gnu::noinline]] vt::ValueTask<int> lookup_value_task(int key) {
  if (cache.has(key))
    return vt::ValueTask<int>(cache.values[key & (kCacheSize - 1)]);
  return fetch_value_task(key);
}

/// Keys that always hit (never a multiple of 5).
int hit_key(std::int64_t i) noexcept { return static_cast<int>((i % 200) * 5 + 1); }

template <typename Lookup>
void run_hits(benchmark::State &state, std::int64_t per_iteration, Lookup lookup) {
  bench::AllocMeter meter;
  for (auto _ : state) {
    long sum = 0;
    for (std::int64_t i = 0; i < per_iteration; ++i)
      sum += lookup(hit_key(i));
    benchmark::DoNotOptimize(sum);
  }
  auto used = meter.since_start();
  bench::set_per_op(state, static_cast<double>(per_iteration), used.allocations, used.bytes);
}

auto plain = [](int key) { return lookup_plain(key); };
auto via_task = [](int key) { return lookup_task(key).get(); };
auto via_value_task = [](int key) { return lookup_value_task(key).result(); };

void hit_plain(benchmark::State &state) { run_hits(state, 1, plain); }
void hit_task(benchmark::State &state) { run_hits(state, 1, via_task); }
void hit_value_task(benchmark::State &state) { run_hits(state, 1, via_value_task); }

std::int64_t million() { return bench::size(1'000'000, 1'000); }
void hit_1m_plain(benchmark::State &state) { run_hits(state, million(), plain); }
void hit_1m_task(benchmark::State &state) { run_hits(state, million(), via_task); }
void hit_1m_value_task(benchmark::State &state) { run_hits(state, million(), via_value_task); }

vt::Task<long> mix_with_tasks(std::int64_t count) {
  long sum = 0;
  for (std::int64_t i = 0; i < count; ++i)
    sum += co_await lookup_task(static_cast<int>(i % kCacheSize));
  co_return sum;
}

vt::Task<long> mix_with_value_tasks(std::int64_t count) {
  long sum = 0;
  for (std::int64_t i = 0; i < count; ++i)
    sum += co_await lookup_value_task(static_cast<int>(i % kCacheSize));
  co_return sum;
}

template <typename Driver>
void run_mix(benchmark::State &state, Driver driver) {
  const std::int64_t count = bench::size(100'000, 100);
  vt::ThreadPool pool(1);
  pool.run([&] { return driver(count); }).get(); // Warm the frame pool.
  bench::AllocMeter meter;
  for (auto _ : state)
    benchmark::DoNotOptimize(pool.run([&] { return driver(count); }).get());
  auto used = meter.since_start();
  bench::set_per_op(state, static_cast<double>(count), used.allocations, used.bytes);
}

void mix80_task(benchmark::State &state) { run_mix(state, mix_with_tasks); }
void mix80_value_task(benchmark::State &state) { run_mix(state, mix_with_value_tasks); }

} // namespace

void bench::register_benchmarks() {
  add("cache_hit/hit/plain", hit_plain);
  add("cache_hit/hit/task", hit_task);
  add("cache_hit/hit/value_task", hit_value_task);
  add("cache_hit/hit_1m/plain", hit_1m_plain)->Unit(benchmark::kMillisecond);
  add("cache_hit/hit_1m/task", hit_1m_task)->Unit(benchmark::kMillisecond);
  add("cache_hit/hit_1m/value_task", hit_1m_value_task)->Unit(benchmark::kMillisecond);
  add("cache_hit/mix80/task", mix80_task, Clock::real)->Unit(benchmark::kMillisecond);
  add("cache_hit/mix80/value_task", mix80_value_task, Clock::real)->Unit(benchmark::kMillisecond);
}
