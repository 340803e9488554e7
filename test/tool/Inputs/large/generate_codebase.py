#!/usr/bin/env python3
"""Generates a code base for vtlint to analyse: FILES translation units of
FUNCTIONS functions each, cycling through every value-task pattern the checks
know (correct and incorrect), spelled through templates, lambdas and macros,
plus a compile_commands.json. Deterministic: the same arguments give the same
files, so the findings count is stable.

usage: generate_codebase.py OUT_DIR RUNTIME_INCLUDE [--files N] [--functions N]
"""
import argparse
import json
import os

PRELUDE = """\
#include <vt/vt.hpp>
#include <chrono>
#include <utility>
#include <vector>

#define AWAIT(expression) co_await (expression)
#define DISCARD_CALL(call) call
#define FETCH_TWICE(task) (co_await task) + (co_await task)

namespace unit{unit} {{

vt::ValueTask<int> fetch(int key);
vt::Task<int> load(int key);
bool ready();

template <typename Fetch>
vt::ValueTask<int> await_through(Fetch fetch_value, int key) {{
  co_return co_await fetch_value(key);
}}

struct Holder{unit} {{
  vt::ValueTask<int> kept_;
}};
"""

# Each pattern is a function body template; {n} is the function's number.
# The comment says whether the checks should report it.
PATTERNS = [
    # correct: awaited once
    """vt::ValueTask<int> f{n}(int key) {{
  int value = co_await fetch(key + {n});
  co_return value + 1;
}}
""",
    # double await (valuetask-double-await)
    """vt::ValueTask<int> f{n}(int key) {{
  auto task = fetch(key);
  int first = co_await task;
  if (ready())
    first += co_await task;
  co_return first;
}}
""",
    # discarded call (valuetask-unawaited)
    """void f{n}(int key) {{
  fetch(key * {n});
}}
""",
    # result() without a completion check (valuetask-result-before-completion)
    """int f{n}(int key) {{
  auto task = fetch(key);
  return task.result();
}}
""",
    # result() after is_completed(): correct
    """vt::ValueTask<int> f{n}(int key) {{
  auto task = fetch(key);
  if (task.is_completed())
    co_return task.result();
  co_return co_await std::move(task);
}}
""",
    # template over a callable: correct, instantiated with a lambda
    """vt::ValueTask<int> f{n}(int key) {{
  co_return co_await await_through([](int k) {{ return fetch(k); }}, key + {n});
}}
""",
    # coroutine lambda, awaited: correct
    """vt::ValueTask<int> f{n}(int key) {{
  auto twice = [](int k) -> vt::ValueTask<int> {{ co_return 2 * co_await fetch(k); }};
  co_return co_await twice(key);
}}
""",
    # awaits through a macro: correct
    """vt::ValueTask<int> f{n}(int key) {{
  int value = AWAIT(fetch(key));
  co_return value;
}}
""",
    # a discarded call spelled through a macro (valuetask-unawaited)
    """void f{n}(int key) {{
  DISCARD_CALL(fetch(key));
}}
""",
    # always suspends first (valuetask-always-async)
    """vt::ValueTask<int> f{n}(int key) {{
  int loaded = co_await load(key);
  co_return loaded + {n};
}}
""",
    # when_all over tasks: correct
    """vt::Task<int> f{n}(int key) {{
  std::vector<vt::Task<int>> parts;
  for (int i = 0; i < 3; ++i)
    parts.push_back(load(key + i));
  std::vector<int> values = co_await vt::when_all(std::move(parts));
  co_return values[0] + values[1] + values[2];
}}
""",
    # a template function template misusing its value task (double await)
    """template <typename T>
vt::ValueTask<T> f{n}(vt::ValueTask<T> task) {{
  T first = co_await task;
  co_return first + co_await task;
}}
template vt::ValueTask<int> f{n}<int>(vt::ValueTask<int>);
""",
    # a value task kept in a local and consumed once through as_task: correct
    """vt::Task<int> f{n}(int key) {{
  vt::Task<int> shared = fetch(key).as_task();
  int a = co_await shared;
  int b = co_await shared;
  co_return a + b;
}}
""",
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("runtime_include")
    parser.add_argument("--files", type=int, default=30)
    parser.add_argument("--functions", type=int, default=13)
    args = parser.parse_args()
    args.out = os.path.abspath(args.out)

    source_dir = os.path.join(args.out, "src")
    os.makedirs(source_dir, exist_ok=True)
    commands = []
    for unit in range(args.files):
        parts = [PRELUDE.format(unit=unit)]
        for index in range(args.functions):
            number = unit * args.functions + index
            # Rotate the start so every file mixes the patterns differently.
            pattern = PATTERNS[(index + unit) % len(PATTERNS)]
            parts.append(pattern.format(n=number))
        parts.append("}} // namespace unit{unit}\n".format(unit=unit))
        name = f"unit{unit}.cpp"
        with open(os.path.join(source_dir, name), "w", encoding="utf-8") as out:
            out.write("\n".join(parts))
        commands.append({
            "directory": args.out,
            "file": f"src/{name}",
            "arguments": ["clang++", "-std=c++20", f"-I{args.runtime_include}", "-c", f"src/{name}"],
        })
    with open(os.path.join(args.out, "compile_commands.json"), "w", encoding="utf-8") as out:
        json.dump(commands, out, indent=1)
    print(f"generated {args.files} files, {args.files * args.functions} functions")


if __name__ == "__main__":
    main()
