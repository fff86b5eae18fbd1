#!/usr/bin/env bash
# chaos-es.sh — the Elasticsearch part of the chaos run: ingest runs killed
# with SIGKILL at random points (REFERAT_CHAOS_KILLS times, default 40),
# files changing and moving between the kills, the cluster losing an index
# once; then the cluster's ids are compared with those of a clean run.
#
#   ELASTICSEARCH_URL=http://127.0.0.1:9200 scripts/chaos-es.sh
#   REFERAT_CHAOS_SEED=1234 REFERAT_CHAOS_KILLS=100 scripts/chaos-es.sh
#
# It deletes and re-creates the referat indices of the node it is given:
# use a node of your own (make es). The seed is printed; it reproduces the
# series of kill points and file changes.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${ELASTICSEARCH_URL:?set ELASTICSEARCH_URL to a node of your own (make es)}"
REFERAT_CHAOS_ES=1 exec go test ./pipeline -run '^TestChaosES$' -count=1 -v -timeout 90m
