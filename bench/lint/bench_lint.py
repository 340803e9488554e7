#!/usr/bin/env python3
"""Lint cost benchmarks (issue 5, "Lint cost"; issue 4, "Speed").

    python3 bench/lint/bench_lint.py --build BUILD          # full run (20 TUs, median of 5)
    python3 bench/lint/bench_lint.py --build BUILD --smoke  # 2 TUs, 1 repetition (make test)

Needs BUILD/bin/vtlint and BUILD/lib/libvaluetask-tidy.so (`make build
BUILD=BUILD`). Writes BUILD/bench/rows/lint.json (the rows the bench harness
turns into docs/benchmarks.md) and prints the same figures as a table.

What is compared, on the same generated translation units (generate_units.py,
written to BUILD/bench/lint-units with their compile_commands.json):
  1. vtlint with the five checks vs `clang++-19 -fsyntax-only`, one file per
     process: the total, the file with the median ratio, the worst file;
  2. clang-tidy-19 with our plugin (`--checks=-*,valuetask-*`) vs clang-tidy-19
     with one trivial built-in check (misc-unused-alias-decls), same files;
  3. `vtlint -j2` vs `vtlint -j1` over the whole 20-file project.
The tools run interleaved (A B C D, then B C D A, ...) so that load from
other processes on this shared machine falls on all of them alike; each
figure is the median of the repetitions. Wall time is what the targets are
stated in; CPU time (user + system of the child) is reported beside it,
because it is far less sensitive to other processes on a busy machine.
Every timed run's output is checked (vtlint and the plugin must report the
unit's five planted mistakes, one per check; -fsyntax-only must succeed), so a broken tool
cannot pass for a fast one. Timing is never asserted: the rows
say whether each target was met.
"""

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate_units  # noqa: E402
sys.path.insert(0, os.path.dirname(HERE))
import build_tools  # noqa: E402

SOURCE_ROOT = os.path.dirname(os.path.dirname(HERE))
RUNTIME_INCLUDE = os.path.join(SOURCE_ROOT, "runtime", "include")
# Set in main() from the build: its compiler and its LLVM's clang-tidy.
CLANG = "clang++-19"
CLANG_TIDY = "clang-tidy-19"
TRIVIAL_CHECK = "misc-unused-alias-decls"
# generate_units.MISUSE_BLOCK plants one mistake for each of these checks.
PLANTED = ("valuetask-always-async", "valuetask-double-await",
           "valuetask-result-before-completion", "valuetask-stored",
           "valuetask-unawaited")


class BenchError(Exception):
    pass


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_timed(argv, cwd):
    """Runs argv to completion; returns (wall s, cpu s, exit code, stdout).
    CPU time is the growth of the reaped children's rusage: the runs are
    sequential, so it is exactly this child's."""
    cpu_before = children_cpu()
    start = time.perf_counter()
    process = subprocess.run(argv, cwd=cwd, stdin=subprocess.DEVNULL,
                             capture_output=True, text=True)
    wall = time.perf_counter() - start
    cpu = children_cpu() - cpu_before
    return wall, cpu, process.returncode, process.stdout, process.stderr


def findings_by_check(output):
    counts = {}
    for line in output.splitlines():
        if " warning: " in line and line.endswith("]") and "[valuetask-" in line:
            check = line[line.rindex("[") + 1:-1]
            counts[check] = counts.get(check, 0) + 1
    return counts


class Tool:
    """One command line per file, with the exit codes that mean success and
    the findings the output must hold: {check: count} of the planted checks
    (other checks may add findings of their own), or None: not checked."""

    def __init__(self, name, label, argv_for, ok_codes, expected_findings):
        self.name = name
        self.label = label
        self.argv_for = argv_for
        self.ok_codes = ok_codes
        self.expected_findings = expected_findings

    def time(self, path, cwd):
        """Every timed run is checked, so a broken tool cannot pass for a
        fast one: the exit code, and the findings the checks must report."""
        wall, cpu, code, out, err = run_timed(self.argv_for(path), cwd)
        if code not in self.ok_codes:
            first = (err or out).strip().splitlines()[:1]
            raise BenchError(f"{self.name} failed on {path} (exit {code}): {first}")
        if self.expected_findings is not None:
            found = findings_by_check(out)
            wrong = {c: found.get(c, 0) for c, n in self.expected_findings.items()
                     if found.get(c, 0) != n}
            if wrong:
                raise BenchError(f"{self.name} on {path}: findings per check {wrong}, "
                                 f"expected {self.expected_findings}")
        return wall, cpu


def make_tools(build, units_dir, vtlint_only=False):
    vtlint = os.path.join(build, "bin", "vtlint")
    plugin = os.path.join(build, "lib", "libvaluetask-tidy.so")
    for needed in (vtlint, CLANG) if vtlint_only else (vtlint, plugin, CLANG, CLANG_TIDY):
        if not os.path.exists(needed):
            raise BenchError(f"missing {needed} (run `make build BUILD={build}` first)")
    flags = ["-std=c++20", f"-I{RUNTIME_INCLUDE}"]
    return [
        Tool("syntax", "clang++-19 -fsyntax-only",
             lambda p: [CLANG, *flags, "-fsyntax-only", "-Wno-unused-result", p], (0,), None),
        # vtlint exits 1 when it reports findings, which every unit has.
        Tool("vtlint", "vtlint (valuetask-*)",
             lambda p: [vtlint, "-p", units_dir, "-j", "1", "--quiet", p], (1,),
             dict.fromkeys(PLANTED, 1)),
        Tool("tidy-plugin", "clang-tidy-19 + valuetask-*",
             lambda p: [CLANG_TIDY, f"--load={plugin}", "--checks=-*,valuetask-*", "--quiet",
                        "-p", units_dir, p], (0,), dict.fromkeys(PLANTED, 1)),
        Tool("tidy-trivial", f"clang-tidy-19 + {TRIVIAL_CHECK}",
             lambda p: [CLANG_TIDY, f"--checks=-*,{TRIVIAL_CHECK}", "--quiet",
                        "-p", units_dir, p], (0,), dict.fromkeys(PLANTED, 0)),
    ], vtlint


def measure_per_file(tools, paths, repetitions, cwd):
    """{tool name: [(median wall, median cpu) per file]}, runs interleaved."""
    samples = {t.name: [([], []) for _ in paths] for t in tools}
    for rep in range(repetitions):
        order = tools[rep % len(tools):] + tools[:rep % len(tools)]
        for index, path in enumerate(paths):
            for tool in order:
                wall, cpu = tool.time(path, cwd)
                samples[tool.name][index][0].append(wall)
                samples[tool.name][index][1].append(cpu)
    return {name: [(statistics.median(w), statistics.median(c)) for w, c in per_file]
            for name, per_file in samples.items()}


def load_average():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def measure_parallel(vtlint, units_dir, repetitions):
    """Median wall time of `vtlint -p units_dir` over every file, -j1 and -j2,
    and the mean load average around the runs: -j2 can only be twice as fast
    when the machine has a second core to spare."""
    loads = [load_average()]
    times = {1: [], 2: []}
    for rep in range(repetitions):
        for jobs in ((1, 2) if rep % 2 == 0 else (2, 1)):
            wall, _, code, _, _ = run_timed([vtlint, "-p", units_dir, "-j", str(jobs), "--quiet"], units_dir)
            if code != 1:
                raise BenchError(f"vtlint -j{jobs} over the project exited {code}, expected 1")
            times[jobs].append(wall)
        loads.append(load_average())
    return statistics.median(times[1]), statistics.median(times[2]), statistics.mean(loads)


def measure_cache_and_diff(vtlint, units_dir, repetitions):
    """Median wall times over the whole project, -j2: a cold run into an
    empty --cache-dir against a warm run (every unit a hit); and --diff=HEAD
    after one file changed (a line added, so the unit is analysed) against a
    full run. The diff runs in a git repository made of the units."""
    cold, warm = [], []
    cache = os.path.join(units_dir, ".bench-cache")
    for _ in range(repetitions):
        shutil.rmtree(cache, ignore_errors=True)
        for times in (cold, warm):
            wall, _, code, out, err = run_timed([vtlint, "-p", units_dir, "-j", "2",
                                                 f"--cache-dir={cache}"], units_dir)
            if code != 1:
                raise BenchError(f"vtlint --cache-dir exited {code}, expected 1: {err}")
            times.append(wall)
        if "from the cache)" not in out.strip().splitlines()[-1]:
            raise BenchError(f"the warm run replayed nothing: {out.strip().splitlines()[-1]}")
    shutil.rmtree(cache, ignore_errors=True)

    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost"]
    if not os.path.isdir(os.path.join(units_dir, ".git")):
        subprocess.run(git + ["init", "-q"], cwd=units_dir, check=True)
    subprocess.run(git + ["add", "-A"], cwd=units_dir, check=True)
    subprocess.run(git + ["commit", "-qm", "units", "--allow-empty"], cwd=units_dir, check=True)
    changed = sorted(f for f in os.listdir(units_dir) if f.endswith(".cpp"))[0]
    original = open(os.path.join(units_dir, changed)).read()
    diff, full = [], []
    try:
        with open(os.path.join(units_dir, changed), "a") as f:
            f.write("int bench_changed_line() { return 1; }\n")
        for _ in range(repetitions):
            wall, _, code, out, err = run_timed([vtlint, "-p", units_dir, "-j", "2",
                                                 "--diff=HEAD"], units_dir)
            if code != 0 or "of 1 file (1 analysed" not in out:
                raise BenchError(f"vtlint --diff=HEAD exited {code}: {out.strip()} {err.strip()}")
            diff.append(wall)
            wall, _, code, _, _ = run_timed([vtlint, "-p", units_dir, "-j", "2", "--quiet"],
                                            units_dir)
            if code != 1:
                raise BenchError(f"vtlint over the project exited {code}, expected 1")
            full.append(wall)
    finally:
        with open(os.path.join(units_dir, changed), "w") as f:
            f.write(original)
    return (statistics.median(cold), statistics.median(warm),
            statistics.median(diff), statistics.median(full))


def cache_and_diff_rows(measured, units, repetitions):
    cold, warm, diff, full = measured
    reps = f"median of {repetitions}, -j2"
    return [
        row(f"{units}-file project, warm cache against cold ({reps})",
            "vtlint, every unit a hit", warm, "vtlint, empty --cache-dir", cold, "s",
            "cold/warm >= 20 (issue 13)", cold >= 20 * warm),
        row(f"{units}-file project, one file changed ({reps})",
            "vtlint --diff=HEAD", diff, "vtlint, every file", full, "s",
            "full/diff >= 5 (issue 13)", full >= 5 * diff),
    ]


def row(case, ours_label, ours, peer_label, peer, unit, target, met):
    return {"group": "Lint cost", "case": case, "ours_label": ours_label, "ours": round(ours, 4),
            "peer_label": peer_label, "peer": round(peer, 4), "unit": unit,
            "lower_is_better": True, "target": target, "met": bool(met)}


def median_file(ratios):
    """Index of the file whose ratio is the median (the upper one when even)."""
    ranked = sorted(range(len(ratios)), key=lambda i: ratios[i])
    return ranked[len(ranked) // 2]


def build_rows(tools, per_file, parallel, units, repetitions):
    labels = {t.name: t.label for t in tools}
    rows = []
    total = lambda name, k: sum(f[k] for f in per_file[name])  # noqa: E731
    reps = f"median of {repetitions}"

    for kind, k in (("wall", 0), ("CPU", 1)):
        ours, peer = total("vtlint", k), total("syntax", k)
        rows.append(row(f"{units} TUs one at a time, total {kind} time ({reps})",
                        labels["vtlint"], ours, labels["syntax"], peer, "s",
                        "ratio <= 1.10", ours <= 1.10 * peer))
        ratios = [ours_file[k] / peer_file[k]
                  for ours_file, peer_file in zip(per_file["vtlint"], per_file["syntax"])]
        mid = median_file(ratios)
        rows.append(row(f"median file of {units}, {kind} time ({reps})",
                        labels["vtlint"], per_file["vtlint"][mid][k], labels["syntax"],
                        per_file["syntax"][mid][k], "s", "ratio <= 1.10", ratios[mid] <= 1.10))
        worst = max(range(len(ratios)), key=lambda i: ratios[i])
        rows.append(row(f"worst file of {units}, {kind} time ({reps})",
                        labels["vtlint"], per_file["vtlint"][worst][k], labels["syntax"],
                        per_file["syntax"][worst][k], "s", "ratio <= 1.15 (issue 4)",
                        ratios[worst] <= 1.15))
        ours, peer = total("tidy-plugin", k), total("tidy-trivial", k)
        rows.append(row(f"{units} TUs one at a time, total {kind} time ({reps})",
                        labels["tidy-plugin"], ours, labels["tidy-trivial"], peer, "s",
                        "ratio <= 1.10", ours <= 1.10 * peer))

    j1, j2, load = parallel
    rows.append(row(f"{units}-file project, wall time ({reps}; load average {load:.1f} "
                    f"on {os.cpu_count()} cores)", "vtlint -j2", j2,
                    "vtlint -j1", j1, "s", "-j1/-j2 >= 1.8", j1 >= 1.8 * j2))
    return rows


def print_table(rows):
    print(f"{'case':<52} {'ours':>28} {'peer':>38} {'ratio':>6}  target")
    for r in rows:
        ratio = r["ours"] / r["peer"] if r["peer"] else float("inf")
        print(f"{r['case']:<52} {r['ours_label']:>19} {r['ours']:7.3f}s "
              f"{r['peer_label']:>29} {r['peer']:7.3f}s {ratio:6.3f}  "
              f"{r['target']} {'met' if r['met'] else 'MISSED'}")


def main():
    parser = argparse.ArgumentParser(description="vtlint lint-cost benchmarks (issue 5, 4)")
    parser.add_argument("--build", required=True, help="build directory with bin/vtlint")
    parser.add_argument("--smoke", action="store_true", help="2 TUs, 1 repetition")
    parser.add_argument("--units", type=int, default=20)
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--blocks", type=int, default=6, help="code blocks per unit")
    parser.add_argument("--only-cache-diff", action="store_true",
                        help="only the result-cache and --diff rows (issue 13)")
    args = parser.parse_args()
    if args.smoke:
        args.units, args.repetitions = 2, 1
    if args.units < 1 or args.repetitions < 1 or args.blocks < 1:
        print("bench_lint.py: --units, --repetitions and --blocks must be at least 1",
              file=sys.stderr)
        return 2

    build = os.path.abspath(args.build)
    global CLANG, CLANG_TIDY
    CLANG = build_tools.cxx_compiler(build, CLANG)
    CLANG_TIDY = build_tools.llvm_tool(build, "clang-tidy", CLANG_TIDY)
    # A directory per size: its database lists exactly the units measured.
    units_dir = os.path.join(build, "bench", "lint-units", f"{args.units}x{args.blocks}")
    rows_path = os.path.join(build, "bench", "rows", "lint.json")
    try:
        tools, vtlint = make_tools(build, units_dir, vtlint_only=args.only_cache_diff)
        paths = generate_units.generate(units_dir, args.units, args.blocks, RUNTIME_INCLUDE, CLANG)
        rows = []
        if not args.only_cache_diff:
            per_file = measure_per_file(tools, paths, args.repetitions, units_dir)
            parallel = measure_parallel(vtlint, units_dir, args.repetitions)
            rows = build_rows(tools, per_file, parallel, args.units, args.repetitions)
        rows += cache_and_diff_rows(measure_cache_and_diff(vtlint, units_dir, args.repetitions),
                                    args.units, args.repetitions)
    except BenchError as error:
        print(f"bench_lint.py: {error}", file=sys.stderr)
        return 2

    os.makedirs(os.path.dirname(rows_path), exist_ok=True)
    temporary = rows_path + ".tmp"
    with open(temporary, "w") as f:
        json.dump({"rows": rows}, f, indent=2)
        f.write("\n")
    os.replace(temporary, rows_path)
    print_table(rows)
    print(f"rows written to {rows_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
