# referat — see README.md.
GO ?= go

.PHONY: all build install test testdata fuzz bench chaos es es-secure es-stop

all: build

# The commit and build time that `referat --version` prints.
LDFLAGS = -X main.buildCommit=$(shell git rev-parse HEAD 2>/dev/null) -X main.buildDate=$(shell date -u +%Y-%m-%dT%H:%M:%SZ)

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o bin/referat ./cmd/referat

# Into $GOBIN (default $HOME/go/bin); see README.md for completion and the man page.
install:
	$(GO) install -ldflags "$(LDFLAGS)" ./cmd/referat

# Everything CI runs: installs what is missing, starts Elasticsearch
# unless ELASTICSEARCH_URL is set, then formatting, vet and every test.
test:
	scripts/test.sh

# A local Elasticsearch node for development: prints its URL.
es:
	@scripts/es.sh start dev

es-secure:
	@scripts/es.sh start-secure secure

es-stop:
	@scripts/es.sh stop all

# Regenerate the test PDFs (needs chromium, libreoffice-writer, ghostscript, qpdf,
# hyphen-no, fonts-dejavu-core) and then the golden files.
testdata:
	scripts/deps.sh gen
	$(GO) run ./internal/testpdf/gen
	$(GO) test ./ingest -run 'TestGolden|TestLayoutGolden' -update
	$(GO) test ./cmd/referat -run TestExtractGolden -update

fuzz:
	$(GO) test ./ingest -run '^$$' -fuzz FuzzSegment -fuzztime 60s
	$(GO) test ./internal/pdftext -run '^$$' -fuzz FuzzRead -fuzztime 120s -parallel 1

# Not in CI: kill ingest runs with SIGKILL at random points
# (REFERAT_CHAOS_KILLS times, default 40) while files change between the
# kills, then compare the store with a clean run's. The seed is logged;
# REFERAT_CHAOS_SEED replays a run. The Elasticsearch part:
# scripts/chaos-es.sh.
chaos:
	REFERAT_CHAOS=1 $(GO) test ./pipeline -run '^TestChaos$$' -count=1 -v -timeout 60m

bench:
	$(GO) test ./ingest -run '^$$' -bench . -benchtime 3x
