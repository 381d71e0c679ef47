#!/usr/bin/python3
"""Our t-SNE and UMAP beside every peer a user might pick, in one run, one table.

Peers: FIt-SNE (built from its public source into --workdir, never into the repository),
Rtsne and uwot (Debian's r-cran-rtsne, r-cran-uwot), umap-learn and scikit-learn's TSNE.

Inputs (written to --workdir): the bundled model's latents of Fashion-MNIST (16-d,
encoded by bench_tsne), the pixels through PCA-50, and --million: 1,000,000 points drawn
from a Gaussian per class fitted to the 70,000 latents (shaped like real latents).

Fairness:
  - every implementation gets the same input file, the same thread count (--threads) and,
    for t-SNE, the same iteration count when --iterations is given (0: each side's default;
    ours and scikit-learn's 1000, FIt-SNE's 750, Rtsne's 1000);
  - ours is timed as a whole process (`latent-explorer project`, from exec to exit,
    reading and writing files included); each peer only around its fit call, so its
    interpreter start, imports, data loading and (umap-learn) JIT warm-up are not counted;
  - umap-learn is warmed up on 10,000 rows of the same input first (above its 4,096-point
    switch to NN-descent, so every path it takes is compiled), then timed;
  - CPU time is user + system of the process doing the work (children included);
  - ours also reports its peak resident memory, whole and per point;
  - trustworthiness@15 of every layout by the same C++ code (`bench_tsne trust`), on one
    fixed sample of 5,000 points per input.

  /usr/bin/python3 bench/peers.py --build build --n 70000 --methods tsne --peers ours,fitsne
  /usr/bin/python3 bench/peers.py --build build --n 70000 --methods umap --seeds 1,2,3,4,5,6,7
  /usr/bin/python3 bench/peers.py --build build --million --methods umap --peers ours,uwot
"""
import argparse
import gzip
import json
import os
import pathlib
import resource
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np

DATA_DIR = pathlib.Path("/usr/share/datasets/fashion-mnist")
FITSNE_SOURCE = pathlib.Path("/work/.mirror/KlugerLab+FIt-SNE/repo")
PEERS = {"tsne": ["ours", "fitsne", "rtsne", "sklearn"], "umap": ["ours", "uwot", "umap-learn"]}


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default="build")
    ap.add_argument("--n", type=int, default=10000, choices=[10000, 70000], help="Fashion-MNIST points")
    ap.add_argument("--million", action="store_true", help="the 1,000,000-point mixture instead")
    ap.add_argument("--inputs", default="latents,pca50", help="latents, pca50 (not with --million)")
    ap.add_argument("--methods", default="tsne,umap")
    ap.add_argument("--peers", default="all", help="comma-separated among " + str(PEERS))
    ap.add_argument("--seeds", default="1")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--iterations", type=int, default=0, help="t-SNE iterations for every side (0: defaults)")
    ap.add_argument("--fitsne-source", default=str(FITSNE_SOURCE), help="a git dir or checkout of FIt-SNE")
    ap.add_argument("--workdir", default="/tmp/latent-peers-bench")
    ap.add_argument("--worker", help=argparse.SUPPRESS)  # internal: run one Python peer
    ap.add_argument("--in", dest="inp", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--seed", type=int, default=1, help=argparse.SUPPRESS)
    return ap.parse_args()


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_json(cmd, env=None):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


# ---- inputs ---------------------------------------------------------------------------

def read_idx_images(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    count, rows, cols = (int.from_bytes(raw[o:o + 4], "big") for o in (4, 8, 12))
    return np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(count, rows * cols)


def read_idx_labels(path):
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=8)


def make_inputs(args, harness, work):
    split = "all" if args.n == 70000 or args.million else "test"
    latents = work / f"latents_{split}.npy"
    if not latents.exists():
        run_json([str(harness), "encode", "--split", split, "--out", str(latents), "--threads", str(args.threads)])
    if args.million:
        return {"mixture 1M (16-d)": million_mixture(np.load(latents), work)}
    inputs = {}
    wanted = args.inputs.split(",")
    if "latents" in wanted:
        inputs["latents (16-d)"] = latents
    if "pca50" in wanted:
        path = work / f"pca50_{split}.npy"
        if not path.exists():
            from sklearn.decomposition import PCA
            files = ["t10k-images-idx3-ubyte.gz"] + (["train-images-idx3-ubyte.gz"] if split == "all" else [])
            pixels = np.concatenate([read_idx_images(DATA_DIR / f) for f in files]).astype(np.float32) / 255.0
            np.save(path, PCA(n_components=50, random_state=0).fit_transform(pixels).astype(np.float32))
        inputs["pixels, PCA 50"] = path
    return inputs


def million_mixture(latents, work):
    """1,000,000 points from one Gaussian per class, fitted to the 70,000 latents; their
    classes go beside them as a one-column CSV (`--metadata ... --colour-by class` shows
    them on a map)."""
    path, classes_csv = work / "mixture_1m.npy", work / "mixture_1m_classes.csv"
    labels = np.concatenate([read_idx_labels(DATA_DIR / "t10k-labels-idx1-ubyte.gz"),
                             read_idx_labels(DATA_DIR / "train-labels-idx1-ubyte.gz")])
    rng = np.random.default_rng(0)
    classes = rng.choice(10, size=1_000_000, p=np.bincount(labels, minlength=10) / len(labels))
    if not classes_csv.exists():
        np.savetxt(classes_csv, classes, fmt="%d", header="class", comments="")
    if path.exists():
        return path
    points = np.empty((1_000_000, latents.shape[1]), dtype=np.float32)
    for c in range(10):
        members = latents[labels == c]
        rows = np.flatnonzero(classes == c)
        points[rows] = rng.multivariate_normal(members.mean(0), np.cov(members.T), size=len(rows))
    np.save(path, points)
    return path


# ---- implementations: each returns (wall seconds, CPU seconds, what was timed) ----------

def ours(method, args, inp, n, out, seed):
    exe = pathlib.Path(args.build) / "app" / "latent-explorer"
    cmd = [str(exe), "project", "--in", str(inp), "--out", str(out), "--method", method,
           "--threads", str(args.threads), "--seed", str(seed)]
    if method == "tsne" and args.iterations:
        cmd += ["--iterations", str(args.iterations)]
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)  # this process's own CPU time and peak memory
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            errors.seek(0)
            sys.exit(f"{' '.join(cmd)} failed: {errors.read().decode(errors='replace')}")
    peak = usage.ru_maxrss * 1024  # bytes (Linux reports KiB)
    return (wall, usage.ru_utime + usage.ru_stime,
            f"whole process, peak RSS {peak / 1e6:.0f} MB ({peak / n:.0f} B/point)")


def build_fitsne(args, work):
    binary = work / "fitsne" / "bin" / "fast_tsne"
    if binary.exists():
        return binary.parent.parent
    source = pathlib.Path(args.fitsne_source)
    target = work / "fitsne"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    if (source / "HEAD").exists() and not (source / ".git").exists():  # a bare git dir
        archive = subprocess.run(["git", "--git-dir", str(source), "archive", "HEAD"], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    else:
        shutil.copytree(source, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".git"))
    (target / "bin").mkdir(exist_ok=True)
    # The build its README gives.
    subprocess.run(["g++", "-std=c++11", "-O3", "src/sptree.cpp", "src/tsne.cpp", "src/nbodyfft.cpp",
                    "-o", "bin/fast_tsne", "-pthread", "-lfftw3", "-lm", "-Wno-address-of-packed-member"],
                   cwd=target, check=True, capture_output=True)
    return target


def fitsne(args, inp, out, seed, work):
    home = build_fitsne(args, work)
    sys.path.insert(0, str(home))
    from fast_tsne import fast_tsne
    x = np.load(inp).astype(np.float64)
    kwargs = {"nthreads": args.threads, "seed": seed}
    if args.iterations:
        kwargs["max_iter"] = args.iterations
    cwd = os.getcwd()
    os.chdir(home)  # its wrapper exchanges files in the working folder
    try:
        cpu, start = children_cpu(), time.perf_counter()
        y = fast_tsne(x, **kwargs)
        wall, used = time.perf_counter() - start, children_cpu() - cpu
    finally:
        os.chdir(cwd)
    np.save(out, y.astype(np.float32))
    return wall, used, "fit (its binary, file exchange included)"


R_COMMON = """
args <- commandArgs(TRUE)
x <- np_read(args[1])
"""

R_READ_WRITE = """
np_read <- function(path) {
  con <- file(path, "rb"); on.exit(close(con))
  magic <- readBin(con, "raw", 8)
  header_len <- readBin(con, "integer", size = 2, signed = FALSE, endian = "little")
  header <- rawToChar(readBin(con, "raw", header_len))
  dims <- sub(".*shape.: *\\\\(", "", header)
  shape <- as.integer(regmatches(dims, gregexpr("[0-9]+", dims))[[1]][1:2])
  v <- readBin(con, "numeric", size = 4, n = shape[1] * shape[2], endian = "little")
  matrix(v, nrow = shape[1], ncol = shape[2], byrow = TRUE)
}
raw_write <- function(y, path) {
  con <- file(path, "wb"); on.exit(close(con))
  writeBin(as.vector(t(y)), con, size = 4, endian = "little")
}
report <- function(t) cat(sprintf('{"seconds": %f, "cpu_seconds": %f}\\n', t[["elapsed"]],
                                  t[["user.self"]] + t[["sys.self"]] + t[["user.child"]] + t[["sys.child"]]))
"""


def r_peer(fit_call, args, inp, n, out, seed):
    script = R_READ_WRITE + R_COMMON + f"""
set.seed({seed})
t <- system.time(y <- {fit_call})
raw_write(y, args[2])
report(t)
"""
    raw = pathlib.Path(str(out) + ".f32")
    r = run_json(["Rscript", "-e", script, str(inp), str(raw)])
    np.save(out, np.fromfile(raw, dtype="<f4").reshape(n, 2))
    raw.unlink()
    return r["seconds"], r["cpu_seconds"], "fit"


def rtsne(args, inp, n, out, seed):
    iters = args.iterations or 1000
    call = (f"Rtsne::Rtsne(x, dims = 2, perplexity = 30, theta = 0.5, max_iter = {iters}, pca = FALSE, "
            f"check_duplicates = FALSE, num_threads = {args.threads})$Y")
    return r_peer(call, args, inp, n, out, seed)


def uwot(args, inp, n, out, seed):
    call = (f"uwot::umap(x, n_neighbors = 15, min_dist = 0.1, n_threads = {args.threads}, "
            f"n_sgd_threads = {args.threads})")
    return r_peer(call, args, inp, n, out, seed)


def python_peer(name, args, inp, out, seed):
    env = dict(os.environ, OMP_NUM_THREADS=str(args.threads), OPENBLAS_NUM_THREADS=str(args.threads),
               NUMBA_NUM_THREADS=str(args.threads))
    r = run_json([sys.executable, __file__, "--worker", name, "--in", str(inp), "--out", str(out),
                  "--seed", str(seed), "--threads", str(args.threads), "--iterations", str(args.iterations)], env)
    return r["seconds"], r["cpu_seconds"], r["timed"]


def worker(args):
    """Runs one Python peer in this fresh process and prints its timing as JSON."""
    x = np.load(args.inp)
    np.random.seed(args.seed)
    if args.worker == "umap-learn":
        import umap
        # No random_state: umap-learn would then run single-threaded.
        umap.UMAP(n_neighbors=15, min_dist=0.1, n_jobs=args.threads).fit_transform(x[:10000])
        fit = lambda: umap.UMAP(n_neighbors=15, min_dist=0.1, n_jobs=args.threads).fit_transform(x)
        timed = "fit, JIT warmed on 10,000 rows"
    else:
        from sklearn.manifold import TSNE
        kwargs = {"n_iter": args.iterations} if args.iterations else {}
        fit = lambda: TSNE(n_components=2, n_jobs=args.threads, random_state=args.seed, **kwargs).fit_transform(x)
        timed = "fit"
    start, cpu = time.perf_counter(), time.process_time()
    y = fit()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    np.save(args.out, np.asarray(y, dtype=np.float32))
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "timed": timed}))
    return 0


def run_one(method, peer, args, inp, n, out, seed, work):
    if peer == "ours":
        return ours(method, args, inp, n, out, seed)
    if peer == "fitsne":
        return fitsne(args, inp, out, seed, work)
    if peer == "rtsne":
        return rtsne(args, inp, n, out, seed)
    if peer == "uwot":
        return uwot(args, inp, n, out, seed)
    return python_peer(peer, args, inp, out, seed)


def main():
    args = parse_args()
    if args.worker:
        return worker(args)
    harness = pathlib.Path(args.build) / "bench" / "bench_tsne"
    work = pathlib.Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    inputs = make_inputs(args, harness, work)
    seeds = [int(s) for s in args.seeds.split(",")]
    load = os.getloadavg()
    print(f"# threads {args.threads}, seeds {seeds}, t-SNE iterations {args.iterations or 'defaults'}, "
          f"load at start {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}, cpus {os.cpu_count()}", flush=True)
    rows = []
    for name, inp in inputs.items():
        n = np.load(inp, mmap_mode="r").shape[0]
        for method in args.methods.split(","):
            peers = PEERS[method] if args.peers == "all" else [p for p in args.peers.split(",") if p in PEERS[method]]
            for peer in peers:
                for seed in seeds:
                    out = work / f"{inp.stem}_{method}_{peer}_{seed}.npy"
                    wall, cpu, timed = run_one(method, peer, args, inp, n, out, seed, work)
                    q = run_json([str(harness), "trust", "--high", str(inp), "--low", str(out), "--k", "15",
                                  "--sample", "5000", "--threads", str(args.threads)])
                    rows.append((name, n, method, peer, seed, wall, cpu, q["trustworthiness"], timed))
                    print(f"{name} {method} {peer} seed {seed}: {wall:.1f} s, CPU {cpu:.1f} s, "
                          f"trust {q['trustworthiness']:.4f}", flush=True)
    load = os.getloadavg()
    print(f"# load at end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print("| input | N | method | implementation | seed | wall (s) | CPU (s) | trustworthiness@15 | timed |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, n, method, peer, seed, wall, cpu, t, timed in rows:
        print(f"| {name} | {n:,} | {method} | {peer} | {seed} | {wall:.1f} | {cpu:.1f} | {t:.4f} | {timed} |")
    # Ours against each peer's faster run, and the worst seed of each side.
    for name in inputs:
        for method in args.methods.split(","):
            mine = [r for r in rows if r[0] == name and r[2] == method and r[3] == "ours"]
            if not mine:
                continue
            for peer in {r[3] for r in rows if r[0] == name and r[2] == method and r[3] != "ours"}:
                theirs = [r for r in rows if r[0] == name and r[2] == method and r[3] == peer]
                print(f"# {name} {method}: ours {min(r[5] for r in mine):.1f} s vs {peer} "
                      f"{min(r[5] for r in theirs):.1f} s: {min(r[5] for r in theirs) / min(r[5] for r in mine):.2f}x "
                      f"wall, CPU {min(r[6] for r in theirs) / min(r[6] for r in mine):.2f}x; worst trust ours "
                      f"{min(r[7] for r in mine):.4f}, {peer} {min(r[7] for r in theirs):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
