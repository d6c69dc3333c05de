#!/usr/bin/env bash
# The README's second command (and exactly what .ci/run calls): install what is missing, build with warnings as
# errors, start the throwaway services the tests use, and run every test with ctest; then build the headless half
# alone (-DCASEBRIDGE_GUI=OFF: no Widgets anywhere) and run its tests too.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh ci
./scripts/build.sh headless # same flags, so ccache hands back the core's objects

export QT_QPA_PLATFORM=offscreen
services="$(dirname "$0")/test-services.sh"
run() { if [ -x "$services" ]; then "$services" "$@"; else "$@"; fi; }
run ctest --preset ci "$@"
echo "test.sh: the headless build (CASEBRIDGE_GUI=OFF)"
run ctest --preset headless "$@"
