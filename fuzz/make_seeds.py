#!/usr/bin/python3
"""Writes a small seed corpus per fuzz target: numpy-written .npy/.npz files, tiny IDX
files (plain and gzip) and TSV/CSV text. Usage: make_seeds.py CORPUS_DIR"""
import gzip
import os
import struct
import subprocess
import sys

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[1]
fixtures = os.path.join(out, "numpy")
subprocess.run(["/usr/bin/python3", os.path.join(here, "..", "tests", "fixtures", "make_numpy_fixtures.py"),
                fixtures], check=True)
for target in ("npy", "npz", "idx", "tsv"):
    os.makedirs(os.path.join(out, target), exist_ok=True)
for name in os.listdir(fixtures):
    ext = name.rsplit(".", 1)[-1]
    if ext in ("npy", "npz"):
        with open(os.path.join(fixtures, name), "rb") as src, \
             open(os.path.join(out, ext, name), "wb") as dst:
            dst.write(src.read())

def idx(type_code, dims, payload):
    return bytes([0, 0, type_code, len(dims)]) + b"".join(struct.pack(">I", d) for d in dims) + payload

images = idx(0x08, [2, 3, 3], bytes(range(18)))
floats = idx(0x0D, [2, 2], np.arange(4, dtype=">f4").tobytes())
seeds = {"images.idx": images, "floats.idx": floats, "images.idx.gz": gzip.compress(images)}
for name, data in seeds.items():
    with open(os.path.join(out, "idx", name), "wb") as f:
        f.write(data)
texts = {"vectors.tsv": "0.1\t0.2\t-3\n1e-3\t5\t6\n",
         "metadata.tsv": "name\tclass\na\t1\nb\t2\n",
         "quoted.csv": "id,label\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n"}
for name, text in texts.items():
    with open(os.path.join(out, "tsv", name), "w") as f:
        f.write(text)
