#!/usr/bin/env bash
# Configures and builds Latent Explorer in Release into build/ (incremental). Arguments go
# to CMake's configure step (tools/test.sh passes -DLATENT_WERROR=ON). LATENT_BUILD_TARGETS
# names what to build (default: everything; tools/run.sh builds only the app).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${LATENT_JOBS:-$(nproc 2>/dev/null || echo 2)}  # LATENT_JOBS: compilers at once on a shared machine
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -Wno-dev "$@" >/dev/null
cmake --build build -j"$jobs" --target ${LATENT_BUILD_TARGETS:-all}
