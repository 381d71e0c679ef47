#!/usr/bin/python3
"""Our t-SNE against scikit-learn's TSNE, side by side in one run (docs/projections.md).

Inputs (written to --workdir, never into the repository):
  - the bundled model's latents of Fashion-MNIST (encoded by bench_tsne, our C++ code);
  - the raw pixels reduced to 50 PCA components (scikit-learn PCA, seeded).
Both methods map each input to 2-D with default parameters and the same thread count.
Wall time: ours is runTsne() inside bench_tsne (neighbours, affinities, optimisation),
sklearn's is TSNE.fit_transform(); loading the input is excluded for both.
Quality: trustworthiness@15 and k-NN preservation@15 of BOTH layouts are computed by the
same C++ code (latent::trustworthiness via `bench_tsne trust`); exact below --sample points.

  /usr/bin/python3 bench/projection_peers.py --build build            # N = 10,000 (test)
  /usr/bin/python3 bench/projection_peers.py --build build --all      # N = 70,000 (train+test)
"""
import argparse
import gzip
import json
import os
import pathlib
import subprocess
import sys
import time

import numpy as np

DATA_DIR = pathlib.Path("/usr/share/datasets/fashion-mnist")


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default="build", help="CMake build directory with bench/bench_tsne")
    ap.add_argument("--all", action="store_true", help="train+test (N = 70,000) instead of test (10,000)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--sample", type=int, default=10000, help="trustworthiness query points")
    ap.add_argument("--workdir", default="/tmp/latent-projection-bench")
    ap.add_argument("--inputs", default="latents,pca50", help="comma-separated: latents, pca50")
    return ap.parse_args()


def read_idx_images(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    count, rows, cols = (int.from_bytes(raw[o:o + 4], "big") for o in (4, 8, 12))
    return np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(count, rows * cols)


def run_json(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    args = parse_args()
    # Same thread count for scikit-learn's OpenMP gradient and BLAS as for ours.
    os.environ["OMP_NUM_THREADS"] = str(args.threads)
    os.environ["OPENBLAS_NUM_THREADS"] = str(args.threads)
    from sklearn.decomposition import PCA
    from sklearn.manifold import TSNE
    import sklearn

    harness = pathlib.Path(args.build) / "bench" / "bench_tsne"
    work = pathlib.Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    split = "all" if args.all else "test"
    inputs = {}
    wanted = args.inputs.split(",")
    if "latents" in wanted:
        path = work / f"latents_{split}.npy"
        run_json([str(harness), "encode", "--split", split, "--out", str(path), "--threads", str(args.threads)])
        inputs["latents (16-d)"] = path
    if "pca50" in wanted:
        files = ["t10k-images-idx3-ubyte.gz"] + (["train-images-idx3-ubyte.gz"] if args.all else [])
        pixels = np.concatenate([read_idx_images(DATA_DIR / f) for f in files]).astype(np.float32) / 255.0
        reduced = PCA(n_components=50, random_state=0).fit_transform(pixels).astype(np.float32)
        path = work / f"pca50_{split}.npy"
        np.save(path, reduced)
        inputs["pixels, PCA 50"] = path

    load = os.getloadavg()
    print(f"# sklearn {sklearn.__version__}, threads {args.threads}, seed {args.seed}, "
          f"load average at start {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}, cpus {os.cpu_count()}",
          flush=True)
    rows = []
    for name, path in inputs.items():
        x = np.load(path)
        ours_path = work / f"{path.stem}_ours.npy"
        ours = run_json([str(harness), "tsne", "--in", str(path), "--out", str(ours_path),
                         "--threads", str(args.threads), "--seed", str(args.seed)])
        print(f"{name}: ours {ours['seconds']:.1f} s (CPU {ours['cpu_seconds']:.1f} s)", flush=True)

        start, cpu_start = time.perf_counter(), time.process_time()
        layout = TSNE(n_components=2, n_jobs=args.threads, random_state=args.seed).fit_transform(x)
        sk_seconds, sk_cpu = time.perf_counter() - start, time.process_time() - cpu_start
        sk_path = work / f"{path.stem}_sklearn.npy"
        np.save(sk_path, layout.astype(np.float32))
        print(f"{name}: sklearn {sk_seconds:.1f} s (CPU {sk_cpu:.1f} s)", flush=True)

        for who, seconds, cpu, layout_path in (
                ("ours", ours["seconds"], ours["cpu_seconds"], ours_path),
                ("sklearn", sk_seconds, sk_cpu, sk_path)):
            q = run_json([str(harness), "trust", "--high", str(path), "--low", str(layout_path),
                          "--k", "15", "--sample", str(args.sample), "--threads", str(args.threads)])
            rows.append((name, x.shape[0], who, seconds, cpu, q["trustworthiness"], q["knn_preservation"]))

    load = os.getloadavg()
    print(f"# load average at end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print("| input | N | t-SNE | wall time (s) | CPU time (s) | trustworthiness@15 | kNN preservation@15 |")
    print("|---|---|---|---|---|---|---|")
    for name, n, who, seconds, cpu, t, kp in rows:
        print(f"| {name} | {n:,} | {who} | {seconds:.1f} | {cpu:.1f} | {t:.4f} | {kp:.4f} |")
    by_input = {}
    for name, _, who, seconds, cpu, t, _ in rows:
        by_input.setdefault(name, {})[who] = (seconds, cpu, t)
    for name, r in by_input.items():
        print(f"# {name}: speed-up wall {r['sklearn'][0] / r['ours'][0]:.2f}x, "
              f"CPU {r['sklearn'][1] / r['ours'][1]:.2f}x, "
              f"trustworthiness difference {r['ours'][2] - r['sklearn'][2]:+.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
