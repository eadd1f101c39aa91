#!/usr/bin/env bash
# Instructions per iteration of a Go benchmark, counted by valgrind: a measure that does not
# drift with a virtual machine's speed, for comparing two builds of a hot path (the wall
# time of a 2% change is lost in this VM's noise; the instruction count is not).
#
#   bench/instructions.sh [package] [benchmark]     default: ./extract LongDocument
#
# It builds the package's test binary, runs the benchmark for 1 and for 5 iterations under
# `valgrind --tool=cachegrind` (GOGC=off, GOMAXPROCS=1, so that no collector or second
# thread adds its own), and prints the difference over 4: start-up and the first
# iteration's warming are left out. Repeated counts agree within about 2%. Needs
# valgrind (Debian: apt-get install valgrind). cpu.rdtscp=off: valgrind 3.19 does not know
# RDTSCP, which the runtime's lock reads the clock with when a lock is contended (sysmon):
# the run died on SIGILL at random, more often on a busy machine, and the count was that
# of a part of the run. A run that fails all the same is tried again, up to three times.
set -euo pipefail
cd "$(dirname "$0")/.."
pkg=${1:-./extract}
name=${2:-LongDocument}
command -v valgrind >/dev/null || { echo "instructions.sh: valgrind not found" >&2; exit 2; }
bin=$(mktemp -d)/bench.test
go test -c -o "$bin" "$pkg"
count() {
	local try out
	for try in 1 2 3; do
		out=$(cd "$pkg" && GODEBUG=cpu.rdtscp=off GOGC=off GOMAXPROCS=1 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
			"$bin" -test.run '^$' -test.bench "^Benchmark$name\$" -test.benchtime "$1x" 2>&1) || true
		# A run that died counted part of the work: no figure rather than a wrong one.
		if grep -q '^PASS' <<<"$out"; then
			awk '/I[ ]+refs:/ { gsub(",", "", $4); print $4 }' <<<"$out"
			return 0
		fi
		echo "instructions.sh: the run of $1 iterations failed (try $try of 3)" >&2
	done
	tail -20 <<<"$out" >&2
	exit 1
}
one=$(count 1)
five=$(count 5)
# Two decimals: changes of about a million are what it is used to judge, and whole
# millions hid them (the counts repeat within about 0.1 M on this benchmark's sorted input).
awk -v n="$name" -v five="$five" -v one="$one" 'BEGIN { printf "Benchmark%s: %.2f M instructions per iteration\n", n, (five - one) / 4 / 1e6 }'
rm -rf "$(dirname "$bin")"
