#!/usr/bin/env bash
# bench-e2e.sh: referat ingest against pdftotext and mutool on the same
# corpus, each with 2 processes in parallel, ROUNDS rounds (alternating),
# and the throughput ratios. Usage:
#
#   go run ./internal/testpdf/corpus -n 2000 -out .cache/corpus   # once
#   scripts/bench-e2e.sh [CORPUS (.cache/corpus)] [ROUNDS (3)]
#
# referat runs `ingest --workers 2 --quiet` into a fresh store (extraction,
# analysis and the store), then again with nothing changed (no-op);
# pdftotext and mutool (`draw -F txt`) run once per file, two files at a
# time (xargs -P 2), writing to /dev/null. Times are wall and CPU (user +
# system, children included, from /usr/bin/time); on a shared machine the
# CPU ratio is the one to trust. A ratio is the other tool's time divided
# by referat's: 2.5 means referat does the corpus 2.5 times as fast.
#
# With OLD=BINARY (another build of referat, e.g. main's), each round also
# runs it the same way, just before this checkout's, and prints its
# ratios too: alternating A/B rounds in one session.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-.cache/corpus}
rounds=${2:-3}
work=.cache/bench-e2e
mkdir -p "$work"
go build -o "$work/referat" ./cmd/referat
find "$corpus" -name '*.pdf' -print0 | sort -z >"$work/files"
n=$(tr -cd '\0' <"$work/files" | wc -c)
[ "$n" -gt 0 ] || { echo "no PDFs under $corpus" >&2; exit 1; }
command -v pdftotext >/dev/null || { echo "pdftotext is missing (apt-get install poppler-utils)" >&2; exit 1; }
command -v mutool >/dev/null || { echo "mutool is missing (apt-get install mupdf-tools)" >&2; exit 1; }

# measure NAME CMD...: runs CMD, prints "NAME wall cpu maxrss_kb".
measure() {
	local name=$1
	shift
	/usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/$name.err" || {
		echo "$name failed:" >&2
		tail -5 "$work/$name.err" >&2
		exit 1
	}
	read -r wall user sys rss <"$work/time"
	echo "$name $wall $(echo "$user + $sys" | bc) $rss"
}

echo "corpus: $n PDFs under $corpus; $rounds rounds; $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg)"
printf '%-6s %-10s %8s %8s %8s\n' round tool wall_s cpu_s rss_mb
for r in $(seq 1 "$rounds"); do
	results=()
	if [ -n "${OLD:-}" ]; then
		rm -rf "$work/store"
		results+=("$(measure old "$OLD" ingest --workers 2 --quiet --store "$work/store" "$corpus")")
	fi
	rm -rf "$work/store"
	results+=("$(measure referat "$work/referat" ingest --workers 2 --quiet --store "$work/store" "$corpus")")
	results+=("$(measure noop "$work/referat" ingest --workers 2 --quiet --store "$work/store" "$corpus")")
	results+=("$(measure pdftotext xargs -0 -P 2 -I{} pdftotext {} /dev/null <"$work/files")")
	results+=("$(measure mutool xargs -0 -P 2 -I{} mutool draw -q -F txt -o /dev/null {} <"$work/files")")
	for l in "${results[@]}"; do
		read -r name wall cpu rss <<<"$l"
		printf '%-6s %-10s %8s %8s %8d\n' "$r" "$name" "$wall" "$cpu" $((rss / 1024))
	done
	o=0
	[ -n "${OLD:-}" ] && o=1
	read -r _ rw rc _ <<<"${results[o]}"
	read -r _ pw pc _ <<<"${results[o + 2]}"
	read -r _ mw mc _ <<<"${results[o + 3]}"
	printf 'round %s ratios (other/referat): pdftotext wall %.2f cpu %.2f; mutool wall %.2f cpu %.2f\n' "$r" \
		"$(echo "$pw / $rw" | bc -l)" "$(echo "$pc / $rc" | bc -l)" \
		"$(echo "$mw / $rw" | bc -l)" "$(echo "$mc / $rc" | bc -l)"
	if [ "$o" = 1 ]; then
		read -r _ ow oc _ <<<"${results[0]}"
		printf 'round %s old: pdftotext wall %.2f cpu %.2f; mutool wall %.2f cpu %.2f; old/new wall %.2f cpu %.2f\n' "$r" \
			"$(echo "$pw / $ow" | bc -l)" "$(echo "$pc / $oc" | bc -l)" \
			"$(echo "$mw / $ow" | bc -l)" "$(echo "$mc / $oc" | bc -l)" \
			"$(echo "$ow / $rw" | bc -l)" "$(echo "$oc / $rc" | bc -l)"
	fi
done
