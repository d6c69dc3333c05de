#!/usr/bin/env bash
# The README's first command: install what is missing, build, and start the console on the embedded default
# (a SQLite store in the user's data folder and the sandbox helpdesk). Extra arguments go to `casebridge`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh default

args=("$@")
if [ ${#args[@]} -eq 0 ]; then
    args=(--sandbox) # the first-run experience: a seeded sandbox helpdesk and the setup wizard
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "run: no display found (DISPLAY and WAYLAND_DISPLAY are unset); starting the console on a virtual" \
         "display with xvfb-run. Log in to a desktop session to see the window." >&2
    exec xvfb-run -a -s "-screen 0 1280x1024x24" ./build/bin/casebridge ${args[@]+"${args[@]}"}
fi
exec ./build/bin/casebridge ${args[@]+"${args[@]}"}
