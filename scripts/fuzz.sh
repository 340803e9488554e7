#!/usr/bin/env bash
# The libFuzzer targets of a VT_FUZZ build (BUILD/bin/*_fuzzer), each with
# its checked-in corpus test/fuzz/corpus/<name>/:
#   scripts/fuzz.sh replay BUILD            every corpus input once (make test)
#   scripts/fuzz.sh run BUILD SECONDS       fuzz each target for SECONDS (make fuzz)
# `run` keeps what it finds in BUILD/fuzz/<name>/: new inputs in corpus/,
# crashes, leaks and timeouts in artifacts/ (add those to the checked-in
# corpus, with a fix), the log in fuzz.log; it prints executions and
# coverage per target and fails if any target crashed.
set -euo pipefail
mode=${1:?usage: fuzz.sh replay|run BUILD [SECONDS]}
build=${2:?usage: fuzz.sh replay|run BUILD [SECONDS]}
seconds=${3:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
corpora="$root/test/fuzz/corpus"

# The checks target parses C++ with clang: slower inputs, more memory.
limits_for() {
  case "$1" in
    # Leaks are not checked in it: LSan reports allocations inside the
    # uninstrumented libLLVM whose owner it cannot see (see docs/reliability.md).
    checks) echo "-timeout=120 -rss_limit_mb=6144 -detect_leaks=0" ;;
    *) echo "-timeout=30" ;;
  esac
}
# The same for LeakSanitizer's check at exit.
asan_options_for() {
  case "$1" in
    checks) echo "detect_leaks=0" ;;
    *) echo "detect_leaks=1" ;;
  esac
}

shopt -s nullglob
fuzzers=("$build"/bin/*_fuzzer)
[ ${#fuzzers[@]} -gt 0 ] || { echo "fuzz: no *_fuzzer in $build/bin" >&2; exit 2; }
status=0
for fuzzer in "${fuzzers[@]}"; do
  name=$(basename "$fuzzer" _fuzzer)
  corpus="$corpora/$name"
  inputs=("$corpus"/*)
  corpus_dirs=()
  [ -d "$corpus" ] && corpus_dirs=("$corpus")
  seeds=()
  # The checks target's seeds are the checks' own lit tests, read in place
  # rather than copied; its checked-in corpus holds only what fuzzing added.
  if [ "$name" = checks ]; then
    seeds=("$root/test/checks")
    inputs+=("$root"/test/checks/*.cpp)
  fi
  if [ ${#inputs[@]} -eq 0 ]; then
    echo "fuzz: $name has no corpus in $corpus" >&2
    status=1
    continue
  fi
  # shellcheck disable=SC2046
  case "$mode" in
    replay)
      echo "== $name: replaying ${#inputs[@]} inputs"
      if ! ASAN_OPTIONS=$(asan_options_for "$name") "$fuzzer" $(limits_for "$name") "${inputs[@]}" > "$build/fuzz-replay-$name.log" 2>&1; then
        tail -n 40 "$build/fuzz-replay-$name.log" >&2
        status=1
      fi
      ;;
    run)
      work="$build/fuzz/$name"
      mkdir -p "$work/corpus" "$work/artifacts"
      echo "== $name: fuzzing for ${seconds} s"
      if ! ASAN_OPTIONS=$(asan_options_for "$name") "$fuzzer" $(limits_for "$name") -max_total_time="$seconds" -print_final_stats=1 \
           -artifact_prefix="$work/artifacts/" "$work/corpus" "${corpus_dirs[@]}" "${seeds[@]}" > "$work/fuzz.log" 2>&1; then
        tail -n 40 "$work/fuzz.log" >&2
        status=1
      fi
      runs=$(grep -ao 'stat::number_of_executed_units: *[0-9]*' "$work/fuzz.log" | grep -o '[0-9]*$' || true)
      last=$(grep -aE '^#[0-9]+' "$work/fuzz.log" | tail -n 1 || true)
      cov=$(grep -o 'cov: [0-9]*' <<<"$last" | grep -o '[0-9]*' || true)
      ft=$(grep -o 'ft: [0-9]*' <<<"$last" | grep -o '[0-9]*' || true)
      # Crashes, leaks, timeouts and out-of-memory inputs; slow units (inputs
      # over 10 s) are only noted.
      found=$(find "$work/artifacts" -type f ! -name 'slow-unit-*' | wc -l)
      slow=$(find "$work/artifacts" -type f -name 'slow-unit-*' | wc -l)
      echo "$name: ${runs:-?} executions, cov ${cov:-?}, ft ${ft:-?}, corpus $(find "$work/corpus" -type f | wc -l) new inputs, $found crashes, $slow slow inputs"
      ;;
    *) echo "fuzz: unknown mode '$mode'" >&2; exit 2 ;;
  esac
done
exit $status
