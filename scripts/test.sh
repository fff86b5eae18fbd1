#!/usr/bin/env bash
# test.sh — everything CI runs, on a fresh machine: installs what is
# missing (Debian packages, Go modules), starts the Elasticsearch nodes the
# tests need unless ELASTICSEARCH_URL is given, checks formatting and vet,
# runs every test, and stops the nodes it started.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh test

started=()
cleanup() {
	for n in "${started[@]}"; do scripts/es.sh stop "$n" || true; done
}
trap cleanup EXIT

# The nodes start side by side: the plain one for most tests, one with
# security on, and one whose write queue is tiny so that bulk requests get
# 429 rejections for real.
scripts/es.sh fetch
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
for p in "${pids[@]}"; do wait "$p" || { echo "an Elasticsearch node did not start" >&2; exit 1; }; done
: "${ELASTICSEARCH_URL:=$(scripts/es.sh url test)}"
: "${REFERAT_TEST_ES_SECURE_URL:=$(scripts/es.sh url test-secure)}"
: "${REFERAT_TEST_ES_SECURE_PASSWORD:=$(cat .cache/es/test-secure/password)}"
: "${REFERAT_TEST_ES_BUSY_URL:=$(scripts/es.sh url test-busy)}"
export ELASTICSEARCH_URL REFERAT_TEST_ES_SECURE_URL REFERAT_TEST_ES_SECURE_PASSWORD REFERAT_TEST_ES_BUSY_URL
echo "Elasticsearch: $ELASTICSEARCH_URL (secured: $REFERAT_TEST_ES_SECURE_URL, busy: $REFERAT_TEST_ES_BUSY_URL)"

unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.cache/*'))
if [ -n "$unformatted" ]; then
	echo "gofmt needed: $unformatted" >&2
	exit 1
fi
go vet ./...
# -p 1: the packages that test against Elasticsearch share its indices.
go test -p 1 -count=1 ./...
