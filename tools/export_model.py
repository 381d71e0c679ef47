#!/usr/bin/python3
"""Save a PyTorch model in Latent Explorer's model contract (docs/models.md).

Use it from your own training code:

    import sys; sys.path.insert(0, "path/to/latent-explorer/tools")
    from export_model import export_model
    export_model(my_vae, "my_vae.pt", image_shape=(1, 28, 28), value_range=(0, 1),
                 class_names=[...], name="My VAE")

The module needs `decode(z)` (N x D -> N x C x H x W; `forward(z)` works for
generator-only models) and, optionally, `encode(x)` returning a tensor or a
(mu, logvar) tuple. Mark `encode`/`decode` with `@torch.jit.export` when they are
not `forward`. The helper scripts the module, embeds meta.json, loads the file back
and checks that decode(zeros) has the promised shape, so a file it writes opens in
the app. `export_pair` writes an encoder and a decoder as two files plus a manifest.

Export with PyTorch 1.13 (Debian's python3-torch) so that the app, built on Debian's
LibTorch 1.13, always loads the file; files from PyTorch 2.x may use operators
LibTorch 1.13 lacks ("Unknown builtin op").

Run as a script to write one of three untrained examples (MLP VAE, conv autoencoder,
generator-only GAN):

    /usr/bin/python3 tools/export_model.py --example mlp-vae --out /tmp/vae.pt
"""
import argparse
import json
from pathlib import Path
from typing import Optional, Sequence, Tuple

import torch
from torch import Tensor, nn


def _meta(latent_dim: int, image_shape: Sequence[int], value_range: Sequence[float],
          **fields) -> dict:
    meta = {"format": "latent-explorer-model", "version": 1, "latent_dim": int(latent_dim),
            "image_shape": [int(s) for s in image_shape],
            "value_range": [float(v) for v in value_range]}
    meta.update({k: v for k, v in fields.items() if v is not None})
    return meta


def _decode_method(module: torch.jit.ScriptModule):
    return module.decode if hasattr(module, "decode") else module.forward


def _check(path: Path, latent_dim: int, image_shape: Sequence[int]) -> None:
    """Load the saved file (what the app will load) and decode a zero latent."""
    loaded = torch.jit.load(str(path))
    with torch.no_grad():
        out = _decode_method(loaded)(torch.zeros(2, latent_dim))
    if tuple(out.shape) != (2, *image_shape):
        raise ValueError(f"{path}: decode(zeros(2, {latent_dim})) returned {tuple(out.shape)}, "
                         f"expected {(2, *image_shape)}")


def export_model(module: nn.Module, path, *, latent_dim: int, image_shape: Sequence[int],
                 value_range: Sequence[float] = (0.0, 1.0), channel_order: Optional[str] = None,
                 class_names: Optional[Sequence[str]] = None, prior: str = "standard_normal",
                 name: Optional[str] = None, description: Optional[str] = None,
                 epoch: Optional[int] = None, step: Optional[int] = None,
                 embed_meta: bool = True, check: bool = True) -> Path:
    """Script `module` and save it with an embedded meta.json. Returns the path.

    A checkpoint of a training run states its `epoch` (or `step`): File > Open Checkpoints
    puts a folder of them in that order, e.g. one per epoch:

        for epoch in range(1, epochs + 1):
            train_one_epoch(vae)
            export_model(vae, f"run/epoch_{epoch:03d}.pt", latent_dim=16, image_shape=(1, 28, 28),
                         epoch=epoch)
    """
    path = Path(path)
    module.eval()
    scripted = module if isinstance(module, torch.jit.ScriptModule) else torch.jit.script(module)
    meta = _meta(latent_dim, image_shape, value_range, channel_order=channel_order,
                 class_names=list(class_names) if class_names else None, prior=prior,
                 name=name, description=description, epoch=epoch, step=step)
    extra = {"meta.json": json.dumps(meta, indent=2)} if embed_meta else {}
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.jit.save(scripted, str(path), _extra_files=extra)
    if check:
        _check(path, latent_dim, image_shape)
    return path


def export_pair(encoder: nn.Module, decoder: nn.Module, manifest_path, *, latent_dim: int,
                image_shape: Sequence[int], value_range: Sequence[float] = (0.0, 1.0),
                **fields) -> Path:
    """Save encoder and decoder as `<stem>_encoder.pt` / `<stem>_decoder.pt` next to a
    JSON manifest naming them. Their `forward` methods are encode and decode."""
    manifest_path = Path(manifest_path)
    stem = manifest_path.with_suffix("")
    enc_path = stem.with_name(stem.name + "_encoder.pt")
    dec_path = stem.with_name(stem.name + "_decoder.pt")
    for module, target in ((encoder, enc_path), (decoder, dec_path)):
        module.eval()
        torch.jit.save(torch.jit.script(module), str(target))
    _check(dec_path, latent_dim, image_shape)
    manifest = {"encoder": enc_path.name, "decoder": dec_path.name,
                "meta": _meta(latent_dim, image_shape, value_range, **fields)}
    manifest_path.write_text(json.dumps(manifest, indent=2))
    return manifest_path


class MlpVae(nn.Module):
    """Example 1: MLP VAE; encode returns (mu, logvar), decode ends in a sigmoid: [0, 1]."""

    def __init__(self, latent_dim: int = 8, image_shape: Tuple[int, int, int] = (1, 28, 28),
                 hidden: int = 64):
        super().__init__()
        pixels = image_shape[0] * image_shape[1] * image_shape[2]
        self.image_shape = image_shape
        self.encoder = nn.Sequential(nn.Flatten(), nn.Linear(pixels, hidden), nn.ReLU())
        self.to_mu = nn.Linear(hidden, latent_dim)
        self.to_logvar = nn.Linear(hidden, latent_dim)
        self.decoder = nn.Sequential(nn.Linear(latent_dim, hidden), nn.ReLU(),
                                     nn.Linear(hidden, pixels))

    @torch.jit.export
    def encode(self, x: Tensor) -> Tuple[Tensor, Tensor]:
        h = self.encoder(x)
        return self.to_mu(h), self.to_logvar(h)

    @torch.jit.export
    def decode(self, z: Tensor) -> Tensor:
        c, h, w = self.image_shape
        return torch.sigmoid(self.decoder(z)).view(z.shape[0], c, h, w)

    def forward(self, z: Tensor) -> Tensor:
        return self.decode(z)


class ConvAutoencoder(nn.Module):
    """Example 2: conv autoencoder for 28x28 grey images; encode returns a tensor and
    decode ends in tanh, so its value range is [-1, 1]."""

    def __init__(self, latent_dim: int = 4, channels: int = 1):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(channels, 8, 4, stride=2, padding=1), nn.ReLU(),   # 14x14
            nn.Conv2d(8, 16, 4, stride=2, padding=1), nn.ReLU(),         # 7x7
            nn.Flatten(), nn.Linear(16 * 7 * 7, latent_dim))
        self.from_latent = nn.Linear(latent_dim, 16 * 7 * 7)
        self.decoder = nn.Sequential(
            nn.ConvTranspose2d(16, 8, 4, stride=2, padding=1), nn.ReLU(),       # 14x14
            nn.ConvTranspose2d(8, channels, 4, stride=2, padding=1), nn.Tanh())  # 28x28

    @torch.jit.export
    def encode(self, x: Tensor) -> Tensor:
        return self.encoder(x)

    @torch.jit.export
    def decode(self, z: Tensor) -> Tensor:
        return self.decoder(self.from_latent(z).view(z.shape[0], 16, 7, 7))

    def forward(self, x: Tensor) -> Tensor:
        return self.decode(self.encode(x))


class GanGenerator(nn.Module):
    """Example 3: a DCGAN-style generator, forward(z) only: N x D -> N x 3 x 64 x 64 in
    [-1, 1]. The app samples its latents from the prior instead of encoding data."""

    def __init__(self, latent_dim: int = 16, channels: int = 3, width: int = 16):
        super().__init__()
        self.net = nn.Sequential(
            nn.ConvTranspose2d(latent_dim, width * 4, 4, 1, 0), nn.ReLU(),  # 4x4
            nn.ConvTranspose2d(width * 4, width * 2, 4, 2, 1), nn.ReLU(),   # 8x8
            nn.ConvTranspose2d(width * 2, width, 4, 2, 1), nn.ReLU(),       # 16x16
            nn.ConvTranspose2d(width, width, 4, 2, 1), nn.ReLU(),           # 32x32
            nn.ConvTranspose2d(width, channels, 4, 2, 1), nn.Tanh())        # 64x64

    def forward(self, z: Tensor) -> Tensor:
        return self.net(z.view(z.shape[0], z.shape[1], 1, 1))


def export_example(example: str, out: Path) -> Path:
    torch.manual_seed(0)
    if example == "mlp-vae":
        return export_model(MlpVae(), out, latent_dim=8, image_shape=(1, 28, 28),
                            name="Example MLP VAE (untrained)")
    if example == "conv-ae":
        return export_model(ConvAutoencoder(), out, latent_dim=4, image_shape=(1, 28, 28),
                            value_range=(-1, 1), name="Example conv autoencoder (untrained)")
    return export_model(GanGenerator(), out, latent_dim=16, image_shape=(3, 64, 64),
                        value_range=(-1, 1), channel_order="rgb",
                        name="Example GAN generator (untrained)")


def main() -> None:
    parser = argparse.ArgumentParser(description="Write an example model in the contract.")
    parser.add_argument("--example", choices=["mlp-vae", "conv-ae", "gan"], required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    print("wrote", export_example(args.example, args.out))


if __name__ == "__main__":
    main()
