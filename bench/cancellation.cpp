// Issue 5, benchmark 5: cancellation, against the standard library's
// std::stop_source / std::stop_callback (the C++20 analogue).
//   register_dispose  register a callback and dispose of the registration;
//   cancel_1000       cancel() a source with 1,000 registered callbacks
//                     (registration is outside the timed part);
//   linked            create and destroy a source linked to a parent (the
//                     standard library has no linked source: a stop_source
//                     plus a stop_callback on the parent that forwards).
#include <vt/vt.hpp>

#include <memory>
#include <stop_token>
#include <vector>

#include "common/alloc_counter.hpp"
#include "common/bench_main.hpp"

namespace {

void register_dispose_vt(benchmark::State &state) {
  vt::CancellationTokenSource source;
  vt::CancellationToken token = source.token();
  bench::AllocMeter meter;
  for (auto _ : state) {
    vt::CancellationRegistration registration = token.register_callback([] {});
    benchmark::DoNotOptimize(registration);
  }
  auto used = meter.since_start();
  bench::set_per_op(state, 1, used.allocations, used.bytes);
}

void register_dispose_std(benchmark::State &state) {
  std::stop_source source;
  std::stop_token token = source.get_token();
  auto noop = [] {};
  bench::AllocMeter meter;
  for (auto _ : state) {
    std::stop_callback<decltype(noop)> registration(token, noop);
    benchmark::DoNotOptimize(registration);
  }
  auto used = meter.since_start();
  bench::set_per_op(state, 1, used.allocations, used.bytes);
}

int callback_count() { return static_cast<int>(bench::size(1'000, 10)); }

void cancel_1000_vt(benchmark::State &state) {
  long fired = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto source = std::make_unique<vt::CancellationTokenSource>();
    std::vector<vt::CancellationRegistration> registrations;
    registrations.reserve(callback_count());
    for (int i = 0; i < callback_count(); ++i)
      registrations.push_back(source->token().register_callback([&fired] { ++fired; }));
    state.ResumeTiming();
    source->cancel();
    state.PauseTiming();
    registrations.clear();
    source.reset();
    state.ResumeTiming();
  }
  if (fired != callback_count() * static_cast<long>(state.iterations()))
    state.SkipWithError("not every callback ran");
  state.counters["ops"] = callback_count();
}

void cancel_1000_std(benchmark::State &state) {
  long fired = 0;
  auto count_one = [&fired] { ++fired; };
  using Callback = std::stop_callback<decltype(count_one)>;
  for (auto _ : state) {
    state.PauseTiming();
    auto source = std::make_unique<std::stop_source>();
    std::vector<std::unique_ptr<Callback>> registrations;
    registrations.reserve(callback_count());
    for (int i = 0; i < callback_count(); ++i)
      registrations.push_back(std::make_unique<Callback>(source->get_token(), count_one));
    state.ResumeTiming();
    source->request_stop();
    state.PauseTiming();
    registrations.clear();
    source.reset();
    state.ResumeTiming();
  }
  if (fired != callback_count() * static_cast<long>(state.iterations()))
    state.SkipWithError("not every callback ran");
  state.counters["ops"] = callback_count();
}

void linked_vt(benchmark::State &state) {
  vt::CancellationTokenSource parent;
  bench::AllocMeter meter;
  for (auto _ : state) {
    vt::CancellationTokenSource linked = vt::CancellationTokenSource::create_linked({parent.token()});
    benchmark::DoNotOptimize(linked);
  }
  auto used = meter.since_start();
  bench::set_per_op(state, 1, used.allocations, used.bytes);
}

void linked_std(benchmark::State &state) {
  std::stop_source parent;
  bench::AllocMeter meter;
  for (auto _ : state) {
    std::stop_source linked;
    auto forward = [&linked] { linked.request_stop(); };
    std::stop_callback<decltype(forward)> link(parent.get_token(), forward);
    benchmark::DoNotOptimize(link);
  }
  auto used = meter.since_start();
  bench::set_per_op(state, 1, used.allocations, used.bytes);
}

} // namespace

void bench::register_benchmarks() {
  add("cancellation/register_dispose/vt", register_dispose_vt);
  add("cancellation/register_dispose/std", register_dispose_std);
  add("cancellation/cancel_1000/vt", cancel_1000_vt)->Unit(benchmark::kMicrosecond);
  add("cancellation/cancel_1000/std", cancel_1000_std)->Unit(benchmark::kMicrosecond);
  add("cancellation/linked/vt", linked_vt);
  add("cancellation/linked/std", linked_std);
}
