#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (GUI and render tests start
# their own xvfb-run, so no display is needed).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
tools/build.sh
# A short, fixed-seed fuzz run of the file readers (clang build in build-fuzz/), first,
# so the test summary is what the run ends with.
tools/fuzz.sh 20000
cd build
ctest --output-on-failure -j1 "$@"
