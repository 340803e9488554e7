#!/usr/bin/env bash
# Runs the pool's soak test (test/soak) for SECONDS in each sanitizer build:
#   scripts/soak.sh SECONDS BUILD_DIR...
# A build's bin/soak fails on a broken invariant (exit 1), a stall longer
# than the watchdog's limit (exit 3) or a sanitizer report (race, leak,
# memory error); an outer timeout catches a hang the watchdog cannot.
set -euo pipefail
seconds=$1
shift
for build in "$@"; do
  soak="$build/bin/soak"
  [ -x "$soak" ] || { echo "soak: $soak is not built" >&2; exit 2; }
  echo "== $soak (${seconds} s)"
  ASAN_OPTIONS="detect_leaks=1:halt_on_error=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
  TSAN_OPTIONS="halt_on_error=1${TSAN_OPTIONS:+:$TSAN_OPTIONS}" \
  UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}" \
    timeout --signal=KILL $((seconds + 120)) "$soak" --seconds "$seconds" --stall-ms 5000
done
