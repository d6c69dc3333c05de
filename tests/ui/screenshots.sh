#!/bin/sh
# Renders the console's main screens and dialogs to PNG under a virtual X server, in English and German.
# Usage: tests/ui/screenshots.sh [BUILD_DIR]   (default: build) → BUILD_DIR/screenshots/{en,de}/*.png
# Needs xvfb and xauth (apt-get install xvfb xauth).
set -eu
BUILD=${1:-build}
cmake --build "$BUILD" --target cb_screenshots
for lang in en de; do
    out="$BUILD/screenshots/$lang"
    mkdir -p "$out"
    QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=1 QT_LOGGING_RULES='casebridge.*.info=false' \
        xvfb-run -a -s "-screen 0 1280x1024x24" "$BUILD/bin/cb_screenshots" "$out" "$lang"
done
ls -1 "$BUILD"/screenshots/*/*.png
