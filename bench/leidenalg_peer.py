#!/usr/bin/python3
"""Times leidenalg (modularity, resolution 1, until stable, as the app's Leiden) on the
graph bench_cluster wrote with --graph-out. Usage: leidenalg_peer.py GRAPH_DIR [RUNS]"""
import sys
import time

import igraph
import leidenalg
import numpy as np

folder, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3
rows = np.load(f"{folder}/rows.npy").ravel().astype(np.int64)
cols = np.load(f"{folder}/columns.npy").ravel().astype(np.int64)
weights = np.load(f"{folder}/weights.npy").ravel().astype(np.float64)
upper = rows < cols
g = igraph.Graph(n=int(rows.max()) + 1, edges=list(zip(rows[upper].tolist(), cols[upper].tolist())))
g.es["weight"] = weights[upper].tolist()
for seed in range(1, runs + 1):
    start = time.perf_counter()
    p = leidenalg.find_partition(g, leidenalg.RBConfigurationVertexPartition, weights="weight",
                                 resolution_parameter=1.0, seed=seed, n_iterations=-1)
    print(f"leidenalg seed {seed}: {time.perf_counter() - start:.2f} s, {len(p)} clusters, "
          f"modularity {g.modularity(p.membership, weights='weight'):.4f}")
