#!/usr/bin/env bash
# Installs Microsoft's SARIF validator (npm @microsoft/sarif-multitool-linux)
# into build-tools/sarif (gitignored by /build*/), where test/lit.cfg.py finds
# it as %sarif_validate. Idempotent: does nothing when it is already there.
# A missing npm or an unreachable registry is reported but is not fatal: the
# SARIF validation tests then report UNSUPPORTED instead of running.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
prefix="$root/build-tools/sarif"
package="@microsoft/sarif-multitool-linux"
binary="$prefix/node_modules/$package/Sarif.Multitool"

[[ -x "$binary" ]] && exit 0
if ! command -v npm >/dev/null 2>&1; then
  echo "install-sarif-validator: npm not found; SARIF validation tests will be skipped" >&2
  exit 0
fi
mkdir -p "$prefix"
echo "install-sarif-validator: installing $package into $prefix" >&2
if ! npm install --silent --no-audit --no-fund --prefix "$prefix" "$package" >/dev/null 2>&1; then
  echo "install-sarif-validator: npm install of $package failed; SARIF validation tests will be skipped" >&2
  exit 0
fi
[[ -x "$binary" ]] || chmod +x "$binary" 2>/dev/null || true
