#!/usr/bin/env bash
# compare-stores.sh OLD NEW CORPUS [SHOW]: builds a store from CORPUS with
# each of two referat binaries (`ingest --workers 2 --quiet`, twice: the
# second a no-op), and checks that what the analysts read is
# byte-identical: `cases --json --limit 0`, `threads --json`,
# `trends --format json` by year and by month, `show --json` of SHOW
# cases (default 50, spread over the list) and `store check`. Exit 0
# when all is identical, 1 with the first differences otherwise.
#
#	git stash; go build -o /tmp/old ./cmd/referat; git stash pop
#	go build -o /tmp/new ./cmd/referat
#	scripts/compare-stores.sh /tmp/old /tmp/new /work/corpus/c2000
set -euo pipefail
# shellcheck source=scripts/compare-lib.sh
source "$(dirname "$0")/compare-lib.sh"
old=${1:?usage: compare-stores.sh OLD NEW CORPUS [SHOW]}
new=${2:?usage: compare-stores.sh OLD NEW CORPUS [SHOW]}
corpus=${3:?usage: compare-stores.sh OLD NEW CORPUS [SHOW]}
show=${4:-50}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# outputs BIN NAME: the store NAME built by BIN, and what it answers.
outputs() {
	local bin=$1 name=$2
	local st=$tmp/$name.store out=$tmp/$name
	mkdir -p "$out"
	"$bin" ingest --workers 2 --quiet --store "$st" "$corpus" >/dev/null
	"$bin" ingest --workers 2 --quiet --store "$st" "$corpus" >/dev/null
	"$bin" cases --json --limit 0 --local --store "$st" >"$out/cases.json"
	"$bin" threads --json --local --store "$st" >"$out/threads.json"
	"$bin" trends --format json --local --store "$st" >"$out/trends-year.json"
	"$bin" trends --format json --by month --local --store "$st" >"$out/trends-month.json"
	"$bin" store check --store "$st" >"$out/check.txt" 2>&1 || true
	sed -i "s|$st|STORE|g" "$out/check.txt"
	jq -r '.[].id' "$out/cases.json" | awk -v n="$show" 'BEGIN{srand(1)} {ids[NR]=$0} END{step=NR/n; if(step<1)step=1; for(i=1;i<=NR;i+=step) print ids[int(i)]}' >"$out/ids"
	while read -r id; do
		echo "== $id"
		"$bin" show --json --local --store "$st" "$id"
	done <"$out/ids" >"$out/show.json"
}

outputs "$old" old
outputs "$new" new
status=0
compare_outputs "$tmp/old" "$tmp/new" cases.json threads.json trends-year.json trends-month.json check.txt ids show.json || status=1
exit $status
