package ingest_test

import (
	"context"
	"encoding/json"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/analyze"
	"github.com/ntlnav/referat/ingest"
)

// TestPoolAnalyses: a Pool given an analyzer returns the document its
// worker analysed, byte for byte what reading the file in this process
// and analysing it here gives, for the built-in analyzer, other options,
// an edited taxonomy, and an analyzer that cannot be described to a worker
// (analysed in the parent). One worker serves them all in turn, so it
// asks for each analyzer's spec again when the analyzer changes.
func TestPoolAnalyses(t *testing.T) {
	edited, err := analyze.ParseTaxonomy("edited.yaml", []byte(strings.Replace(string(analyze.DefaultTaxonomyYAML()),
		"terms: [budsjett,", "terms: [kaffeautomat, budsjett,", 1)))
	if err != nil {
		t.Fatal(err)
	}
	nan := analyze.RulesTopicModel()
	nan.Weights[3] = math.NaN()
	analyzers := []struct {
		name string
		a    *analyze.Analyzer
	}{
		{name: "default", a: analyze.New(nil, analyze.Options{})},
		{name: "rules", a: analyze.New(nil, analyze.Options{TopicModel: analyze.RulesTopicModel(), Keywords: 3})},
		{name: "edited taxonomy", a: analyze.New(edited, analyze.Options{})},
		{name: "not describable", a: analyze.New(nil, analyze.Options{TopicModel: nan})},
	}
	files, err := filepath.Glob(filepath.Join("..", "testdata", "pdf", "*", "20*.pdf"))
	if err != nil || len(files) < 6 {
		t.Fatalf("test PDFs: %v (%d)", err, len(files))
	}
	files = files[:6]
	pool := &ingest.Pool{Command: workerCommand, Size: 1, Timeout: time.Minute}
	defer pool.Close()
	for round := 0; round < 2; round++ {
		for _, an := range analyzers {
			t.Run(an.name, func(t *testing.T) {
				for _, f := range files {
					opts := ingest.Options{Analyzer: an.a}
					enc, err := pool.ExtractEncoded(context.Background(), f, opts)
					if err != nil {
						t.Fatalf("%s: %v", f, err)
					}
					got, err := enc.Decode()
					if err != nil {
						t.Fatalf("%s: %v", f, err)
					}
					if !reflect.DeepEqual(enc.Outline, ingest.OutlineOf(got)) {
						t.Errorf("%s: the outline is not the document's", f)
					}
					g := enc.JSON
					w := parentAnalysis(t, f, an.a)
					if string(g) != string(w) {
						t.Errorf("%s: the worker's document differs from this process's (%d bytes, want %d)", f, len(g), len(w))
					}
				}
			})
		}
	}
}

// parentAnalysis is what the parent made of f before workers analysed:
// the worker's document, decoded, then analysed and encoded.
func parentAnalysis(t *testing.T, f string, a *analyze.Analyzer) []byte {
	t.Helper()
	read, err := ingest.ExtractFile(context.Background(), f, ingest.Options{})
	if err != nil {
		t.Fatalf("%s in process: %v", f, err)
	}
	b, err := json.Marshal(read)
	if err != nil {
		t.Fatal(err)
	}
	var doc referat.Document
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	a.Document(&doc)
	if b, err = json.Marshal(&doc); err != nil {
		t.Fatal(err)
	}
	return b
}
