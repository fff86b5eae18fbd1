package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/internal/estest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden/extract")

// TestExtractGolden pins the whole contract of `referat extract`, with
// analysis, for one file of each producer.
func TestExtractGolden(t *testing.T) {
	for _, f := range []string{"libreoffice/2019-12-12", "ghostscript/2024-02-15", "fpdf/seed-002"} {
		t.Run(f, func(t *testing.T) {
			pdf := filepath.Join("../../testdata/pdf", f+".pdf")
			code, out, stderr := runArgs(context.Background(), "extract", pdf)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var doc referat.Document
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatal(err)
			}
			doc.Source.Path = "testdata/pdf/" + f + ".pdf"
			var got bytes.Buffer
			enc := json.NewEncoder(&got)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", " ")
			enc.Encode(doc)
			golden := filepath.Join("../../testdata/golden/extract", strings.ReplaceAll(f, "/", "-")+".json")
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./cmd/referat -run TestExtractGolden -update)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("extract output for %s differs from %s; run with -update and review the diff", pdf, golden)
			}
		})
	}
}

func TestExtractAnalysis(t *testing.T) {
	code, out, _ := runArgs(context.Background(), "extract", "../../testdata/pdf/libreoffice/2019-12-12.pdf")
	var doc referat.Document
	if code != 0 || json.Unmarshal([]byte(out), &doc) != nil {
		t.Fatalf("exit %d: %s", code, out)
	}
	if len(doc.TaxonomyVersion) != 12 {
		t.Errorf("taxonomy_version %q", doc.TaxonomyVersion)
	}
	c := doc.Cases[0]
	if len(c.Topics) == 0 || c.Topics[0].ID != "budsjett" || len(c.Statements) < 5 || len(c.Keywords) == 0 {
		t.Errorf("case 1 analysis: topics %+v, %d statements, keywords %v", c.Topics, len(c.Statements), c.Keywords)
	}
	for _, s := range c.Statements {
		if c.Text[s.Start:s.End] != s.Text {
			t.Errorf("statement offsets %d..%d do not give %q", s.Start, s.End, s.Text)
		}
	}
	code, out, _ = runArgs(context.Background(), "extract", "--analyze=false", "../../testdata/pdf/libreoffice/2019-12-12.pdf")
	if code != 0 || strings.Contains(out, `"topics"`) || strings.Contains(out, "taxonomy_version") {
		t.Errorf("--analyze=false still analyses: %.200s", out)
	}
}

func TestTaxonomyFlag(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("topics:\n  - id: a\n    terms: []\n"), 0o644)
	code, _, stderr := runArgs(context.Background(), "extract", "--taxonomy", bad, "../../testdata/pdf/fpdf/2021-09-16.pdf")
	if code != 2 || !strings.Contains(stderr, "bad.yaml:2: topic a has no terms") {
		t.Errorf("bad taxonomy: exit %d, %s", code, stderr)
	}
	// An edited copy of the built-in taxonomy works and has its own version.
	_, def, _ := runArgs(context.Background(), "taxonomy")
	own := filepath.Join(dir, "own.yaml")
	os.WriteFile(own, []byte(strings.Replace(def, "terms: [lønn,", "terms: [lønn, reisetid,", 1)), 0o644)
	code, out, stderr := runArgs(context.Background(), "taxonomy", own)
	if code != 0 || !strings.Contains(out, "11 topics") {
		t.Errorf("taxonomy check: exit %d, %s %s", code, out, stderr)
	}
	code, out, _ = runArgs(context.Background(), "extract", "--taxonomy", own, "../../testdata/pdf/fpdf/2021-09-16.pdf")
	var doc referat.Document
	json.Unmarshal([]byte(out), &doc)
	_, out2, _ := runArgs(context.Background(), "extract", "../../testdata/pdf/fpdf/2021-09-16.pdf")
	var doc2 referat.Document
	json.Unmarshal([]byte(out2), &doc2)
	if code != 0 || doc.TaxonomyVersion == "" || doc.TaxonomyVersion == doc2.TaxonomyVersion {
		t.Errorf("versions %q and %q", doc.TaxonomyVersion, doc2.TaxonomyVersion)
	}
}

func TestEvalCommand(t *testing.T) {
	code, out, stderr := runArgs(context.Background(), "eval", "../../testdata/meetings")
	if code != 0 || !strings.Contains(out, "topics:") || !strings.Contains(out, "statements:") || !strings.Contains(out, "F1=") {
		t.Errorf("exit %d: %s %s", code, out, stderr)
	}
	if code, _, _ := runArgs(context.Background(), "eval"); code != 2 {
		t.Errorf("eval without paths: exit %d, want 2", code)
	}
}

func TestIndexSetupCommand(t *testing.T) {
	url := estest.URL(t)
	for i := 0; i < 2; i++ {
		code, out, stderr := runArgs(context.Background(), "index", "setup", "--es-url", url)
		if code != 0 || !strings.Contains(out, "referat-cases -> referat-cases-v1") || !strings.Contains(out, "text analyzer: standard") {
			t.Fatalf("run %d: exit %d: %s %s", i+1, code, out, stderr)
		}
	}
	code, _, stderr := runArgs(context.Background(), "index", "setup", "--es-url", "http://127.0.0.1:1")
	if code != 3 || strings.Count(strings.TrimSpace(stderr), "\n") != 0 || !strings.Contains(stderr, "unreachable") {
		t.Errorf("unreachable: exit %d: %q", code, stderr)
	}
	secure, password := estest.Secure(t)
	t.Setenv("ELASTICSEARCH_USERNAME", "elastic")
	t.Setenv("ELASTICSEARCH_PASSWORD", "not-"+password)
	code, _, stderr = runArgs(context.Background(), "index", "setup", "--es-url", secure)
	if code != exitUsage || strings.Count(strings.TrimSpace(stderr), "\n") != 0 || !strings.Contains(stderr, "refused the credentials") || strings.Contains(stderr, password) {
		t.Errorf("wrong password: exit %d: %q", code, stderr)
	}
	t.Setenv("ELASTICSEARCH_PASSWORD", password)
	if code, _, stderr := runArgs(context.Background(), "index", "setup", "--es-url", secure); code != 0 {
		t.Errorf("right password: exit %d: %s", code, stderr)
	}
}
