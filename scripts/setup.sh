#!/usr/bin/env bash
# Install lenu's build and run-time dependencies from Debian (Debian 12), then configure and
# build a preset (default: release). Usage: scripts/setup.sh [preset]
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"

packages=(build-essential cmake ninja-build pkg-config
          libgsl-dev libeigen3-dev libfmt-dev nlohmann-json3-dev libcli11-dev libtomlplusplus-dev
          libgtest-dev libgmock-dev libbenchmark-dev gnuplot-nox
          python3 python3-dev pybind11-dev python3-numpy python3-pytest python3-matplotlib
          libhepmc3-dev libopenmpi-dev openmpi-bin ccache)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "lenu setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

# Compiler cache (ccache): a rebuild, or a second clone on the same machine, recompiles only what
# changed. CCACHE_BASEDIR makes cached paths relative to the checkout. LENU_NO_CCACHE=1 turns it off.
launcher=()
if [ -z "${LENU_NO_CCACHE:-}" ] && command -v ccache >/dev/null 2>&1; then
  export CCACHE_BASEDIR="$PWD"
  # Debug-info builds (the sanitize preset, -g) would otherwise hash the checkout directory, so a
  # clone in another directory missed every object: NOHASHDIR lets every clone share them.
  export CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake --preset "$preset" "${launcher[@]}" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
