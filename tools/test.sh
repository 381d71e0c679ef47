#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every test: the unit,
# GUI and render tests of the Release build (GUI and render tests start their own
# xvfb-run, so no display is needed), a short fixed-seed fuzz run of the file and session
# readers, the Debian package run from a scratch root (tools/check_package.sh), and the
# sanitizer stages (tools/sanitize.sh). Ends with each stage's time.
set -euo pipefail
cd "$(dirname "$0")/.."
times=()
stage() {  # name, command...
  local name=$1 start=$SECONDS
  shift
  "$@"
  times+=("$name: $((SECONDS - start)) s")
}
run_tests() { (cd build && ctest --output-on-failure -j1 "$@"); }
stage setup tools/setup.sh
stage build tools/build.sh -DLATENT_WERROR=ON
stage fuzz tools/fuzz.sh 20000
stage tests run_tests "$@"
stage package tools/check_package.sh
stage sanitizers tools/sanitize.sh
echo "Stage times:"
printf '  %s\n' "${times[@]}"
