# referat — see README.md.
GO ?= go

.PHONY: all build test vet testdata fuzz bench

all: build

build:
	$(GO) build -o bin/referat ./cmd/referat

# Everything CI runs: formatting, vet, and every test.
test:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	$(GO) test ./...

# Regenerate the test PDFs (needs libreoffice-writer, ghostscript, qpdf,
# hyphen-no, fonts-dejavu-core) and then the golden files.
testdata:
	$(GO) run ./internal/testpdf/gen
	$(GO) test ./ingest -run TestGolden -update

fuzz:
	$(GO) test ./ingest -run '^$$' -fuzz FuzzSegment -fuzztime 60s
	$(GO) test ./ingest -run '^$$' -fuzz FuzzExtract -fuzztime 120s -parallel 1

bench:
	$(GO) test ./ingest -run '^$$' -bench . -benchtime 3x
