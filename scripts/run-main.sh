#!/usr/bin/env bash
# The main job: set up (Debian packages, configure, build) and predict COHERENT CsI[Na] 2017.
# Prints the prediction table and writes CSV + PNG spectra to lenu-output/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh release
./build/release/lenu predict coherent-csi-2017 --output-dir lenu-output
