#!/usr/bin/env bash
# Runs the UI-glue benchmarks of two builds side by side, alternating, in one Xvfb:
# slider-to-paint (idle and while a t-SNE runs), startup-to-map, the 1M-point map frame
# and decode-one. For before/after figures of a change that touches the glue; run it on an
# idle machine (it prints the load first).
#   bench/compare_builds.sh BEFORE_BUILD_DIR AFTER_BUILD_DIR [ROUNDS]
set -euo pipefail
before=$(realpath "$1")
after=$(realpath "$2")
rounds=${3:-2}
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
xvfb-run -a -s "-screen 0 1600x1000x24" bash -s "$before" "$after" "$rounds" <<'INNER'
set -euo pipefail
before=$1 after=$2 rounds=$3
startup() {  # median of 5 process starts to the shown map
  local shot; shot=$(mktemp --suffix=.png)
  for _ in 1 2 3 4 5; do
    "$1/app/latent-explorer" --timings --screenshot "$shot" 2>&1 | grep -o 'startup-to-map [0-9.]*'
  done | awk '{print $2}' | sort -n | sed -n 3p
  rm -f "$shot"
}
for r in $(seq "$rounds"); do
  for build in "$before" "$after"; do
    echo "== round $r: $build"
    "$build/bench/bench_slider_paint" 500 2>/dev/null | grep -E 'p95|note'
    echo "startup-to-map median of 5: $(startup "$build") s"
    "$build/bench/bench_bigmap" 1000000 2>/dev/null | grep -E '^ +1000000'
    "$build/bench/bench_inference" --benchmark_filter='DecodeOneClick' 2>/dev/null | grep -E '^BM_'
  done
done
INNER
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
