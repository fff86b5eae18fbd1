package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ntlnav/referat/analyze"
	"github.com/ntlnav/referat/internal/pipetest"
)

func TestIncremental(t *testing.T) {
	dir, names := pipetest.CorpusDir(t, pdfs, 6)
	db := tempStore(t)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a pdf"), 0o644)
	ctx := context.Background()
	o := options(db, "", dir)

	s, err := runT(t, ctx, o)
	if err != nil || s.Files[New] != 6 || s.Files[Skipped] != 1 || s.Meetings != 6 || s.PagesParsed == 0 {
		t.Fatalf("first run: %v, %+v", err, s)
	}
	cases := s.Cases

	// A second run over the unchanged folder parses nothing.
	s, err = runT(t, ctx, o)
	if err != nil || s.Files[Unchanged] != 6 || s.PagesParsed != 0 || s.Cases != cases {
		t.Fatalf("second run: %v, %+v", err, s)
	}

	// Touched but not changed: recognised by its hash, not parsed.
	now := time.Now().Add(time.Minute)
	os.Chtimes(names[0], now, now)
	s, _ = runT(t, ctx, o)
	if s.Files[Unchanged] != 6 || s.PagesParsed != 0 {
		t.Fatalf("touched: %+v", s)
	}

	// Moved: recognised by its content, not parsed again.
	moved := filepath.Join(dir, "sub", "renamed.pdf")
	os.MkdirAll(filepath.Dir(moved), 0o755)
	if err := os.Rename(names[1], moved); err != nil {
		t.Fatal(err)
	}
	s, _ = runT(t, ctx, o)
	if s.Files[Moved] != 1 || s.PagesParsed != 0 || s.Meetings != 6 {
		t.Fatalf("moved: %+v", s)
	}

	// Changed: parsed again, its old case replaced.
	other, _ := os.ReadFile(filepath.Join(pdfs, "fpdf", "seed-000.pdf")) // a meeting the folder lacks
	os.WriteFile(names[2], other, 0o644)
	s, _ = runT(t, ctx, o)
	if s.Files[Changed] != 1 || s.PagesParsed == 0 || s.Meetings != 6 {
		t.Fatalf("changed: %+v", s)
	}

	// Pruned: a deleted file's documents go with Prune.
	os.Remove(names[3])
	s, _ = runT(t, ctx, o)
	if s.Meetings != 6 {
		t.Fatalf("without Prune a vanished file's documents stay: %+v", s)
	}
	o.Prune = true
	s, _ = runT(t, ctx, o)
	if s.Files[Pruned] != 1 || s.Meetings != 5 {
		t.Fatalf("prune: %+v", s)
	}
}

func TestRetag(t *testing.T) {
	dir, _ := pipetest.CorpusDir(t, pdfs, 2)
	db := tempStore(t)
	ctx := context.Background()
	if _, err := runT(t, ctx, options(db, "", dir)); err != nil {
		t.Fatal(err)
	}
	def := string(analyze.DefaultTaxonomyYAML())
	tax := filepath.Join(t.TempDir(), "tax.yaml")
	// A new topic the stored cases have words for.
	own := def + `
  - id: rapportering
    label: Rapportering
    label_en: Reporting
    terms: [rapportering, rapporteringskrav]
`
	own = strings.Replace(own, "\nactors:", `
  - id: rapportering
    label: Rapportering
    label_en: Reporting
    terms: [rapportering, rapporteringskrav]

actors:`, 1)
	own = own[:strings.LastIndex(own, "\n  - id: rapportering")]
	os.WriteFile(tax, []byte(own), 0o644)
	taxonomy, err := analyze.LoadTaxonomy(tax)
	if err != nil {
		t.Fatal(err)
	}
	o := options(db, "", dir)
	o.Analyzer, o.Retag = analyze.New(taxonomy, analyze.Options{}), true
	s, err := runT(t, ctx, o)
	if err != nil || s.Files[Retagged] != 2 || s.PagesParsed != 0 {
		t.Fatalf("retag: %v, %+v", err, s)
	}
	found := false
	for _, ts := range s.TopicsByYear {
		found = found || ts["rapportering"] > 0
	}
	if !found {
		t.Errorf("no case got the new topic: %v", s.TopicsByYear)
	}
}

func TestNoWorker(t *testing.T) {
	dir, _ := pipetest.CorpusDir(t, pdfs, 1)
	o := options(tempStore(t), "", dir)
	o.Worker = nil
	if _, err := Run(context.Background(), o); !errors.Is(err, ErrNoWorker) {
		t.Errorf("Run without a worker: %v, want ErrNoWorker", err)
	}
}

// TestRetagAfterUpgrade: a store analysed by another version of the
// analysis with the same taxonomy (an older referat's topic model, here the
// rules' model) is analysed again by --retag; a taxonomy's hash alone would
// call it current.
func TestRetagAfterUpgrade(t *testing.T) {
	dir, _ := pipetest.CorpusDir(t, pdfs, 2)
	db := tempStore(t)
	ctx := context.Background()
	o := options(db, "", dir)
	o.Analyzer = analyze.New(nil, analyze.Options{TopicModel: analyze.RulesTopicModel()})
	if _, err := runT(t, ctx, o); err != nil {
		t.Fatal(err)
	}
	o = options(db, "", dir)
	o.Analyzer = analyze.New(nil, analyze.Options{})
	s, err := runT(t, ctx, o)
	if err != nil || s.OtherAnalysis != 2 || s.Files[Retagged] != 0 {
		t.Fatalf("a run after an upgrade: %v, other analysis %d, %+v", err, s.OtherAnalysis, s.Files)
	}
	o.Retag = true
	s, err = runT(t, ctx, o)
	if err != nil || s.Files[Retagged] != 2 || s.PagesParsed != 0 || s.OtherAnalysis != 0 {
		t.Fatalf("retag after an upgrade: %v, other analysis %d, %+v", err, s.OtherAnalysis, s.Files)
	}
	if s, err = runT(t, ctx, o); err != nil || s.Files[Retagged] != 0 {
		t.Errorf("retag again: %v, %+v", err, s.Files)
	}
}
