#!/usr/bin/env bash
# make demo: lint the bundled example service with vtlint, then run it; then
# profile it under a workload (VT_PROFILE) and show the profile-guided advice.
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

echo
echo "== profile-guided advice: a workload with VT_PROFILE set, then vtlint --profile (docs/profile.md)"
profile="$build/example-service.profile.json"
rm -f "$profile"
VT_PROFILE="$profile" "$build/bin/vt-example-service" --workload 2000
# The services live in a header: let vtlint report there too.
config="$build/example-service.clang-tidy"
printf "HeaderFilterRegex: 'examples/service/'\n" > "$config"
status=0
"$build/bin/vtlint" -p "$build" --config-file="$config" --profile="$profile" examples/service/main.cpp || status=$?
if [[ $status -ne 0 && $status -ne 1 ]]; then
  echo "demo: vtlint --profile failed with exit code $status" >&2
  exit "$status"
fi
