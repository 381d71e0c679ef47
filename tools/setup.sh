#!/usr/bin/env bash
# Installs the Debian packages Latent Explorer needs to build, run and test.
# Idempotent and quiet when nothing is missing.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  qt6-base-dev libqt6opengl6-dev qt6-qpa-plugins fonts-dejavu-core
  libvtk9-dev
  libtorch-dev libopenblas0-pthread
  libgtest-dev libgmock-dev libbenchmark-dev
  nlohmann-json3-dev libcli11-dev libhnswlib-dev libigraph-dev libfftw3-dev
  zlib1g-dev libpng-dev libgif-dev libjpeg62-turbo-dev
  clang libclang-rt-14-dev
  xvfb xauth libgl1-mesa-dri xdotool
  desktop-file-utils appstream
  dataset-fashion-mnist
  python3-torch python3-numpy
  umap-learn python3-sklearn python3-leidenalg r-cran-dbscan r-cran-uwot r-cran-rtsne
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${#missing[@]} missing package(s): ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
