#!/usr/bin/env bash
# Runs every benchmark of issue 5 once and gathers the rows into one table.
#
#   scripts/bench.sh BUILD            full run: writes docs/benchmarks.md and
#                                     docs/benchmarks/*.png (make bench)
#   scripts/bench.sh BUILD --smoke    tiny sizes, one iteration each, table
#                                     only (make test: keeps them from rotting;
#                                     nothing is timed or asserted on time)
#
# Steps: 1. each runtime benchmark binary (BUILD/bench/bin/bench-*) writes its
# Google Benchmark JSON to BUILD/bench/raw/; 2. scripts/bench_rows.py turns
# them into BUILD/bench/rows/runtime.json; 3. the lint benchmarks
# (bench/lint/bench_lint.py) write BUILD/bench/rows/lint.json when vtlint is
# built; 4. the editor-latency benchmark (bench/lsp/bench_lsp.py: vtlint --lsp
# beside clangd-19) writes BUILD/bench/rows/lsp.json when vtlint is built;
# 5. scripts/bench_report.py prints the table (and writes the page).
# Any failing step fails the whole run.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 || ( $# -eq 2 && "$2" != "--smoke" ) ]]; then
  echo "usage: scripts/bench.sh BUILD [--smoke]" >&2
  exit 2
fi
build=$1
smoke=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$build/bench/bin"
if [[ ! -d "$bin" ]]; then
  echo "bench: no benchmarks in $bin (is Google Benchmark installed? run 'make build BUILD=$build')" >&2
  exit 2
fi

raw="$build/bench/raw"
rows="$build/bench/rows"
rm -rf "$raw" "$rows/runtime.json"
mkdir -p "$raw" "$rows"

for binary in "$bin"/bench-*; do
  [[ -x "$binary" ]] || continue
  name=$(basename "$binary")
  # bench-profile runs its compiled-out twin itself, in the same run as its
  # own figures; timing the twin again here would only cost time.
  [[ "$name" == bench-profile-nohooks ]] && continue
  echo "== $name${smoke:+ (smoke)}" >&2
  args=(--benchmark_out="$raw/$name.json" --benchmark_out_format=json)
  if [[ -n "$smoke" ]]; then
    args+=(--smoke)
  else
    # Five repetitions of about 0.3 s each (the sizes of issue 5 are per
    # iteration; Google Benchmark picks how many iterations fit), shuffled
    # among the other benchmarks of the binary (random interleaving), so a
    # change of load on this shared machine falls on ours and the peer's
    # alike; the rows take each benchmark's median (bench_rows.py).
    args+=(--benchmark_min_time=0.3 --benchmark_repetitions=5
           --benchmark_enable_random_interleaving=true)
  fi
  if ! timeout 1200 "$binary" "${args[@]}" >"$raw/$name.log" 2>&1; then
    echo "bench: $name failed:" >&2
    tail -20 "$raw/$name.log" >&2
    exit 1
  fi
  if grep -q '"error_occurred": true' "$raw/$name.json"; then
    echo "bench: $name: a benchmark reported an error:" >&2
    grep -B2 '"error_message"' "$raw/$name.json" >&2
    exit 1
  fi
done

python3 "$root/scripts/bench_rows.py" --raw "$raw" --out "$rows/runtime.json"

if [[ -x "$build/bin/vtlint" ]]; then
  echo "== lint cost${smoke:+ (smoke)}" >&2
  python3 "$root/bench/lint/bench_lint.py" --build "$build" ${smoke:+--smoke} >/dev/null
else
  echo "bench: $build/bin/vtlint not built: no lint-cost rows" >&2
  rm -f "$rows/lint.json"
fi

if [[ -x "$build/bin/vtlint" ]]; then
  echo "== editor latency${smoke:+ (smoke)}" >&2
  python3 "$root/bench/lsp/bench_lsp.py" --build "$build" ${smoke:+--smoke} >/dev/null
else
  rm -f "$rows/lsp.json"
fi

if [[ -n "$smoke" ]]; then
  python3 "$root/scripts/bench_report.py" --rows "$rows"
else
  python3 "$root/scripts/bench_report.py" --rows "$rows" --markdown "$root/docs/benchmarks.md" \
    --charts "$root/docs/benchmarks" --notes "$root/bench/profile-notes.md"
fi
