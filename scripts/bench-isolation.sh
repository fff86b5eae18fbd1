#!/usr/bin/env bash
# bench-isolation.sh: the isolation overhead of ingest's worker pool,
# alternating test binaries of several builds in one session. Usage:
#
#   go test -c -o /tmp/old.test ./ingest      # in the old checkout
#   go test -c -o /tmp/new.test ./ingest
#   scripts/bench-isolation.sh [ROUNDS (5)] [PASSES (30)] /tmp/old.test /tmp/new.test
#
# Each round runs BenchmarkExtract's inprocess, inprocess-encoded,
# isolated and isolated-encoded (GOGC=200, one P, as workers run) with
# each binary in turn, and prints per binary the median pages per CPU
# second and the median overhead of isolation (1 - isolated / in process,
# per round): of the decoded and the encoded pool against extraction
# alone, and of the encoded pool against extraction and encoding in
# process (the same work, without the worker boundary).
# The benchmark counts the worker's CPU time too (it has exited when the
# figure is taken). On a shared machine, compare medians, not runs.
set -euo pipefail
rounds=5 passes=30
[[ ${1:-} =~ ^[0-9]+$ ]] && { rounds=$1; shift; }
[[ ${1:-} =~ ^[0-9]+$ ]] && { passes=$1; shift; }
[ $# -gt 0 ] || { echo "usage: bench-isolation.sh [ROUNDS] [PASSES] TESTBINARY..." >&2; exit 2; }
cd "$(dirname "$0")/../ingest" # the benchmark reads ../testdata/pdf
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for r in $(seq 1 "$rounds"); do
	for bin in "$@"; do
		GOGC=200 "$bin" -test.run '^$' -test.bench 'BenchmarkExtract/(inprocess|isolated)' \
			-test.benchtime "${passes}x" -test.cpu 1 |
			awk -v bin="$bin" -v r="$r" '/^BenchmarkExtract\// {
				for (i = 1; i < NF; i++) if ($(i+1) == "pages/cpu-s") v = $i
				split($1, n, "/"); sub(/-[0-9]+$/, "", n[2]); print bin, r, n[2], v }' >>"$out"
	done
done
echo "$rounds rounds of $passes passes; load $(cut -d' ' -f1 /proc/loadavg)"
for bin in "$@"; do
	awk -v bin="$bin" '
		function median(a, n,   i, j, t) {
			for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
			return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
		}
		$1 == bin { v[$3, $2] = $4; if ($2 > rounds) rounds = $2 }
		function overhead(iso, base,   n, r, a) { # "-" for a build without one of them
			n = 0
			for (r = 1; r <= rounds; r++) if (v[iso, r] > 0 && v[base, r] > 0) a[++n] = 100 * (1 - v[iso, r] / v[base, r])
			return n ? sprintf("%.0f", median(a, n)) : "-"
		}
		END {
			line = bin ":"
			split("inprocess inprocess-encoded isolated isolated-encoded", names, " ")
			for (k = 1; k <= 4; k++) {
				n = 0; delete a
				for (r = 1; r <= rounds; r++) a[++n] = v[names[k], r]
				line = line sprintf(" %s %.0f", names[k], median(a, n))
			}
			line = line sprintf("; overhead isolated %s %%, isolated-encoded %s %% (against inprocess-encoded %s %%)",
				overhead("isolated", "inprocess"), overhead("isolated-encoded", "inprocess"),
				overhead("isolated-encoded", "inprocess-encoded"))
			print line " (pages per CPU second, medians)"
		}' "$out"
done
