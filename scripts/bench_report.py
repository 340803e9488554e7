#!/usr/bin/env python3
"""Gathers every benchmark rows file into one table and docs/benchmarks.md.

    bench_report.py --rows BUILD/bench/rows [--markdown docs/benchmarks.md]
                    [--charts docs/benchmarks] [--notes bench/profile-notes.md]

Prints the table (group, case, ours, peer, ratio, target, met) to stdout.
With --markdown it also writes the page: the machine (CPU model, cores,
compilers, date), the table, the missed targets with the factor by which
each is missed, the hand-written profile notes (--notes), and PNG charts
drawn with gnuplot (scheduler ratios, cache-hit costs).
"""

import argparse
import datetime
import glob
import json
import os
import re
import platform
import shutil
import subprocess
import sys
import tempfile

COLUMNS = ["group", "case", "ours", "peer", "ratio", "target", "met"]


def load_rows(rows_dir):
    rows = []
    for path in sorted(glob.glob(os.path.join(rows_dir, "*.json"))):
        with open(path) as f:
            try:
                data = json.load(f)
            except json.JSONDecodeError as error:
                raise SystemExit(f"bench_report: {path}: not JSON ({error})")
        for r in data.get("rows", []):
            missing = [k for k in ("group", "case", "ours_label", "ours", "unit") if k not in r]
            if missing:
                raise SystemExit(f"bench_report: {path}: a row lacks {', '.join(missing)}")
            rows.append(r)
    return rows


def ratio(r):
    ours, peer = r.get("ours"), r.get("peer")
    if ours is None or not peer:
        return None
    return ours / peer


def number(value):
    if value is None:
        return "n/a"
    if value == 0:
        return "0"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:.2f}"
    return f"{value:.3g}"


def cells(r):
    ours = f"{number(r['ours'])} {r['unit']} ({r['ours_label']})"
    peer = "-" if r.get("peer_label") is None else f"{number(r.get('peer'))} ({r['peer_label']})"
    rt = ratio(r)
    met = "" if "met" not in r else ("yes" if r["met"] else "NO")
    return [r["group"], r["case"], ours, peer, "-" if rt is None else f"{rt:.3f}",
            r.get("target", ""), met]


def print_table(rows):
    table = [COLUMNS] + [cells(r) for r in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(COLUMNS))]
    for index, line in enumerate(table):
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip())
        if index == 0:
            print("  ".join("-" * width for width in widths))


def command_line(argv):
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=30).stdout.splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        return "not available"


def machine(measured):
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return [
        ("CPU", model),
        ("Cores (online)", str(os.cpu_count())),
        ("Kernel", platform.release()),
        ("C++ compiler", command_line(["clang++-19", "--version"])),
        ("Other compiler on the machine (not used here)", command_line(["g++-12", "--version"])),
        ("Measured (UTC)", measured.strftime("%Y-%m-%d %H:%M")),
    ]


def target_bound(target):
    """The number a target compares against: `ratio <= 1.15 (issue 4)` gives
    1.15. None when the target names no number (then the report says so
    instead of failing the run)."""
    match = re.search(r"(?:<=|>=|<|>|==)\s*(-?[0-9]+(?:\.[0-9]+)?)", target)
    return float(match.group(1)) if match else None


def missed(rows):
    lines = []
    for r in rows:
        if r.get("met", True):
            continue
        target, rt, ours = r.get("target", ""), ratio(r), r.get("ours")
        if ours is None:
            how = "no figure (the benchmark failed or did not run)"
        elif target_bound(target) in (None, 0.0):
            how = f"{number(ours)} {r['unit']}" + (" instead of 0" if target_bound(target) == 0.0 else "")
        elif target.startswith("ratio") and rt is not None:
            bound = target_bound(target)
            how = f"ratio {rt:.2f} against a bound of {bound:g}: {rt / bound:.2f}x over"
        else:
            bound = target_bound(target)
            how = f"{number(ours)} {r['unit']} against {bound:g}: {ours / bound:.2f}x over"
        lines.append(f"- **{r['group']} / {r['case']}** (target `{target}`): {how}.")
    return lines


def gnuplot(script):
    subprocess.run(["gnuplot"], input=script, text=True, check=True, capture_output=True)


def chart_ratios(rows, path, title):
    """Horizontal reference at 1.0; one bar per row: ours / peer."""
    points = [(r["case"], ratio(r)) for r in rows if ratio(r) is not None]
    if not points:
        return False
    with tempfile.NamedTemporaryFile("w", suffix=".dat", delete=False) as data:
        for case, value in points:
            label = case.replace('"', "'")
            data.write(f'"{label}" {value}\n')
    gnuplot(f"""
set terminal pngcairo size 1100,{300 + 40 * len(points)} noenhanced font ",10"
set output "{path}"
set title "{title}"
set style fill solid 0.8
set boxwidth 0.6
set logscale y 10
set ylabel "ours / peer (log scale; below 1 = ours faster)"
set xtics rotate by -35 left
set bmargin 12
set rmargin 22
set grid ytics
f(x) = 1
plot "{data.name}" using 0:2:xtic(1) with boxes lc rgb "#4a7ebb" notitle, f(x) with lines lw 2 lc rgb "#c0392b" title "parity"
""")
    os.unlink(data.name)
    return True


def chart_pairs(rows, path, title, unit):
    """Clustered bars, ours vs peer, for rows in one unit."""
    points = [r for r in rows if r["unit"] == unit and r.get("ours") is not None and r.get("peer") is not None]
    if not points:
        return False
    with tempfile.NamedTemporaryFile("w", suffix=".dat", delete=False) as data:
        for r in points:
            label = f"{r['ours_label']} vs {r['peer_label']}".replace('"', "'")
            data.write(f'"{label}" {r["ours"]} {r["peer"]}\n')
    gnuplot(f"""
set terminal pngcairo size 900,500 noenhanced font ",10"
set output "{path}"
set title "{title}"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8
set ylabel "{unit} (lower is better)"
set grid ytics
set yrange [0:*]
plot "{data.name}" using 2:xtic(1) title "ours" lc rgb "#4a7ebb", "" using 3 title "peer" lc rgb "#999999"
""")
    os.unlink(data.name)
    return True


def run_time(rows_dir):
    """When the run ended: the newest rows file (the page may be rewritten later, with new notes)."""
    newest = max(os.path.getmtime(p) for p in glob.glob(os.path.join(rows_dir, "*.json")))
    return datetime.datetime.fromtimestamp(newest, datetime.timezone.utc)


def markdown(rows, measured, charts, notes_path, page_path):
    out = ["# Benchmarks", "",
           "Generated by `make bench` (`scripts/bench.sh`, `scripts/bench_report.py`) from one run: each row is",
           "our figure and the peer's figure **from the same run**, and their ratio (ours / peer; for",
           "every row lower is better). A runtime row is the median of 5 repetitions, shuffled among",
           "the other benchmarks of its binary (Google Benchmark's random interleaving), so that a",
           "change of load falls on both sides. Do not edit by hand; rerun `make bench`.", "",
           "## Machine", "", "| | |", "|---|---|"]
    out += [f"| {k} | {v} |" for k, v in machine(measured)]
    out += ["", "## Results", "", "| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for r in rows:
        out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells(r)) + " |")
    lost = missed(rows)
    out += ["", "## Targets missed", ""]
    out += lost if lost else ["None: every target of issue 5 was met in this run."]
    if charts:
        out += ["", "## Charts", ""]
        out += [f"![{title}]({os.path.relpath(path, os.path.dirname(page_path))})" for title, path in charts]
    if notes_path and os.path.exists(notes_path):
        with open(notes_path) as f:
            out += ["", f.read().rstrip()]
    with open(page_path, "w") as f:
        f.write("\n".join(out) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", required=True, help="directory of *.json rows files")
    parser.add_argument("--markdown", help="page to write (docs/benchmarks.md)")
    parser.add_argument("--charts", help="directory for the PNG charts")
    parser.add_argument("--notes", help="markdown appended to the page (profile notes)")
    args = parser.parse_args()
    if not os.path.isdir(args.rows):
        print(f"bench_report: no such directory: {args.rows}", file=sys.stderr)
        return 2
    rows = load_rows(args.rows)
    if not rows:
        print(f"bench_report: no rows in {args.rows}", file=sys.stderr)
        return 2
    print_table(rows)
    if not args.markdown:
        return 0
    charts = []
    if args.charts and shutil.which("gnuplot"):
        os.makedirs(args.charts, exist_ok=True)
        scheduler = os.path.join(args.charts, "scheduler.png")
        if chart_ratios([r for r in rows if r["group"] == "Scheduler"], scheduler,
                        "Scheduler: vt::ThreadPool time / peer time (same run, same threads)"):
            charts.append(("Scheduler ratios", scheduler))
        cache = os.path.join(args.charts, "cache-hit.png")
        if chart_pairs([r for r in rows if r["group"] == "Cache hit"], cache,
                       "Cache hit: ns per operation", "ns/op"):
            charts.append(("Cache hit, ns/op", cache))
    elif args.charts:
        print("bench_report: gnuplot not found; no charts", file=sys.stderr)
    markdown(rows, run_time(args.rows), charts, args.notes, args.markdown)
    print(f"written: {args.markdown}" + "".join(f", {path}" for _, path in charts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
