#!/usr/bin/env bash
# Configures and builds with a CMake preset (default: "default"), two jobs, ccache when present.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-default}"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
