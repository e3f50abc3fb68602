#!/usr/bin/env bash
# The whole test suite: set up, then run every ctest label (unit, physics, cli) on the release
# build, then again under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
scripts/setup.sh release
ctest --preset release
echo "lenu tests: release suite passed after $(( $(date +%s) - start )) s; now the sanitizer build"
scripts/setup.sh sanitize
ctest --preset sanitize
echo "lenu tests: all suites passed in $(( $(date +%s) - start )) s"
