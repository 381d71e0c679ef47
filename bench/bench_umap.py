#!/usr/bin/python3
"""Our UMAP against umap-learn on Fashion-MNIST, in one run.

Run from the repository after building (see docs/umap.md):
    /usr/bin/python3 bench/bench_umap.py --build build --threads 2            # N = 10,000
    /usr/bin/python3 bench/bench_umap.py --build build --threads 2 --points 70000
    /usr/bin/python3 bench/bench_umap.py --build build --points 70000 --inputs latents,pca50

Inputs: the bundled model's latents (the C++ harness encodes the data), and with
--inputs ...,pca50 the raw pixels reduced to 50 components by scikit-learn's PCA (seeded).
The C++ harness times our UMAP and writes the input and ours.npy to --out/<input>.
This script first fits umap-learn once on small random data, so numba's JIT compilation
is in no timed fit, then times umap-learn (2-D, default parameters) on each input twice:
seeded (umap-learn then runs single-threaded) and unseeded with n_jobs threads.
Trustworthiness@15 is computed for
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

from projection_peers import DATA_DIR, read_idx_images  # the same files, read the same way


def trustworthiness_on(sample, latents, embedding):
    from sklearn.manifold import trustworthiness
    return trustworthiness(latents[sample], embedding[sample], n_neighbors=15)


def timed_umap(latents, threads, seed):
    import umap
    start, cpu_start = time.perf_counter(), time.process_time()
    model = umap.UMAP(n_components=2, n_jobs=threads, random_state=seed)
    embedding = model.fit_transform(latents)
    return time.perf_counter() - start, time.process_time() - cpu_start, embedding


def pixels_through_pca(points, out_dir):
    """Test split first, then train, as the harness orders the latents."""
    from sklearn.decomposition import PCA
    files = ["t10k-images-idx3-ubyte.gz"] + (["train-images-idx3-ubyte.gz"] if points == 70000 else [])
    pixels = np.concatenate([read_idx_images(DATA_DIR / f) for f in files]).astype(np.float32) / 255.0
    reduced = PCA(n_components=50, random_state=0).fit_transform(pixels).astype(np.float32)
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, "pca50-input.npy")
    np.save(path, reduced)
    return path


def compare(name, harness_args, args):
    """Runs our harness on one input, then umap-learn on the same rows, and prints a table."""
    load_before = os.getloadavg()[0]  # the machine may be shared: report how busy it was
    out = os.path.join(args.out, name)
    harness = os.path.join(args.build, "bench", "bench_umap")
    result = subprocess.run([harness] + harness_args + ["--threads", str(args.threads), "--out", out],
                            check=True, capture_output=True, text=True)
    ours = json.loads(result.stdout.strip().splitlines()[-1])
    print("%s, our phases:\n%s" % (name, result.stderr.strip()), flush=True)
    latents = np.load(os.path.join(out, "latents.npy"))
    our_embedding = np.load(os.path.join(out, "ours.npy"))
    sample = np.random.default_rng(0).choice(len(latents), size=min(args.sample, len(latents)), replace=False)
    rows = [("ours (seed 42, %d threads)" % args.threads, ours["seconds"], ours["cpu_seconds"], our_embedding)]
    rows.append(("umap-learn seeded, after JIT (1 thread)",) + timed_umap(latents, args.threads, 42))
    rows.append(("umap-learn unseeded, after JIT (n_jobs=%d)" % args.threads,)
                + timed_umap(latents, args.threads, None))
    print("%s: N = %d, dim %d, %d threads, trustworthiness@15 on %d sampled points, our init: %s, "
          "our graph + init: %.2f s, load average before: %.1f"
          % (name, len(latents), latents.shape[1], args.threads, len(sample), ours["init"],
             ours["graph_and_init_seconds"], load_before))
    print("| method | wall time (s) | CPU time (s) | trustworthiness@15 |")
    print("|---|---:|---:|---:|")
    for label, seconds, cpu_seconds, embedding in rows:
        print("| %s | %.2f | %.2f | %.4f |"
              % (label, seconds, cpu_seconds, trustworthiness_on(sample, latents, embedding)), flush=True)
    fastest_peer = min(seconds for _, seconds, _, _ in rows[1:])
    print("%s: umap-learn's faster run / ours, wall time: %.2fx" % (name, fastest_peer / ours["seconds"]), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default="build", help="CMake build folder with bench/bench_umap")
    parser.add_argument("--points", type=int, default=10000, choices=[10000, 70000])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--sample", type=int, default=3000, help="points scored for trustworthiness")
    parser.add_argument("--out", default="/tmp/latent-umap-bench")
    parser.add_argument("--inputs", default="latents", help="comma-separated: latents, pca50")
    args = parser.parse_args()
    wanted = args.inputs.split(",")

    warnings.filterwarnings("ignore")  # umap-learn warns that random_state disables threads
    # numba compiles umap-learn on its first fit; do it here so no timed fit includes it.
    # From 4,096 points on umap-learn takes other paths (approximate neighbours), which
    # compile on first use too: warm up above that size.
    start = time.perf_counter()
    timed_umap(np.random.default_rng(1).normal(size=(5000, 16)).astype(np.float32), args.threads, 42)
    print("umap-learn JIT warm-up: %.1f s" % (time.perf_counter() - start), flush=True)
    if "latents" in wanted:
        compare("latents", ["--points", str(args.points)], args)
    if "pca50" in wanted:
        path = pixels_through_pca(args.points, os.path.join(args.out, "pca50"))
        compare("pca50", ["--input", path], args)


if __name__ == "__main__":
    main()
