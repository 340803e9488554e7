#!/usr/bin/env python3
"""Writes N translation units that use vt value tasks heavily, for the lint
benchmarks, plus the compile_commands.json that lists them.

Every unit includes <vt/vt.hpp> and a handful of standard headers (so the
parse costs what a real source file's parse costs) and then repeats, under
distinct names, every pattern the valuetask-* checks look at: cached value
tasks with a synchronous fast path, coroutines awaiting them in loops and in
try/catch, function templates and class templates over value tasks, lambdas
that are coroutines, cancellation, when_all over as_task(), and manual-reset
sources. Most code is correct; each unit also holds one example of each
mistake the checks report, so the diagnostic paths are exercised too.

The output is a pure function of the arguments: the same N and block count
always give byte-identical files (no clock, no randomness).

    generate_units.py --out DIR --units 20 --blocks 6 --include RUNTIME_INCLUDE
"""

import argparse
import json
import os
import sys

HEADERS = """\
#include <vt/vt.hpp>

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>
"""

# One block of correct code. {u} is the unit number, {b} the block number:
# every name carries both, so blocks never clash and no two units are alike.
CORRECT_BLOCK = """\
/// A cache whose lookups usually hit: a ready ValueTask, no allocation.
class Cache{b} {{
public:
  vt::ValueTask<int> lookup(int key) {{
    if (auto hit = values_.find(key); hit != values_.end())
      return vt::ValueTask<int>(hit->second);
    return vt::ValueTask<int>(load(key));
  }}

  vt::ValueTask<std::string> name_of(int key) {{
    if (auto hit = names_.find(key); hit != names_.end())
      return vt::ValueTask<std::string>(hit->second);
    names_[key] = "item-" + std::to_string(key + {u});
    return vt::ValueTask<std::string>(names_[key]);
  }}

private:
  vt::Task<int> load(int key) {{
    co_await vt::yield();
    values_[key] = key * {u} + {b};
    co_return values_[key];
  }}

  std::unordered_map<int, int> values_;
  std::map<int, std::string> names_;
}};

/// Awaits a value task per iteration: each one consumed exactly once.
vt::Task<long> sum_keys_{b}(Cache{b} &cache, std::vector<int> keys) {{
  long total = 0;
  for (int key : keys) {{
    vt::ValueTask<int> value = cache.lookup(key);
    total += co_await value;
  }}
  for (std::size_t i = 0; i < keys.size(); ++i)
    total += co_await cache.lookup(keys[i] + 1);
  co_return total;
}}

/// Reads a ready result without suspending, awaits otherwise.
vt::Task<std::string> describe_{b}(Cache{b} &cache, int key) {{
  vt::ValueTask<std::string> name = cache.name_of(key);
  std::string text;
  if (name.is_completed())
    text = name.result();
  else
    text = co_await name;
  co_return text + "/" + std::to_string({b});
}}

/// Errors from an awaited value task are caught like any exception.
vt::Task<int> guarded_{b}(Cache{b} &cache, int key) {{
  try {{
    int value = co_await cache.lookup(key);
    if (value < 0)
      throw std::runtime_error("negative");
    co_return value;
  }} catch (const vt::InvalidOperationError &error) {{
    co_return -1;
  }} catch (const std::exception &error) {{
    co_return -2;
  }}
}}

/// A value task coroutine that completes synchronously on one path.
vt::ValueTask<int> maybe_load_{b}(Cache{b} &cache, std::optional<int> known, int key) {{
  if (known)
    co_return *known + {b};
  int loaded = co_await cache.lookup(key);
  co_return loaded;
}}

/// Function templates over value tasks.
template <typename T>
vt::Task<T> relay_{b}(vt::ValueTask<T> value) {{
  T result = co_await std::move(value);
  co_return result;
}}

template <typename T, typename F>
vt::Task<std::vector<T>> map_all_{b}(std::vector<int> keys, F make) {{
  std::vector<T> out;
  out.reserve(keys.size());
  for (int key : keys) {{
    vt::ValueTask<T> next = make(key);
    out.push_back(co_await next);
  }}
  std::sort(out.begin(), out.end());
  co_return out;
}}

/// A class template holding a source, not a value task.
template <typename T>
class Channel{b} {{
public:
  vt::ValueTask<T> receive() {{ return source_.value_task(); }}
  void send(T value) {{ source_.set_result(std::move(value)); }}
  void reset() {{ source_.reset(); }}

private:
  vt::ManualResetValueTaskSource<T> source_;
}};

vt::Task<int> drain_{b}(Channel{b}<int> &channel, int count) {{
  int total = 0;
  for (int i = 0; i < count; ++i) {{
    total += co_await channel.receive();
    channel.reset();
  }}
  co_return total;
}}

/// Lambdas that are coroutines, called and awaited at once.
vt::Task<int> lambdas_{b}(Cache{b} &cache) {{
  auto twice = [&cache](int key) -> vt::ValueTask<int> {{
    int value = co_await cache.lookup(key);
    co_return value * 2;
  }};
  auto plus = [](int a, int b) -> vt::Task<int> {{ co_return a + b; }};
  int first = co_await twice({b});
  int second = co_await plus(first, {u});
  std::function<int(int)> square = [](int x) {{ return x * x; }};
  co_return square(second);
}}

/// Cancellation threaded through a loop of awaits.
vt::Task<int> cancellable_{b}(Cache{b} &cache, vt::CancellationToken token) {{
  int total = 0;
  auto registration = token.register_callback([&total] {{ total = -1; }});
  for (int key = 0; key < {b} + 3; ++key) {{
    token.throw_if_cancellation_requested();
    total += co_await cache.lookup(key);
  }}
  co_return total;
}}

/// as_task() when a value task must be awaited by several parties.
vt::Task<int> fan_out_{b}(Cache{b} &cache) {{
  std::vector<vt::Task<int>> tasks;
  for (int key = 0; key < 4; ++key)
    tasks.push_back(cache.lookup(key).as_task());
  std::vector<int> values = co_await vt::when_all(std::move(tasks));
  co_return std::accumulate(values.begin(), values.end(), 0);
}}

/// A value task returned by a member that forwards, unawaited by design.
struct Facade{b} {{
  Cache{b} &cache;
  vt::ValueTask<int> get(int key) {{ return cache.lookup(key); }}
  vt::ValueTask<int> get_or(int key, int fallback) {{
    if (key < 0)
      return vt::ValueTask<int>(fallback);
    return get(key);
  }}
}};

/// Instantiates the templates above, so their specializations are analysed.
vt::Task<std::size_t> use_templates_{b}(Cache{b} &cache, Channel{b}<int> &channel) {{
  int relayed = co_await relay_{b}<int>(cache.lookup({u}));
  std::string named = co_await relay_{b}<std::string>(cache.name_of(relayed));
  std::vector<int> mapped = co_await map_all_{b}<int>(
      {{1, 2, 3}}, [&cache](int key) {{ return cache.lookup(key); }});
  int drained = co_await drain_{b}(channel, 2);
  co_return named.size() + mapped.size() + static_cast<std::size_t>(drained);
}}

"""

# One example of each mistake the checks report, once per unit.
MISUSE_BLOCK = """\
/// valuetask-double-await
vt::Task<int> misuse_double_await(Cache0 &cache) {{
  vt::ValueTask<int> value = cache.lookup({u});
  int first = co_await value;
  int second = co_await value;
  co_return first + second;
}}

/// valuetask-unawaited
vt::Task<> misuse_unawaited(Cache0 &cache) {{
  cache.lookup({u});
  co_return;
}}

/// valuetask-result-before-completion
int misuse_result_now(Cache0 &cache) {{
  vt::ValueTask<int> value = cache.lookup({u});
  return value.result();
}}

/// valuetask-stored
class MisuseStored {{
public:
  explicit MisuseStored(Cache0 &cache) : pending_(cache.lookup({u})) {{}}

private:
  vt::ValueTask<int> pending_;
}};

/// valuetask-always-async
vt::ValueTask<int> misuse_always_async(int key) {{
  co_await vt::yield();
  co_return key;
}}

"""


def unit_text(unit, blocks):
    parts = [f"// Generated by bench/lint/generate_units.py: unit {unit}.\n", HEADERS,
             f"\nnamespace bench_unit_{unit} {{\n\n"]
    for block in range(blocks):
        parts.append(CORRECT_BLOCK.format(u=unit, b=block))
    parts.append(MISUSE_BLOCK.format(u=unit))
    parts.append(f"}} // namespace bench_unit_{unit}\n")
    return "".join(parts)


def compile_command(directory, path, include, compiler):
    return {
        "directory": directory,
        "file": path,
        "arguments": [compiler, "-std=c++20", f"-I{include}", "-c", path,
                      "-o", os.path.splitext(path)[0] + ".o"],
    }


def generate(out, units, blocks, include, compiler):
    """Writes the units and compile_commands.json; returns the unit paths."""
    os.makedirs(out, exist_ok=True)
    out = os.path.abspath(out)
    paths = []
    for unit in range(units):
        path = os.path.join(out, f"unit_{unit:02d}.cpp")
        text = unit_text(unit, blocks)
        # Rewrite only on change, so re-running the bench keeps timestamps.
        if not os.path.exists(path) or open(path).read() != text:
            with open(path, "w") as f:
                f.write(text)
        paths.append(path)
    database = [compile_command(out, p, os.path.abspath(include), compiler) for p in paths]
    with open(os.path.join(out, "compile_commands.json"), "w") as f:
        json.dump(database, f, indent=2)
    return paths


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="directory to write the units into")
    parser.add_argument("--units", type=int, default=20)
    parser.add_argument("--blocks", type=int, default=6,
                        help="copies of the correct-code block per unit")
    parser.add_argument("--include", required=True, help="the vt runtime's include directory")
    parser.add_argument("--compiler", default="clang++-19")
    args = parser.parse_args()
    if args.units < 1 or args.blocks < 1:
        print("generate_units.py: --units and --blocks must be at least 1", file=sys.stderr)
        return 2
    for path in generate(args.out, args.units, args.blocks, args.include, args.compiler):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
