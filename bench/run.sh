#!/usr/bin/env bash
# Benchmark policymetrics extract end to end (see bench/main.go): builds the binary and a
# ~100 MB corpus of 64 files from testdata/corpus, runs -j 1 and -j 2, prints MB/s and
# peak RSS against the targets. Extra arguments go to the harness (-size 400MB, -runs 5).
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run ./bench "$@"
