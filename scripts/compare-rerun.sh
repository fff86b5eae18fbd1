#!/usr/bin/env bash
# compare-rerun.sh OLD NEW CORPUS: as compare-stores.sh, for a re-run that
# finds files added, changed and deleted. Each binary gets its own copy of
# CORPUS (a folder of year folders, as the generator writes) and ingests
# all but its last two year folders (`ingest --workers 2 --quiet`); then
# the same changes are made to both copies: the last two year folders
# added, a copy of a file added under a new name, two files given
# another's content, two touched, the first and third file of the first
# year and the first file of the second deleted; then
# `ingest --workers 2 --quiet --prune` over the copy, and once more (a
# no-op). What the analysts read is compared as compare-stores.sh does,
# with the run's summary (`--json`, its seconds left out). Exit 0 when
# all is identical, 1 with the first differences otherwise.
#
#	go build -o /tmp/new ./cmd/referat
#	scripts/compare-rerun.sh /tmp/old /tmp/new /work/corpus/c2000
set -euo pipefail
# shellcheck source=scripts/compare-lib.sh
source "$(dirname "$0")/compare-lib.sh"
old=${1:?usage: compare-rerun.sh OLD NEW CORPUS}
new=${2:?usage: compare-rerun.sh OLD NEW CORPUS}
corpus=${3:?usage: compare-rerun.sh OLD NEW CORPUS}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mapfile -t years < <(ls "$corpus")
n=${#years[@]}

# outputs BIN NAME: the store NAME built by BIN through the changes, and
# what it answers.
outputs() {
	local bin=$1 name=$2
	local st=$tmp/$name.store out=$tmp/$name files=$tmp/$name.files
	mkdir -p "$out" "$files"
	for y in "${years[@]:0:n-2}"; do cp -r "$corpus/$y" "$files/"; done
	"$bin" ingest --workers 2 --quiet --store "$st" "$files" >/dev/null
	for y in "${years[@]:n-2}"; do cp -r "$corpus/$y" "$files/"; done
	mapfile -t first < <(find "$files/${years[0]}" -name '*.pdf' | sort)
	mapfile -t second < <(find "$files/${years[1]}" -name '*.pdf' | sort)
	cp "${first[5]}" "$files/${years[0]}/copy-of-a-file.pdf"
	cp "${second[3]}" "${first[7]}"
	cp "${second[4]}" "${second[8]}"
	touch -d '2030-01-02 03:04:05' "${first[9]}" "${second[10]}"
	rm "${first[0]}" "${first[2]}" "${second[0]}"
	"$bin" ingest --workers 2 --quiet --prune --json --store "$st" "$files" | jq 'del(.seconds)' >"$out/summary.json" || true
	"$bin" ingest --workers 2 --quiet --prune --json --store "$st" "$files" | jq 'del(.seconds)' >"$out/noop.json" || true
	sed -i "s|$files|FILES|g" "$out/summary.json" "$out/noop.json"
	"$bin" cases --json --limit 0 --local --store "$st" >"$out/cases.json"
	"$bin" threads --json --local --store "$st" >"$out/threads.json"
	"$bin" trends --format json --local --store "$st" >"$out/trends-year.json"
	"$bin" store check --store "$st" >"$out/check.txt" 2>&1 || true
	sed -i "s|$st|STORE|g" "$out/check.txt"
}

outputs "$old" old
outputs "$new" new
status=0
compare_outputs "$tmp/old" "$tmp/new" summary.json noop.json cases.json threads.json trends-year.json check.txt || status=1
exit $status
