# referat — see README.md.
GO ?= go

.PHONY: all build test testdata fuzz bench es es-secure es-stop

all: build

build:
	$(GO) build -o bin/referat ./cmd/referat

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

bench:
	$(GO) test ./ingest -run '^$$' -bench . -benchtime 3x
