#!/usr/bin/env bash
# make demo: lint the bundled example service with vtlint, then run it.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."

echo "== vtlint over examples/service (the misuse in misuse.cpp is deliberate)"
status=0
"$build/bin/vtlint" -p "$build" examples/service/main.cpp examples/service/misuse.cpp || status=$?
if [[ $status -ne 0 && $status -ne 1 ]]; then
  echo "demo: vtlint failed with exit code $status" >&2
  exit "$status"
fi

echo
echo "== running the example: the correct paths, then what each misuse does at run time"
"$build/bin/vt-example-service"
