#!/usr/bin/env bash
# make demo: the main job on the bundled example.
set -euo pipefail
build=${1:-build}
echo "demo: not yet wired (runtime and checks in progress)"
