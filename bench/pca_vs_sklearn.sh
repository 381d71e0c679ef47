#!/usr/bin/env bash
# PCA to 3-D of 70,000 x 784 Fashion-MNIST pixels: ours (bench_pca, 1 and 2 threads) and
# scikit-learn's randomized PCA (2 threads), one after the other in the same run. Ours
# runs 4 power iterations; scikit-learn runs with 4 (equal work) and with its default (7).
# Usage: bench/pca_vs_sklearn.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
"$build/bench/bench_pca" --benchmark_counters_tabular=true
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 bench/sklearn_pca.py /usr/share/datasets/fashion-mnist 5 2 4
/usr/bin/python3 bench/sklearn_pca.py /usr/share/datasets/fashion-mnist 5 2 auto
