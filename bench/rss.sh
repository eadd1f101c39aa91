#!/usr/bin/env bash
# Peak RSS of policymetrics extract on ONE document of each size (issue 12: memory
# against document size). The document repeats testdata/corpus/*.txt up to the size;
# -j 1, JSON Lines to /dev/null. Prints size, peak RSS, RSS/size and seconds.
#   bench/rss.sh            # 1 6 24 MB
#   bench/rss.sh 1 6 24 96  # sizes in MB (10^6 bytes)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 6 24)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/pm" ./cmd/policymetrics
cat testdata/corpus/*.txt > "$tmp/seed"
printf '%8s %10s %8s %8s\n' "doc MB" "peak MiB" "RSS/doc" "seconds"
for mb in "${sizes[@]}"; do
	want=$((mb * 1000000))
	: > "$tmp/doc.txt"
	while [ "$(stat -c %s "$tmp/doc.txt")" -lt "$want" ]; do cat "$tmp/seed" >> "$tmp/doc.txt"; done
	truncate -s "$want" "$tmp/doc.txt"
	# cut at a byte may split a character: harmless (one U+FFFD)
	/usr/bin/time -f '%M %e' -o "$tmp/t" "$tmp/pm" extract -q -j 1 --max-file-size 0 "$tmp/doc.txt" > /dev/null || true
	read -r kb secs < "$tmp/t"
	awk -v mb="$mb" -v kb="$kb" -v s="$secs" 'BEGIN { printf "%8d %10.0f %8.1f %8s\n", mb, kb/1024, (kb*1024)/(mb*1e6), s }'
done
