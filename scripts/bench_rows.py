#!/usr/bin/env python3
"""Turns the runtime benchmarks' Google Benchmark JSON into report rows.

    bench_rows.py --raw BUILD/bench/raw --out BUILD/bench/rows/runtime.json

Each row pairs one of our figures with the peer's figure from the same run
(same binary, same invocation) and says whether the issue-5 target is met.
The row format is shared with the lint benchmarks (bench/lint/bench_lint.py):
{"group", "case", "ours_label", "ours", "peer_label", "peer", "unit",
 "lower_is_better", "target"?, "met"?}. A figure is null when its benchmark
failed (a wrong answer, say) or did not run; `met` is then false.
"""

import argparse
import glob
import json
import os
import re
import sys

NS_PER_UNIT = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}


def load_results(raw_dir):
    """name (without the /real_time or /iterations suffixes) -> entry.

    With repetitions (make bench) the entry is the median aggregate; a
    single run (--smoke) has only its one iteration entry. Either way the
    entry's "run_name" ends like the benchmark's name (/real_time or not).
    """
    iterations, medians, failed = {}, {}, {}
    for path in sorted(glob.glob(os.path.join(raw_dir, "*.json"))):
        with open(path) as f:
            data = json.load(f)
        for entry in data.get("benchmarks", []):
            run_name = entry.get("run_name", entry["name"])
            name = re.sub(r"(/iterations:\d+)?(/process_time)?(/real_time)?$", "", run_name)
            entry = dict(entry, run_name=run_name)
            run_type = entry.get("run_type", "iteration")
            if run_type == "aggregate" and entry.get("aggregate_name") == "median":
                medians[name] = entry
            elif run_type == "iteration":
                iterations[name] = entry
                if entry.get("error_occurred"):
                    failed[name] = entry  # One failed repetition fails the figure.
    results = {**iterations, **medians, **failed}
    return results


class Figures:
    def __init__(self, results):
        self.results = results

    def entry(self, name):
        entry = self.results.get(name)
        if entry is None or entry.get("error_occurred"):
            return None
        return entry

    def time_ns(self, name):
        """Per iteration: real time for benchmarks timed in real time, else CPU."""
        entry = self.entry(name)
        if entry is None:
            return None
        key = "real_time" if entry["run_name"].endswith("/real_time") else "cpu_time"
        return entry[key] * NS_PER_UNIT[entry.get("time_unit", "ns")]

    def process_cpu_ms(self, name):
        """CPU time of every thread (benchmarks timed in real time only)."""
        entry = self.entry(name)
        if entry is None or not entry["run_name"].endswith("/real_time"):
            return None
        return entry["cpu_time"] * NS_PER_UNIT[entry.get("time_unit", "ns")] / 1e6

    def counter(self, name, counter):
        entry = self.entry(name)
        return None if entry is None else entry.get(counter)

    def ns_per_op(self, name):
        time = self.time_ns(name)
        ops = self.counter(name, "ops") or 1
        return None if time is None else time / ops

    def ms(self, name):
        time = self.time_ns(name)
        return None if time is None else time / 1e6

    def mb_per_iteration(self, name):
        per_op = self.counter(name, "bytes_per_op")
        ops = self.counter(name, "ops")
        return None if per_op is None or ops is None else per_op * ops / 1e6


TARGET = re.compile(r"^(ratio|ours)\s*(<=|<|==)\s*([0-9.]+)$")


def target_met(target, ours, peer):
    match = TARGET.match(target)
    if match is None:
        raise ValueError(f"bad target {target!r}")
    subject, op, bound = match.group(1), match.group(2), float(match.group(3))
    if ours is None or (subject == "ratio" and not peer):
        return False
    value = ours / peer if subject == "ratio" else ours
    return {"<=": value <= bound, "<": value < bound, "==": value == bound}[op]


def row(group, case, unit, ours_label, ours, peer_label=None, peer=None, target=None):
    result = {"group": group, "case": case, "ours_label": ours_label, "ours": ours,
              "peer_label": peer_label, "peer": peer, "unit": unit, "lower_is_better": True}
    if target:
        result["target"] = target
        result["met"] = target_met(target, ours, peer)
    return result


def cache_hit_rows(f):
    g, vt, task, plain = "Cache hit", "ValueTask<T>", "Task<T>", "plain function"
    hit = "cache_hit/hit/"
    return [
        row(g, "cached value vs Task, ns/op", "ns/op", vt, f.ns_per_op(hit + "value_task"),
            task, f.ns_per_op(hit + "task"), "ratio <= 0.1"),
        row(g, "cached value vs plain function, ns/op", "ns/op", vt, f.ns_per_op(hit + "value_task"),
            plain, f.ns_per_op(hit + "plain"), "ratio <= 2"),
        row(g, "cached value, allocations/op", "allocs/op", vt, f.counter(hit + "value_task", "allocs_per_op"),
            task, f.counter(hit + "task", "allocs_per_op"), "ours == 0"),
        row(g, "cached value, bytes/op", "bytes/op", vt, f.counter(hit + "value_task", "bytes_per_op"),
            task, f.counter(hit + "task", "bytes_per_op"), "ours == 0"),
        row(g, "1M cache hits, ms", "ms", vt, f.ms("cache_hit/hit_1m/value_task"),
            task, f.ms("cache_hit/hit_1m/task")),
        row(g, "1M cache hits, MB allocated", "MB", vt, f.mb_per_iteration("cache_hit/hit_1m/value_task"),
            task, f.mb_per_iteration("cache_hit/hit_1m/task"), "ours == 0"),
        row(g, "80% hits + async miss, ns/op", "ns/op", vt, f.ns_per_op("cache_hit/mix80/value_task"),
            task, f.ns_per_op("cache_hit/mix80/task")),
        row(g, "80% hits + async miss, allocations/op", "allocs/op", vt,
            f.counter("cache_hit/mix80/value_task", "allocs_per_op"),
            task, f.counter("cache_hit/mix80/task", "allocs_per_op")),
    ]


def pooled_frame_rows(f):
    g, on, off = "Pooled frames", "pooling on", "pooling off"
    base = "pooled_frames/suspend_resume/"
    return [
        row(g, "async ValueTask (suspends), allocations/op", "allocs/op", on,
            f.counter(base + "pooling_on", "allocs_per_op"), off,
            f.counter(base + "pooling_off", "allocs_per_op"), "ours == 0"),
        row(g, "async ValueTask (suspends), ns/op", "ns/op", on, f.ns_per_op(base + "pooling_on"),
            off, f.ns_per_op(base + "pooling_off")),
    ]


def scheduler_rows(f):
    g, rows = "Scheduler", []
    problems = [("fib", "fib(30)", True), ("skynet", "skynet 1M leaves", True),
                ("nqueens", "nqueens(12)", False)]
    for key, title, targeted in problems:
        ours = f.ms(f"scheduler/{key}/vt")
        rows.append(row(g, f"{title} vs oneTBB, ms", "ms", "vt::ThreadPool", ours, "oneTBB task_group",
                        f.ms(f"scheduler/{key}/tbb"), "ratio <= 1.0" if targeted else None))
        rows.append(row(g, f"{title} vs OpenMP, ms", "ms", "vt::ThreadPool", ours, "OpenMP task",
                        f.ms(f"scheduler/{key}/omp"), "ratio < 1.0" if targeted else None))
        rows.append(row(g, f"{title} vs oneTBB, CPU ms of all threads", "CPU ms", "vt::ThreadPool",
                        f.process_cpu_ms(f"scheduler/{key}/vt"), "oneTBB task_group",
                        f.process_cpu_ms(f"scheduler/{key}/tbb")))
    # The rows above fork with ThreadPool::spawn (the coroutine's own frame
    # is queued); this one forks fib with pool.run(lambda), which adds a
    # wrapper frame per fork: what the same code costs through run().
    rows.append(row(g, "fib(30) forking with pool.run instead of spawn vs oneTBB, ms", "ms",
                    "vt::ThreadPool run()", f.ms("scheduler/fib_run/vt"), "oneTBB task_group",
                    f.ms("scheduler/fib/tbb")))
    chain = f.ns_per_op("scheduler/chain/vt")
    rows.append(row(g, "chained spawn 1,000 hops vs oneTBB, ns/hop", "ns/hop", "vt::ThreadPool", chain,
                    "oneTBB task_group", f.ns_per_op("scheduler/chain/tbb"), "ours <= 200"))
    rows.append(row(g, "chained spawn 1,000 hops vs OpenMP, ns/hop", "ns/hop", "vt::ThreadPool", chain,
                    "OpenMP task", f.ns_per_op("scheduler/chain/omp")))
    many = f.ns_per_op("scheduler/spawn_many/vt")
    rows.append(row(g, "spawn-many 10,000 from outside vs oneTBB, ns/task", "ns/task", "vt::ThreadPool",
                    many, "oneTBB task_group", f.ns_per_op("scheduler/spawn_many/tbb")))
    rows.append(row(g, "spawn-many 10,000 from outside vs OpenMP, ns/task", "ns/task", "vt::ThreadPool",
                    many, "OpenMP task", f.ns_per_op("scheduler/spawn_many/omp"), "ratio <= 1.0"))
    # No peer and no target: the machine's cross-core latency, which sets
    # what a task handed between cores costs (bench/core_round_trip.cpp).
    rows.append(row(g, "machine: one cache line's cross-core round trip, ns", "ns/round",
                    "two pinned threads", f.ns_per_op("scheduler/core_round_trip/machine")))
    rows.append(row(g, "ping-pong between two tasks, ns/round trip", "ns/round", "vt::ThreadPool",
                    f.ns_per_op("scheduler/ping_pong/vt"),
                    "oneTBB task::suspend", f.ns_per_op("scheduler/ping_pong/tbb")))
    rows.append(row(g, "yield-many, ns/yield", "ns/yield", "vt::ThreadPool",
                    f.ns_per_op("scheduler/yield_many/vt"),
                    "oneTBB task::suspend", f.ns_per_op("scheduler/yield_many/tbb")))
    return rows


def task_vs_thread_rows(f):
    return [row("Task vs thread", "start+join 10,000, ms", "ms", "vt task", f.ms("task_vs_thread/start_join/task"),
                "std::thread", f.ms("task_vs_thread/start_join/thread"), "ratio < 1.0")]


def cancellation_rows(f):
    g, vt, std = "Cancellation", "vt", "std::stop_source"
    base = "cancellation/"
    target = "ratio <= 1.0"
    return [
        row(g, "register + dispose, ns/op", "ns/op", vt, f.ns_per_op(base + "register_dispose/vt"),
            std, f.ns_per_op(base + "register_dispose/std"), target),
        row(g, "register + dispose, allocations/op", "allocs/op", vt,
            f.counter(base + "register_dispose/vt", "allocs_per_op"),
            std, f.counter(base + "register_dispose/std", "allocs_per_op"), "ours == 0"),
        row(g, "cancel() with 1,000 callbacks, us", "us", vt,
            _div(f.time_ns(base + "cancel_1000/vt"), 1e3),
            std, _div(f.time_ns(base + "cancel_1000/std"), 1e3), target),
        row(g, "create + destroy a linked source, ns/op", "ns/op", vt, f.ns_per_op(base + "linked/vt"),
            std + " + forwarding stop_callback", f.ns_per_op(base + "linked/std"), target),
    ]


def _div(value, by):
    return None if value is None else value / by


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", required=True, help="directory of Google Benchmark JSON files")
    parser.add_argument("--out", required=True, help="rows file to write")
    args = parser.parse_args()
    if not os.path.isdir(args.raw):
        print(f"bench_rows: no such directory: {args.raw}", file=sys.stderr)
        return 2
    figures = Figures(load_results(args.raw))
    rows = (cache_hit_rows(figures) + pooled_frame_rows(figures) + scheduler_rows(figures)
            + task_vs_thread_rows(figures) + cancellation_rows(figures))
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out + ".tmp", "w") as f:
        json.dump({"rows": rows}, f, indent=2)
    os.replace(args.out + ".tmp", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
