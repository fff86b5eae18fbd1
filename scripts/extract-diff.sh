#!/bin/sh
# extract-diff.sh OLD NEW [CORPUS [N]]: checks that two builds of referat
# extract the same text, byte for byte.
#
# OLD and NEW are referat binaries (build them from two commits, e.g.
# `git archive main | tar -x -C /tmp/old && (cd /tmp/old && go build -o
# /tmp/referat-old ./cmd/referat)`). Both run `referat extract
# --analyze=false --ocr never` over the same PDFs, in the same order:
#   - every PDF under testdata/ (run from the repository's root);
#   - every PDF under $REFERAT_REALWORLD (default /work/shared/realworld),
#     when that folder exists;
#   - pdfcpu's test files in the module cache ($(go env GOMODCACHE)/
#     github.com/pdfcpu/pdfcpu@VERSION/pkg/testdata), when present;
#   - N (default 300) PDFs of CORPUS, every k-th of its sorted list, when
#     CORPUS is given (e.g. a folder made by internal/testpdf/corpus).
# Standard output (one JSON object per file), standard error (sorted, one
# line per failed file) and the exit status are compared. The script
# prints the paths whose JSON differs and exits 1 on any difference, 0
# when everything is identical. Work files go to a temporary folder,
# kept when something differs. A binary's output is kept in
# ${XDG_CACHE_HOME:-$HOME/.cache}/referat-extract-diff, by the binary's
# and the file list's SHA-256, so that comparing several new builds
# against one old build runs the old one once.
set -eu

if [ $# -lt 2 ]; then
	echo "usage: $0 OLD NEW [CORPUS [N]]" >&2
	exit 2
fi
old=$1
new=$2
corpus=${3:-}
n=${4:-300}
realworld=${REFERAT_REALWORLD:-/work/shared/realworld}

work=$(mktemp -d -t extract-diff.XXXXXX)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/referat-extract-diff
mkdir -p "$cache"
list=$work/files

find testdata -iname '*.pdf' -type f | LC_ALL=C sort >"$list"
if [ -d "$realworld" ]; then
	find "$realworld" -iname '*.pdf' -type f | LC_ALL=C sort >>"$list"
fi
modcache=$(go env GOMODCACHE 2>/dev/null || true)
for d in "$modcache"/github.com/pdfcpu/pdfcpu@*/pkg/testdata; do
	if [ -d "$d" ]; then
		find "$d" -iname '*.pdf' -type f | LC_ALL=C sort >>"$list"
	fi
done
if [ -n "$corpus" ]; then
	find "$corpus" -iname '*.pdf' -type f | LC_ALL=C sort >"$work/corpus"
	total=$(wc -l <"$work/corpus")
	step=$((total / n))
	[ "$step" -ge 1 ] || step=1
	awk -v s="$step" -v n="$n" '(NR - 1) % s == 0 && c < n { print; c++ }' "$work/corpus" >>"$list"
fi
echo "$(wc -l <"$list") files" >&2

# run BIN NAME: extract every listed file, 40 to a process, or take the
# output from the cache.
run() {
	key=$(cat "$1" "$list" | sha256sum | cut -c1-32)
	if [ -f "$cache/$key.rc" ]; then
		for x in out err rc; do cp "$cache/$key.$x" "$work/$2.$x"; done
		echo "$2: output of $1 from the cache" >&2
		return
	fi
	: >"$work/$2.out"
	: >"$work/$2.err"
	: >"$work/$2.rc"
	split -l 40 "$list" "$work/$2.chunk."
	for chunk in "$work/$2.chunk."*; do
		rc=0
		tr '\n' '\0' <"$chunk" | xargs -0 "$1" extract --analyze=false --ocr never --timeout 5m --workers 2 \
			>>"$work/$2.out" 2>>"$work/$2.err.raw" || rc=$?
		echo "$rc" >>"$work/$2.rc"
		rm "$chunk"
	done
	LC_ALL=C sort "$work/$2.err.raw" >"$work/$2.err"
	rm "$work/$2.err.raw"
	for x in out err rc; do cp "$work/$2.$x" "$cache/$key.$x"; done
}
run "$old" old
run "$new" new

status=0
if ! cmp -s "$work/old.out" "$work/new.out"; then
	echo "standard output differs; JSON of these files:" >&2
	diff "$work/old.out" "$work/new.out" | grep '^[<>]' | grep -o '"path":"[^"]*"' | LC_ALL=C sort -u >&2 || true
	status=1
fi
if ! cmp -s "$work/old.err" "$work/new.err"; then
	echo "standard error differs:" >&2
	diff "$work/old.err" "$work/new.err" | head -20 >&2 || true
	status=1
fi
if ! cmp -s "$work/old.rc" "$work/new.rc"; then
	echo "exit statuses differ" >&2
	status=1
fi
if [ "$status" -eq 0 ]; then
	echo "identical: $(wc -l <"$work/old.out") documents, $(wc -l <"$work/old.err") error lines, $(wc -c <"$work/old.out") bytes" >&2
	rm -r "$work"
else
	echo "work files kept in $work" >&2
fi
exit "$status"
