#!/usr/bin/env bash
# Where a real run's time goes, by sampling: the share of samples of each function of
# `extract -q -j 1 DIR`, summed over a few runs, and the hottest instructions of the top
# ones with their source lines. It shows what instructions.sh cannot: the cost of memory
# (a table look that misses the cache, a copy through the stack that stalls on store
# forwarding) is time, not instructions. A function whose share of samples is well above
# its share of instructions is waiting on memory; its hottest instruction (perf puts the
# sample on the one after the slow one) says on what.
#
#   bench/samples.sh DIR [runs] [functions]     default: 3 runs, the top 25 functions
#
# DIR is the input (bench/run.sh -dir DIR keeps its corpus there). Needs perf (Debian:
# apt-get install linux-perf); in a VM perf samples the CPU clock, which is enough here.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: bench/samples.sh DIR [runs] [functions]}
runs=${2:-3}
top=${3:-25}
command -v perf >/dev/null || { echo "samples.sh: perf not found" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin=$tmp/policymetrics
go build -o "$bin" ./cmd/policymetrics
for r in $(seq "$runs"); do
	perf record -q -o "$tmp/perf.$r" -F 4000 "$bin" extract -q -j 1 "$dir" >/dev/null
done
# One line a sample: its address and function, from every run.
for r in $(seq "$runs"); do
	perf script -i "$tmp/perf.$r" -F ip,sym 2>/dev/null
done >"$tmp/samples"
go tool objdump "$bin" >"$tmp/objdump"
awk -v top="$top" -v tmp="$tmp" '
	FNR == NR {  # the disassembly: address -> "file:line  instruction"
		if (match($0, /0x[0-9a-f]+/)) {
			addr = substr($0, RSTART + 2, RLENGTH - 2)
			sub(/^0+/, "", addr)
			line = $1; ins = $0
			sub(/^[^\t]*\t+[^\t]*\t+[^\t]*\t+/, "", ins); sub(/[ \t]+$/, "", ins)
			# The instruction before too: a sample falls on the one after the slow one.
			where[addr] = line "  " prev " | " ins
			prev = ins
		}
		next
	}
	NF >= 2 {
		ip = $1; sub(/^0+/, "", ip)
		fn = $2; sub(/\+0x[0-9a-f]+$/, "", fn); sub(/^github\.com\/policymetrics\/policymetrics\//, "", fn)
		n++; byFn[fn]++; byAddr[ip]++; fnOf[ip] = fn
	}
	END {
		printf "%d samples\n\n%% of samples  function\n", n
		k = 0
		for (f in byFn) order[++k] = f
		for (i = 2; i <= k; i++) for (j = i; j > 1 && byFn[order[j]] > byFn[order[j-1]]; j--) { t = order[j]; order[j] = order[j-1]; order[j-1] = t }
		for (i = 1; i <= top && i <= k; i++) { printf "%7.2f  %s\n", 100 * byFn[order[i]] / n, order[i]; shown[order[i]] = 1 }
		printf "\nhottest instructions of those functions (%% of all samples; source line, the instruction before | the one sampled):\n"
		m = 0
		for (a in byAddr) if (shown[fnOf[a]] && byAddr[a] / n >= 0.001) hot[++m] = a
		for (i = 2; i <= m; i++) for (j = i; j > 1 && byAddr[hot[j]] > byAddr[hot[j-1]]; j--) { t = hot[j]; hot[j] = hot[j-1]; hot[j-1] = t }
		for (i = 1; i <= m && i <= 30; i++) printf "%7.2f  %-36s  %s\n", 100 * byAddr[hot[i]] / n, substr(fnOf[hot[i]], length(fnOf[hot[i]]) - 35), where[hot[i]]
	}' "$tmp/objdump" "$tmp/samples"
