#!/bin/sh
# check-analysis.sh BASE [PDF|DIR...]: checks that the analysis of this
# checkout prints the same bytes as that of the git revision BASE: the full
# analysed JSON (analyze/dump: cases, topics, statements, exchanges,
# keywords, stems) of every annotated meeting and of the documents read
# from the PDFs given (folders searched for *.pdf), and the figures of
# `referat eval --misses` and of `go run ./analyze/train`. The PDFs are
# read once, by this checkout, without analysis; both versions analyse the
# same documents. Exit 0 when all is identical, 1 with the first
# differences otherwise.
#
#	go run ./internal/testpdf/corpus -n 300 -out .cache/corpus
#	scripts/check-analysis.sh main .cache/corpus testdata/pdf
set -eu
base=${1:?usage: check-analysis.sh BASE [PDF|DIR...]}
shift
repo=$(git rev-parse --show-toplevel)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/base"
git -C "$repo" archive "$base" | tar -x -C "$tmp/base"
# The dump tool uses only exported API: the base gets this checkout's.
rm -rf "$tmp/base/analyze/dump"
cp -r "$repo/analyze/dump" "$tmp/base/analyze/dump"
gold="testdata/samples testdata/meetings testdata/heldout $(ls -d "$repo"/testdata/annotated/*/ | sed "s|^$repo/||; s|/\$||" | tr '\n' ' ')"
cd "$repo"
go build -o "$tmp/new" ./cmd/referat
go build -o "$tmp/newdump" ./analyze/dump
go build -o "$tmp/newtrain" ./analyze/train
(cd "$tmp/base" && go build -o "$tmp/old" ./cmd/referat && go build -o "$tmp/olddump" ./analyze/dump && go build -o "$tmp/oldtrain" ./analyze/train)
pdfs=$(for p in "$@"; do if [ -d "$p" ]; then find "$p" -name '*.pdf'; else echo "$p"; fi; done | sort)
: > "$tmp/docs.jsonl"
if [ -n "$pdfs" ]; then
	# Files that cannot be read are reported on stderr and left out.
	echo "$pdfs" | xargs "$tmp/new" extract --analyze=false > "$tmp/docs.jsonl" 2> "$tmp/extract.err" || true
fi
docs=$(wc -l < "$tmp/docs.jsonl")
status=0
same() { # name, old file, new file
	if cmp -s "$2" "$3"; then
		echo "identical: $1 ($(wc -c < "$3") bytes)"
	else
		echo "DIFFERENT: $1"
		diff "$2" "$3" | head -c 3000
		echo
		status=1
	fi
}
# shellcheck disable=SC2086
(cd "$repo" && "$tmp/olddump" -docs "$tmp/docs.jsonl" $gold > "$tmp/old.jsonl")
# shellcheck disable=SC2086
(cd "$repo" && "$tmp/newdump" -docs "$tmp/docs.jsonl" $gold > "$tmp/new.jsonl")
same "analysis of the annotated meetings and $docs documents" "$tmp/old.jsonl" "$tmp/new.jsonl"
for dir in $gold; do
	"$tmp/old" eval --misses "$dir" > "$tmp/old.eval" 2>&1 || true
	"$tmp/new" eval --misses "$dir" > "$tmp/new.eval" 2>&1 || true
	same "eval $dir: $(sed -n 2p "$tmp/new.eval")" "$tmp/old.eval" "$tmp/new.eval"
done
train="testdata/annotated/train testdata/samples testdata/meetings testdata/annotated/passages"
# shellcheck disable=SC2086
"$tmp/oldtrain" $train > "$tmp/old.train" 2>&1 || true
# shellcheck disable=SC2086
"$tmp/newtrain" $train > "$tmp/new.train" 2>&1 || true
same "topic model training and cross-validation" "$tmp/old.train" "$tmp/new.train"
exit $status
