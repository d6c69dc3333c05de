#!/usr/bin/env bash
# Configures and builds with a CMake preset (default: "default"), two jobs, ccache when present.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-default}"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}" # other checkouts share hits
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
