"""scikit-learn's randomized PCA to 3-D of Fashion-MNIST train+test (70,000 x 784, floats in
[0, 1]), the peer of bench_pca. Prints each run's seconds and the median.
Usage: /usr/bin/python3 bench/sklearn_pca.py [DATA_DIR] [RUNS] [THREADS] [POWER_ITERATIONS]
POWER_ITERATIONS: scikit-learn's iterated_power, "auto" (its default: 7 here) or a number
(bench_pca's randomized solver runs 4)."""
import gzip
import statistics
import sys
import time

import numpy as np
from sklearn.decomposition import PCA
from threadpoolctl import threadpool_limits


def idx_images(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    n, h, w = (int.from_bytes(raw[i:i + 4], "big") for i in (4, 8, 12))
    return np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(n, h * w)


def main():
    data_dir = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    power = sys.argv[4] if len(sys.argv) > 4 else "auto"
    power = power if power == "auto" else int(power)
    x = np.concatenate([idx_images(f"{data_dir}/{s}-images-idx3-ubyte.gz")
                        for s in ("train", "t10k")]).astype(np.float32) / 255.0
    times, cpu = [], []
    with threadpool_limits(limits=threads):
        for _ in range(runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            pca = PCA(n_components=3, svd_solver="randomized", iterated_power=power, random_state=0)
            pca.fit_transform(x)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
    print("sklearn PCA(3, randomized, iterated_power=%s) on %dx%d, %d threads: wall per run %s s" %
          (power, x.shape[0], x.shape[1], threads, " ".join("%.3f" % t for t in times)))
    print("sklearn explained variance ratio: %s" % " ".join("%.4f" % r for r in pca.explained_variance_ratio_))
    print("sklearn median: %.3f s wall, %.3f s CPU (all threads)" %
          (statistics.median(times), statistics.median(cpu)))


if __name__ == "__main__":
    main()
