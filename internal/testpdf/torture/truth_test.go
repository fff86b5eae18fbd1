package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestTruth prepares a page of a generated minutes PDF for reading by
// hand and scores a reading equal to one extractor's text: that
// extractor scores 1 and the blind names are a permutation of the three.
func TestTruth(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdfinfo", "pdftoppm", "mutool"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	pdfs, err := filepath.Glob("../../../testdata/pdf/libreoffice/*.pdf")
	if err != nil || len(pdfs) == 0 {
		t.Fatalf("no PDF to read: %v", err)
	}
	dir := t.TempDir()
	if err := prepareTruth(dir, pdfs[:1], 1, 7, time.Minute); err != nil {
		t.Fatal(err)
	}
	pages, err := filepath.Glob(filepath.Join(dir, "*", "p*"))
	if err != nil || len(pages) != 1 {
		t.Fatalf("pages prepared: %v, %v", pages, err)
	}
	if _, err := scoreTruth(dir, time.Minute); err == nil {
		t.Error("scoring with no truth.txt: no error")
	}
	b, err := os.ReadFile(filepath.Join(pages[0], ".key"))
	if err != nil {
		t.Fatal(err)
	}
	var key map[string]string
	if err := json.Unmarshal(b, &key); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, name := range []string{"A", "B", "C"} {
		seen[key[name]] = true
		if _, err := os.Stat(filepath.Join(pages[0], name+".txt")); err != nil {
			t.Error(err)
		}
	}
	if len(seen) != 3 || !seen["referat"] || !seen["pdftotext"] || !seen["mutool"] {
		t.Fatalf("key %v: not the three extractors", key)
	}
	if _, err := os.Stat(filepath.Join(pages[0], "page.png")); err != nil {
		t.Error(err)
	}
	for name, who := range key {
		if who != "pdftotext" {
			continue
		}
		text, err := os.ReadFile(filepath.Join(pages[0], name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(pages[0], "truth.txt"), text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	scores, err := scoreTruth(dir, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if len(scores) != 1 || scores[0].Words < 20 {
		t.Fatalf("scores %+v: want one file of at least 20 words", scores)
	}
	if got := scores[0].Simil["pdftotext"]; got != 1 {
		t.Errorf("pdftotext against its own text: %v, want 1", got)
	}
	for _, who := range []string{"referat", "mutool"} {
		if got := scores[0].Simil[who]; got <= 0.5 || got > 1 {
			t.Errorf("%s: similarity %v, want in (0.5, 1]", who, got)
		}
	}
}
