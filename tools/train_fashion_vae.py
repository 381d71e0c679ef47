#!/usr/bin/python3
"""Train the bundled Fashion-MNIST VAE and export it as a Latent Explorer model.

Reads Debian's dataset-fashion-mnist files (IDX, gzip), trains a small MLP VAE on
the 60,000-image training split, evaluates on the 10,000-image test split every
epoch, exports TorchScript with an embedded meta.json, re-loads the file to check
it, and writes a markdown training log.  Export with Debian's python3-torch (1.13)
so that Debian's LibTorch can always load the result.
"""
import argparse
import gzip
import json
import os
import platform
import shlex
import struct
import sys
import time
from pathlib import Path
from typing import Tuple

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor, nn

REPO = Path(__file__).resolve().parent.parent
LATENT_DIM = 16
CLASS_NAMES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
               "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]


def read_idx(path: Path, expected_magic: int, expected_dims: Tuple[int, ...]) -> np.ndarray:
    """Read a gzip'd unsigned-byte IDX file, checking magic and sizes before trusting them."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    if len(data) < 4:
        raise ValueError(f"{path}: too short for an IDX header")
    magic = struct.unpack(">I", data[:4])[0]
    if magic != expected_magic:
        raise ValueError(f"{path}: magic {magic:#010x}, expected {expected_magic:#010x}")
    ndim = magic & 0xFF
    header = 4 + 4 * ndim
    dims = struct.unpack(f">{ndim}I", data[4:header])
    if dims != expected_dims:
        raise ValueError(f"{path}: dimensions {dims}, expected {expected_dims}")
    if len(data) - header != int(np.prod(dims)):
        raise ValueError(f"{path}: {len(data) - header} payload bytes, expected {np.prod(dims)}")
    return np.frombuffer(data, dtype=np.uint8, offset=header).reshape(dims)


def load_split(data_dir: Path, prefix: str, count: int) -> Tuple[Tensor, Tensor]:
    """Images as float32 [N,1,28,28] in [0,1] plus int64 labels."""
    images = read_idx(data_dir / f"{prefix}-images-idx3-ubyte.gz", 0x00000803, (count, 28, 28))
    labels = read_idx(data_dir / f"{prefix}-labels-idx1-ubyte.gz", 0x00000801, (count,))
    x = torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1)
    return x, torch.from_numpy(labels.astype(np.int64))


class FashionVAE(nn.Module):
    """MLP VAE: 784-512-256 -> (mu, logvar) in 16-d, decoder 16-256-512-784."""

    def __init__(self, latent_dim: int = LATENT_DIM):
        super().__init__()
        self.encoder = nn.Sequential(nn.Flatten(), nn.Linear(784, 512), nn.ReLU(),
                                     nn.Linear(512, 256), nn.ReLU())
        self.to_mu = nn.Linear(256, latent_dim)
        self.to_logvar = nn.Linear(256, latent_dim)
        self.decoder = nn.Sequential(nn.Linear(latent_dim, 256), nn.ReLU(),
                                     nn.Linear(256, 512), nn.ReLU(), nn.Linear(512, 784))

    @torch.jit.export
    def encode(self, x: Tensor) -> Tuple[Tensor, Tensor]:
        h = self.encoder(x)
        return self.to_mu(h), self.to_logvar(h)

    def decode_logits(self, z: Tensor) -> Tensor:
        # Training only (not exported): logits: BCE-with-logits is stabler than BCE on sigmoid output.
        return self.decoder(z)

    @torch.jit.export
    def decode(self, z: Tensor) -> Tensor:
        return torch.sigmoid(self.decoder(z)).view(z.shape[0], 1, 28, 28)  # N=0 stays valid

    def forward(self, z: Tensor) -> Tensor:
        return self.decode(z)


def vae_loss(model: FashionVAE, x: Tensor, eps: Tensor) -> Tuple[Tensor, Tensor]:
    """Summed (BCE + KL) over the batch, and the summed BCE alone."""
    mu, logvar = model.encode(x)
    z = mu + torch.exp(0.5 * logvar) * eps
    bce = F.binary_cross_entropy_with_logits(model.decode_logits(z), x.flatten(1), reduction="sum")
    kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    return bce + kl, bce


@torch.no_grad()
def evaluate(model: FashionVAE, x: Tensor, seed: int) -> Tuple[float, float]:
    """Per-image test loss (one seeded z sample) and reconstruction BCE decoding mu."""
    gen = torch.Generator().manual_seed(seed)  # same noise every epoch: comparable numbers
    total, recon = 0.0, 0.0
    for batch in x.split(1000):
        eps = torch.randn(batch.shape[0], LATENT_DIM, generator=gen)
        total += vae_loss(model, batch, eps)[0].item()
        recon += vae_loss(model, batch, torch.zeros_like(eps))[1].item()
    return total / len(x), recon / len(x)


def write_log(path: Path, args, rows, summary: dict) -> None:
    lines = [
        "# Training log: bundled Fashion-MNIST VAE",
        "",
        "Written by `tools/train_fashion_vae.py`; regenerate it by re-running the command.",
        "",
        "## Command",
        "",
        "```sh",
        " ".join(shlex.quote(a) for a in [sys.executable] + sys.argv),
        "```",
        "",
        "## Machine",
        "",
        f"- CPU only, {os.cpu_count()} cores, {args.threads} intra-op thread(s) (`torch.set_num_threads`)",
        f"- {platform.platform()}, Python {platform.python_version()}",
        f"- torch {torch.__version__} from `{Path(torch.__file__).parent}`",
        "- Threads: on this 2-core VM two OpenMP threads made a training step 3-10x slower",
        "  than one (100-step microbenchmark: 8-9 ms vs 25-200 ms per batch), hence the",
        "  default of 1. Wall seconds well above CPU seconds mean other load on the machine.",
        "",
        "## Setup",
        "",
        f"- Data: Fashion-MNIST train (60,000) from `{args.data_dir}`; test split (10,000) for evaluation",
        "- Model: MLP VAE 784-512-256 -> mu/logvar (16) ; decoder 16-256-512-784, sigmoid output",
        f"- Loss: BCE (sum over pixels) + KL, per image; Adam lr 1e-3, batch 128, seed {args.seed}",
        "- Train loss: mean over the epoch's batches (weights change during the epoch).",
        "- Test loss: same loss on the test split with one fixed-seed z sample per image;",
        "  test recon BCE: reconstruction term alone when decoding the mean mu.",
        "",
        "## Epochs",
        "",
        "| epoch | train loss | test loss | test recon BCE | seconds | CPU seconds |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [f"| {e} | {tr:.2f} | {te:.2f} | {rc:.2f} | {s:.1f} | {c:.1f} |"
              for e, tr, te, rc, s, c in rows]
    lines += ["", "## Result", ""]
    lines += [f"- {k}: {v}" for k, v in summary.items()]
    lines += [
        "",
        "## Reproduce",
        "",
        "```sh",
        "sudo apt-get install python3-torch python3-numpy dataset-fashion-mnist",
        "/usr/bin/python3 tools/train_fashion_vae.py  # defaults match the bundled model",
        "```",
        "",
        "Use Debian's `/usr/bin/python3` (a pyenv/venv `python3` does not see `python3-torch`).",
        "Same seed and thread count give the same data order and noise; bit-identical",
        "weights also need the same torch build and thread count (float sums differ).",
        "",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines))


def model_meta(args, rows, epoch=None) -> dict:
    """The model's meta.json; a checkpoint's also says its epoch (docs/models.md)."""
    meta = {
        "format": "latent-explorer-model", "version": 1,
        "name": "Fashion-MNIST VAE (MLP, 16-d)",
        "description": "Variational autoencoder trained on Fashion-MNIST (28x28 grayscale "
                       "garments). MLP encoder/decoder, 16-d latent, standard normal prior.",
        "latent_dim": LATENT_DIM, "image_shape": [1, 28, 28], "value_range": [0, 1],
        "channel_order": "gray", "prior": "standard_normal", "class_names": CLASS_NAMES,
        "training": {"dataset": f"Fashion-MNIST train ({args.train_count:,})", "epochs": len(rows),
                     "seed": args.seed, "final_train_loss": round(rows[-1][1], 3),
                     "final_test_loss": round(rows[-1][2], 3), "torch_version": torch.__version__},
    }
    if epoch is not None:
        meta["epoch"] = epoch
    return meta


def save(model: nn.Module, path: Path, meta: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.jit.save(torch.jit.script(model), str(path), _extra_files={"meta.json": json.dumps(meta, indent=2)})


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data-dir", type=Path, default=Path("/usr/share/datasets/fashion-mnist"))
    p.add_argument("--out", type=Path, default=REPO / "resources/models/fashion_vae.pt")
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--seed", type=int, default=1234)
    # One thread: on the 2-core build machine two OpenMP threads made each step 3-10x
    # slower for this small MLP (see docs/training.md).
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--log", type=Path, default=REPO / "docs/training.md")
    p.add_argument("--train-count", type=int, default=60000,
                   help="train on the first N training images (a quick run, e.g. for checkpoints in tests)")
    p.add_argument("--checkpoints", type=Path,
                   help="also save the model after every epoch as DIR/epoch_NNN.pt, its epoch in meta.json "
                        "(File > Open Checkpoints)")
    args = p.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    x_train = load_split(args.data_dir, "train", 60000)[0][:args.train_count]
    x_test, _ = load_split(args.data_dir, "t10k", 10000)

    model = FashionVAE()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    order_gen = torch.Generator().manual_seed(args.seed)  # data order independent of other RNG use
    rows, start = [], time.perf_counter()
    for epoch in range(1, args.epochs + 1):
        t0, c0 = time.perf_counter(), time.process_time()
        model.train()
        running = 0.0
        for idx in torch.randperm(len(x_train), generator=order_gen).split(128):
            batch = x_train[idx]
            loss, _ = vae_loss(model, batch, torch.randn(len(idx), LATENT_DIM))
            opt.zero_grad()
            loss.backward()
            opt.step()
            running += loss.item()
        model.eval()
        test_loss, test_recon = evaluate(model, x_test, args.seed)
        rows.append((epoch, running / len(x_train), test_loss, test_recon,
                     time.perf_counter() - t0, time.process_time() - c0))
        print("epoch %2d  train %.2f  test %.2f  recon %.2f  %.1fs (cpu %.1fs)" % rows[-1], flush=True)
        if args.checkpoints:
            save(model, args.checkpoints / f"epoch_{epoch:03d}.pt", model_meta(args, rows, epoch))
    total_time, total_cpu = time.perf_counter() - start, sum(r[5] for r in rows)

    meta = model_meta(args, rows)
    save(model, args.out, meta)

    # Check the file, not the in-memory script module: this is what the app will load.
    files = {"meta.json": ""}
    loaded = torch.jit.load(str(args.out), _extra_files=files)
    assert json.loads(files["meta.json"]) == meta, "meta.json did not round-trip"
    with torch.no_grad():
        batch = x_test[:256]
        mu, logvar = model.encode(batch)
        mu2, logvar2 = loaded.encode(batch)
        recon, recon2, fwd = model.decode(mu), loaded.decode(mu), loaded.forward(mu)
    diff = max((a - b).abs().max().item() for a, b in
               [(mu, mu2), (logvar, logvar2), (recon, recon2), (recon, fwd)])
    if diff >= 1e-5 or recon2.shape != (256, 1, 28, 28):
        sys.exit(f"export check failed: max abs diff {diff:g}, decode shape {tuple(recon2.shape)}")

    size = args.out.stat().st_size
    summary = {
        "epochs": args.epochs,
        "final train loss (per image)": f"{rows[-1][1]:.2f}",
        "final test loss (per image)": f"{rows[-1][2]:.2f}",
        "final test recon BCE, decoding mu (per image)": f"{rows[-1][3]:.2f}",
        "total training time": f"{total_time:.0f} s wall ({total_time / args.epochs:.1f} s/epoch incl. eval), "
                               f"{total_cpu:.0f} s CPU",
        "model file": f"`{args.out.name}`, {size / 1e6:.2f} MB ({size} bytes), float32 TorchScript",
        "export check": f"TorchScript vs eager encode/decode/forward max abs diff {diff:.2g}",
    }
    write_log(args.log, args, rows, summary)
    print(f"saved {args.out} ({size / 1e6:.2f} MB); log {args.log}")
    for k, v in summary.items():
        print(f"  {k}: {v}")


if __name__ == "__main__":
    main()
