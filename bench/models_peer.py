#!/usr/bin/python3
"""The Python PyTorch peer of bench_models: the same measurements, same output lines.

Usage: /usr/bin/python3 bench/models_peer.py THREADS MODEL.pt [MODEL.pt ...]
Decoded images are clamped to the model's value range and turned into NumPy arrays,
the work the C++ path does to hand images to the app.
"""
import gzip
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch
from threadpoolctl import threadpool_limits

DATA = Path("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz")


def load(path):
    files = {"meta.json": ""}
    module = torch.jit.load(path, _extra_files=files)
    module.eval()
    meta = json.loads(files["meta.json"]) if files["meta.json"] else {}
    decode = module.decode if hasattr(module, "decode") else module.forward
    low, high = meta.get("value_range", [0.0, 1.0])
    return module, decode, meta["latent_dim"], low, high


def to_images(out, low, high):
    return ((out - low) / (high - low)).clamp(0, 1).numpy()


def main():
    threads = int(sys.argv[1])
    torch.set_num_threads(threads)
    # The C++ side keeps OpenBLAS on one thread (TorchRuntime.cpp, keepBlasSingleThreaded): the
    # same here, so both sides run the same thread settings.
    threadpool_limits(limits=1, user_api="blas")
    print(f"Python PyTorch {torch.__version__}, {torch.get_num_threads()} intra-op thread(s), BLAS on 1 thread")
    for i, path in enumerate(sys.argv[2:]):
        module, decode, dim, low, high = load(path)
        label = Path(path).stem
        gen = torch.Generator().manual_seed(1)
        with torch.inference_mode():
            times = []
            for k in range(1100):
                z = torch.randn(1, dim, generator=gen)
                start = time.perf_counter()
                to_images(decode(z), low, high)
                if k >= 100:
                    times.append((time.perf_counter() - start) * 1000)
            print(f"{label:<14} decode-one    p50 {np.percentile(times, 50):.3f} ms  "
                  f"p99 {np.percentile(times, 99):.3f} ms")
            z = torch.randn(64, dim, generator=gen)
            to_images(decode(z), low, high)
            start = time.perf_counter()
            for _ in range(60):
                to_images(decode(z), low, high)
            print(f"{label:<14} decode-batch64  {60 * 64 / (time.perf_counter() - start):.0f} images/s")
            if i == 0:
                with gzip.open(DATA, "rb") as f:
                    images = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 1, 28, 28)
                runs = []
                for _ in range(3):
                    start = time.perf_counter()
                    for first in range(0, len(images), 256):
                        x = torch.from_numpy(images[first:first + 256].astype(np.float32) / 255.0)
                        mu = module.encode(x * (high - low) + low)
                        mu = mu[0] if isinstance(mu, tuple) else mu
                        mu.numpy()
                    runs.append(time.perf_counter() - start)
                print(f"{label:<14} encode-test   {len(images) / np.median(runs):.0f} images/s  "
                      "(10,000 images, batches of 256, median of 3)")


if __name__ == "__main__":
    main()
