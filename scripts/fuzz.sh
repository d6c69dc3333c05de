#!/usr/bin/env bash
# Fuzzes the webhook payload parser with libFuzzer (clang from Debian; scripts/install-deps.sh installs it).
#   scripts/fuzz.sh [SECONDS]    default 60; crashes are written to build-fuzz/ and make the script fail
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
out=build-fuzz
mkdir -p "$out/corpus"
cp -n tests/fuzz/corpus/* "$out/corpus/" 2>/dev/null || true
qt_flags=$(pkg-config --cflags Qt6Core)
qt_libs=$(pkg-config --libs Qt6Core)
clang++ -std=c++20 -g -O1 -fPIC -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -DQT_NO_KEYWORDS -DQT_NO_CAST_FROM_ASCII -Icore $qt_flags \
    tests/fuzz/fuzz_webhookpayloadparser.cpp core/webhook/webhookpayloadparser.cpp \
    core/domain/ticketvocabulary.cpp core/common/result.cpp \
    $qt_libs -o "$out/fuzz_webhookpayloadparser"
cd "$out"
./fuzz_webhookpayloadparser -max_total_time="$seconds" -max_len=8192 -timeout=5 -print_final_stats=1 corpus
