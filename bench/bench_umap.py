#!/usr/bin/python3
"""Our UMAP against umap-learn on the bundled model's Fashion-MNIST latents, in one run.

Run from the repository after building (see docs/umap.md):
    /usr/bin/python3 bench/bench_umap.py --build build --threads 2            # N = 10,000
    /usr/bin/python3 bench/bench_umap.py --build build --threads 2 --points 70000

The C++ harness encodes the data, times our UMAP and writes latents.npy, labels.npy and
ours.npy to --out. This script then times umap-learn (2-D, default parameters) three ways:
seeded including numba's JIT compilation (the first fit in this process), seeded after
warm-up, and unseeded after warm-up. umap-learn runs single-threaded whenever random_state
is set, so only the unseeded run uses n_jobs threads. Trustworthiness@15 is computed for
every embedding by sklearn.manifold.trustworthiness on the same random sample of points.
CPU time (all threads of the process) is reported beside wall time because a loaded
machine inflates wall time.
"""
import argparse
import json
import os
import subprocess
import time
import warnings

import numpy as np


def trustworthiness_on(sample, latents, embedding):
    from sklearn.manifold import trustworthiness
    return trustworthiness(latents[sample], embedding[sample], n_neighbors=15)


def timed_umap(latents, threads, seed):
    import umap
    start, cpu_start = time.perf_counter(), time.process_time()
    model = umap.UMAP(n_components=2, n_jobs=threads, random_state=seed)
    embedding = model.fit_transform(latents)
    return time.perf_counter() - start, time.process_time() - cpu_start, embedding


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default="build", help="CMake build folder with bench/bench_umap")
    parser.add_argument("--points", type=int, default=10000, choices=[10000, 70000])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--sample", type=int, default=3000, help="points scored for trustworthiness")
    parser.add_argument("--out", default="/tmp/latent-umap-bench")
    args = parser.parse_args()

    load_before = os.getloadavg()[0]  # the machine may be shared: report how busy it was
    harness = os.path.join(args.build, "bench", "bench_umap")
    result = subprocess.run([harness, "--points", str(args.points), "--threads", str(args.threads),
                             "--out", args.out], check=True, capture_output=True, text=True)
    ours = json.loads(result.stdout.strip().splitlines()[-1])
    print("our phases:\n" + result.stderr.strip())
    latents = np.load(os.path.join(args.out, "latents.npy"))
    our_embedding = np.load(os.path.join(args.out, "ours.npy"))
    sample = np.random.default_rng(0).choice(len(latents), size=min(args.sample, len(latents)), replace=False)

    warnings.filterwarnings("ignore")  # umap-learn warns that random_state disables threads
    rows = [("ours (seed 42, %d threads)" % args.threads, ours["seconds"], ours["cpu_seconds"], our_embedding)]
    rows.append(("umap-learn seeded, incl. JIT (1 thread)",) + timed_umap(latents, args.threads, 42))
    rows.append(("umap-learn seeded, after JIT (1 thread)",) + timed_umap(latents, args.threads, 42))
    rows.append(("umap-learn unseeded, after JIT (n_jobs=%d)" % args.threads,)
                + timed_umap(latents, args.threads, None))
    print("N = %d, latent dim %d, %d threads, trustworthiness@15 on %d sampled points, our init: %s, "
          "our graph + init: %.2f s, load average before: %.1f"
          % (len(latents), latents.shape[1], args.threads, len(sample), ours["init"],
             ours["graph_and_init_seconds"], load_before))
    print("| method | wall time (s) | CPU time (s) | trustworthiness@15 |")
    print("|---|---:|---:|---:|")
    for name, seconds, cpu_seconds, embedding in rows:
        print("| %s | %.2f | %.2f | %.4f |"
              % (name, seconds, cpu_seconds, trustworthiness_on(sample, latents, embedding)))


if __name__ == "__main__":
    main()
