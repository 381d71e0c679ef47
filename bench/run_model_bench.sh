#!/usr/bin/env bash
# Runs the C++ model benchmark and its Python PyTorch peer back to back, for 1 and 2
# threads, on the bundled model and the 64x64 RGB conv decoder fixture.
# Usage: bench/run_model_bench.sh   (after building: build/bench/bench_models, fixtures)
set -euo pipefail
cd "$(dirname "$0")/.."
models=(resources/models/fashion_vae.pt build/tests/model_fixtures/gan_rgb64.pt)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
for threads in 1 2; do
  build/bench/bench_models "$threads" "${models[@]}"
  /usr/bin/python3 bench/models_peer.py "$threads" "${models[@]}"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
