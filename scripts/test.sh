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

if [ -z "${ELASTICSEARCH_URL:-}" ]; then
	ELASTICSEARCH_URL=$(scripts/es.sh start test)
	export ELASTICSEARCH_URL
	started+=(test)
fi
if [ -z "${REFERAT_TEST_ES_SECURE_URL:-}" ]; then
	REFERAT_TEST_ES_SECURE_URL=$(scripts/es.sh start-secure test-secure)
	REFERAT_TEST_ES_SECURE_PASSWORD=$(cat .cache/es/test-secure/password)
	export REFERAT_TEST_ES_SECURE_URL REFERAT_TEST_ES_SECURE_PASSWORD
	started+=(test-secure)
fi
echo "Elasticsearch: $ELASTICSEARCH_URL (and a secured node at $REFERAT_TEST_ES_SECURE_URL)"

unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.cache/*'))
if [ -n "$unformatted" ]; then
	echo "gofmt needed: $unformatted" >&2
	exit 1
fi
go vet ./...
# -p 1: the packages that test against Elasticsearch share its indices.
go test -p 1 -count=1 ./...
