#!/usr/bin/env bash
# Installs, with apt-get, every Debian package the build, tests, demo and
# benchmarks need; with --tool, only what building vtlint and the plugin
# needs (`make tool`). Idempotent: prints nothing and changes nothing when all
# are present. Runs apt-get as root directly, or through sudo when available.
set -euo pipefail

tool_packages=(
  build-essential cmake ninja-build make
  clang-19 clang-tidy-19 llvm-19-dev libclang-19-dev libclang-cpp19-dev
)
case "${1:-}" in
  --tool) packages=("${tool_packages[@]}") ;;
  "") packages=(
        "${tool_packages[@]}" g++-12 git python3 llvm-19-tools libclang-rt-19-dev
        clang-tidy-14 clangd-19
        libgtest-dev libbenchmark-dev libtbb-dev libomp-19-dev
        neovim gnuplot-nox
        # the consumer and package tests (test/consumers, test/package)
        pkg-config file dpkg-dev
      ) ;;
  *) echo "usage: install-deps.sh [--tool]" >&2; exit 2 ;;
esac

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
# Node.js may come from a non-Debian build that bundles npm: ask for the command.
[[ "${1:-}" == --tool ]] || command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-deps: missing packages (${missing[*]}) and not root; install them with apt-get" >&2
  exit 2
fi

echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq >/dev/null
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
