#!/usr/bin/env bash
# Leiden on the UMAP neighbour graph of the 70,000 Fashion-MNIST latents: ours (igraph,
# bench_cluster) then leidenalg on the very graph ours clustered, one after the other.
# Usage: bench/cluster_vs_leidenalg.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
graph=$(mktemp -d)
trap 'rm -rf "$graph"' EXIT
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$build/bench/bench_cluster" --graph-out "$graph" --benchmark_counters_tabular=true
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 bench/leidenalg_peer.py "$graph" 3
