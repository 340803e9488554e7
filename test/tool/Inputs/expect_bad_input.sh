#!/bin/sh
# Runs vtlint ("$@") with --output and --write-baseline pointing into $OUT_DIR
# and checks the bad-input contract: exit 2, exactly one line on stderr
# starting "vtlint: error: ", nothing on stdout, no file written. Prints that
# one line, for FileCheck to match the message.
out_dir=$1; shift
rm -f "$out_dir/report.out" "$out_dir/written-baseline.json"
"$@" --output="$out_dir/report.out" --write-baseline="$out_dir/written-baseline.json" \
  > "$out_dir/stdout" 2> "$out_dir/stderr"
code=$?
fail() { echo "expect_bad_input: $*"; cat "$out_dir/stderr"; exit 1; }
[ "$code" -eq 2 ] || fail "exit code $code, expected 2"
[ "$(wc -l < "$out_dir/stderr")" -eq 1 ] || fail "stderr is not exactly one line"
grep -q '^vtlint: error: ' "$out_dir/stderr" || fail "stderr does not start with 'vtlint: error: '"
[ ! -s "$out_dir/stdout" ] || fail "stdout is not empty"
[ ! -e "$out_dir/report.out" ] || fail "--output file was written"
[ ! -e "$out_dir/written-baseline.json" ] || fail "--write-baseline file was written"
cat "$out_dir/stderr"
