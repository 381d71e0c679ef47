#!/usr/bin/env bash
# Installs what is missing, builds, and opens Latent Explorer on the bundled model and
# the Fashion-MNIST test split. Extra arguments go to the app (see --help).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
LATENT_BUILD_TARGETS=latent-explorer tools/build.sh  # not the tests, benchmarks or fixtures
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  echo "run: no display found; starting under xvfb-run (nothing will be visible)." >&2
  exec xvfb-run -a -s "-screen 0 1600x1000x24" build/app/latent-explorer "$@"
fi
exec build/app/latent-explorer "$@"
