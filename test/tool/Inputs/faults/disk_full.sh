#!/bin/sh
# vtlint writing its report to a full file system: mounts a 16 KiB tmpfs at
# DIR/tiny, leaves an earlier report there and fills the rest, runs
# `VTLINT --format=sarif --output=DIR/tiny/report.sarif SOURCE -- FLAGS...`,
# unmounts, and prints the exit status, stderr, the report's text and any
# file left beside it.
# usage: disk_full.sh DIR VTLINT SOURCE FLAGS...
set -u
dir=$1
vtlint=$2
source=$3
shift 3
mkdir -p "$dir/tiny"
mount -t tmpfs -o size=16k tmpfs "$dir/tiny" || { echo "disk_full.sh: cannot mount a tmpfs" >&2; exit 1; }
trap 'umount "$dir/tiny"' EXIT
echo "the earlier report" > "$dir/tiny/report.sarif"
head -c 65536 /dev/zero > "$dir/tiny/filler" 2>/dev/null
"$vtlint" --format=sarif --output="$dir/tiny/report.sarif" "$source" -- "$@" 2> "$dir/stderr.txt"
echo "exit status: $?"
cat "$dir/stderr.txt"
echo "report: $(cat "$dir/tiny/report.sarif")"
echo "files: $(ls -A "$dir/tiny" | tr '\n' ' ')"
