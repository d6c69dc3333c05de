#!/usr/bin/env bash
# The README's second command (and exactly what .ci/run calls): install what is missing, build with warnings as
# errors, start the throwaway services the tests use, and run every test with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh ci

export QT_QPA_PLATFORM=offscreen
services="$(dirname "$0")/test-services.sh"
if [ -x "$services" ]; then
    exec "$services" ctest --preset ci "$@"
fi
exec ctest --preset ci "$@"
