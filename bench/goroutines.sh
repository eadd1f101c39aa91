#!/usr/bin/env bash
# Where the goroutines of a parallel run spend their time: runs BenchmarkExtractJ2 (extract
# -j 2 over testdata's corpus and genres, in process) once under the Go execution tracer,
# and prints, for the goroutines that ran longest, their time running, runnable (ready,
# waiting for a processor) and blocked, and where they blocked (bench/goroutines). A
# worker blocked waiting for a document, or a writer long runnable, is time no CPU
# profile shows: it is how the worker's yield in extract/batch was found.
#
#   bench/goroutines.sh [benchmark] [goroutines]    default: ExtractJ2, the top 8
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:-ExtractJ2}
top=${2:-8}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test ./cmd/policymetrics -run '^$' -bench "^Benchmark$name\$" -benchtime 1x -trace "$tmp/trace.out" >/dev/null
(cd bench/goroutines && go run . "$tmp/trace.out" "$top")
