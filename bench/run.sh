#!/usr/bin/env bash
# Benchmark policymetrics extract end to end (see bench/main.go): builds the binary and the
# floor (bench/floor), a ~100 MB corpus of 64 files from testdata/corpus, and one document
# of each -docs size; prints MB/s at -j 1 and -j 2, the ratio to the floor, the -j 2
# speedup and peak RSS against the targets, and exits 1 when one is missed. Extra
# arguments go to the harness (-size 10MB -runs 1 -docs 1,2 for a quick look).
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run ./bench "$@"
