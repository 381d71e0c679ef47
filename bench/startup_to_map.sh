#!/usr/bin/env bash
# Times process start -> map shown for the default model and dataset, RUNS times in one
# Xvfb, and prints each run and the median. Usage: bench/startup_to_map.sh [RUNS] [app args]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shift || true
app=build/app/latent-explorer
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
  for i in $(seq '"$runs"'); do
    "'"$app"'" --timings --screenshot "'"$out"'/shot.png" "$@" 2>&1 | grep "^timings:"
  done' _ "$@" | tee "$out/runs.txt"
sed -E 's/.*startup-to-map ([0-9.]+) s.*/\1/' "$out/runs.txt" | sort -n |
  awk '{v[NR]=$1} END {m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2;
       printf "median startup-to-map over %d runs: %.3f s\n", NR, m}'
