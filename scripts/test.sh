#!/usr/bin/env bash
# test.sh — everything CI runs, on a fresh machine: installs what is
# missing (Debian packages, Go modules), starts the Elasticsearch nodes the
# tests need unless their URLs are given, checks formatting, vet and that
# the repository stands alone, runs every test, then the tests that use
# Elasticsearch a second time against Elasticsearch 9, and stops the nodes
# it started.
#
# Nodes (each skipped when its variable is set): ELASTICSEARCH_URL (plain,
# $ES_VERSION, default 8.19.9), REFERAT_TEST_ES_SECURE_URL and
# REFERAT_TEST_ES_SECURE_PASSWORD (security on), REFERAT_TEST_ES_BUSY_URL
# (tiny write queue), REFERAT_TEST_ES9_URL (plain, $ES9_VERSION, default
# 9.2.8, which needs a JDK 21 or later: see scripts/es.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

ES9_VERSION=${ES9_VERSION:-9.2.8}

scripts/deps.sh test

started=()
cleanup() {
	for n in "${started[@]}"; do scripts/es.sh stop "$n" || true; done
}
trap cleanup EXIT

# The repository alone is the project: no Go file or script may read the
# folder of sample data beside the checkout (the pattern names it without
# a literal path, so this check does not find itself).
beside='\.\.''/shared'
shared=$(git grep -n -e "$beside" -- '*.go' '*.sh' Makefile .ci || true)
if [ -n "$shared" ]; then
	echo "these read the sample folder beside the checkout, which a clone does not have; use testdata/ instead:" >&2
	echo "$shared" >&2
	exit 1
fi

# The nodes start side by side: the plain one for most tests, one with
# security on, one whose write queue is tiny so that bulk requests get 429
# rejections for real, and a plain Elasticsearch 9 node.
# Without a JDK for Elasticsearch 9 (see scripts/deps.sh) the tests against
# it are skipped, except under CI=true, where that fails.
es9=true
if [ -z "${REFERAT_TEST_ES9_URL:-}" ] && ! ES_VERSION=$ES9_VERSION scripts/es.sh java >/dev/null; then
	[ "${CI:-}" = true ] && exit 1
	echo "test.sh: skipping the tests against Elasticsearch $ES9_VERSION" >&2
	es9=false
fi
scripts/es.sh fetch
[ "$es9" = false ] || [ -n "${REFERAT_TEST_ES9_URL:-}" ] || ES_VERSION=$ES9_VERSION scripts/es.sh fetch
pids=()
if [ -z "${ELASTICSEARCH_URL:-}" ]; then
	scripts/es.sh start test >/dev/null & pids+=($!)
	started+=(test)
fi
if [ -z "${REFERAT_TEST_ES_SECURE_URL:-}" ]; then
	scripts/es.sh start-secure test-secure >/dev/null & pids+=($!)
	started+=(test-secure)
fi
if [ -z "${REFERAT_TEST_ES_BUSY_URL:-}" ]; then
	REFERAT_ES_SETTINGS=$'thread_pool.write.size: 1\nthread_pool.write.queue_size: 1' scripts/es.sh start test-busy >/dev/null & pids+=($!)
	started+=(test-busy)
fi
if [ "$es9" = true ] && [ -z "${REFERAT_TEST_ES9_URL:-}" ]; then
	ES_VERSION=$ES9_VERSION scripts/es.sh start test-nine >/dev/null & pids+=($!)
	started+=(test-nine)
fi
for p in "${pids[@]}"; do wait "$p" || { echo "an Elasticsearch node did not start" >&2; exit 1; }; done
: "${ELASTICSEARCH_URL:=$(scripts/es.sh url test)}"
: "${REFERAT_TEST_ES_SECURE_URL:=$(scripts/es.sh url test-secure)}"
: "${REFERAT_TEST_ES_SECURE_PASSWORD:=$(cat .cache/es/test-secure/password)}"
: "${REFERAT_TEST_ES_BUSY_URL:=$(scripts/es.sh url test-busy)}"
export ELASTICSEARCH_URL REFERAT_TEST_ES_SECURE_URL REFERAT_TEST_ES_SECURE_PASSWORD REFERAT_TEST_ES_BUSY_URL
[ "$es9" = false ] || : "${REFERAT_TEST_ES9_URL:=$(ES_VERSION=$ES9_VERSION scripts/es.sh url test-nine)}"
version() { # URL: the version the node reports
	curl -fsS "$1/_nodes/_local/version?filter_path=nodes.*.version" | sed 's/.*"version":"\([^"]*\)".*/\1/'
}
echo "Elasticsearch $(version "$ELASTICSEARCH_URL"): $ELASTICSEARCH_URL (secured: $REFERAT_TEST_ES_SECURE_URL, busy: $REFERAT_TEST_ES_BUSY_URL)"
[ "$es9" = false ] || echo "Elasticsearch $(version "$REFERAT_TEST_ES9_URL"): $REFERAT_TEST_ES9_URL"

unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.cache/*'))
if [ -n "$unformatted" ]; then
	echo "gofmt needed: $unformatted" >&2
	exit 1
fi
go vet ./...
# -p 1: the packages that test against Elasticsearch share its indices.
go test -p 1 -count=1 ./...
# third_party/pdf (our fork of ledongthuc/pdf) is a module of its own,
# which ./... does not reach: its vet and its tests, which hold each of
# the fork's changes to upstream's behaviour.
(cd third_party/pdf && go vet ./... && go test -count=1 ./...)
# The worker pool's cancellation under the race detector: the race it
# guards against shows only with -race.
go test -race -count=1 -run 'TestPoolCancel' ./internal/isolate

# The packages whose tests use Elasticsearch (they import internal/estest)
# once more, against the plain Elasticsearch 9 node. Their other tests take
# a few seconds, so the packages run whole. The secured and busy nodes are
# 8.x only; their tests ran above and are skipped in this pass
# (REFERAT_TEST_ES_PASS, see internal/estest).
[ "$es9" = true ] || exit 0
es_pkgs=$(go list -f '{{.ImportPath}}{{range .TestImports}} {{.}}{{end}}{{range .XTestImports}} {{.}}{{end}}' ./... |
	awk '/ github.com\/ntlnav\/referat\/internal\/estest( |$)/ {print $1}')
echo "Again against Elasticsearch $ES9_VERSION:" $es_pkgs
# shellcheck disable=SC2086 # one word per package
ELASTICSEARCH_URL=$REFERAT_TEST_ES9_URL REFERAT_TEST_ES_PASS="plain Elasticsearch $ES9_VERSION node" \
	REFERAT_TEST_ES_SECURE_URL= REFERAT_TEST_ES_SECURE_PASSWORD= REFERAT_TEST_ES_BUSY_URL= \
	go test -p 1 -count=1 $es_pkgs
