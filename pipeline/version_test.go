package pipeline

import (
	"context"
	"os"
	"testing"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index"
	"github.com/ntlnav/referat/index/elastic"
	"github.com/ntlnav/referat/index/store"
	"github.com/ntlnav/referat/internal/estest"
	"github.com/ntlnav/referat/internal/pipetest"
)

// asOlderExtractor makes the runs until the test ends record and compare
// an extractor version older than ExtractorVersion.
func asOlderExtractor(t *testing.T) {
	extractorVersion = ExtractorVersion - 1
	t.Cleanup(func() { extractorVersion = ExtractorVersion })
}

// spoil makes the stored document of file what an older, worse extractor
// might have made of it: its first case's title is wrong and it has a
// case too many. It returns the id of that case.
func spoil(t *testing.T, db, file string) string {
	t.Helper()
	st, err := store.OpenStore(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rec, err := st.Source(file)
	if err != nil || rec == nil {
		t.Fatalf("no record of %s: %v", file, err)
	}
	d, err := st.Document(rec.SHA256)
	if err != nil || d == nil {
		t.Fatalf("no document of %s: %v", file, err)
	}
	d.Cases[0].Title = "Feillest tittel"
	extra := referat.Case{Seq: len(d.Cases) + 1, Title: "Sidefot lest som sak", Text: "Side 1 av 2", Paragraphs: []string{"Side 1 av 2"}, Pages: []int{1}}
	d.Cases = append(d.Cases, extra)
	if err := st.Retag(d); err != nil {
		t.Fatal(err)
	}
	return index.CaseID(rec.SHA256, extra.Seq)
}

// rereadRuns makes a store as an older extractor, spoils one document,
// deletes one file, and runs with this extractor.
func rereadRuns(t *testing.T, esURL string) (spoiled string) {
	ctx := context.Background()
	dir, names := pipetest.CorpusDir(t, pdfs, 4)
	db := tempStore(t)
	asOlderExtractor(t)
	first, err := runT(t, ctx, options(db, esURL, dir))
	if err != nil || first.Files[New] != 4 {
		t.Fatalf("as an older extractor: %v, %+v", err, first)
	}
	spoiled = spoil(t, db, names[0])
	if s, err := runT(t, ctx, options(db, esURL, dir)); err != nil || s.Files[Unchanged] != 4 || s.PagesParsed != 0 {
		t.Fatalf("the same older version reads nothing again: %v, %+v", err, s)
	}
	os.Remove(names[3])
	extractorVersion = ExtractorVersion

	s, err := runT(t, ctx, options(db, esURL, dir))
	if err != nil || s.Files[Reread] != 3 || s.PagesParsed == 0 || s.Meetings != 4 || s.Cases != first.Cases {
		t.Fatalf("a newer extractor: %v, %+v (first run: %d cases)", err, s, first.Cases)
	}
	if len(s.Outdated) != 1 || s.Outdated[0].Path != names[3] || s.Outdated[0].Reason != "gone" {
		t.Errorf("the gone file: %+v", s.Outdated)
	}
	ds := storedMeetings(t, db, "2019-12-12")
	if len(ds) != 1 || ds[0].Cases[0].Title == "Feillest tittel" {
		t.Fatalf("the spoiled document was not rebuilt: %d documents", len(ds))
	}
	s, err = runT(t, ctx, options(db, esURL, dir))
	if err != nil || s.Files[Unchanged] != 3 || s.Files[Reread] != 0 || s.PagesParsed != 0 || len(s.Outdated) != 1 {
		t.Fatalf("the same version again reads nothing: %v, %+v", err, s)
	}
	return spoiled
}

func TestRereadOnNewExtractor(t *testing.T) {
	rereadRuns(t, "")
}

func TestRereadOnNewExtractorElasticsearch(t *testing.T) {
	url := estest.URL(t)
	es := estest.Client(t)
	estest.Reset(t, es)
	spoiled := rereadRuns(t, url)
	ctx := context.Background()
	n, err := elastic.Count(ctx, es, elastic.Cases, map[string]any{"ids": map[string]any{"values": []string{spoiled}}})
	if err != nil || n != 0 {
		t.Errorf("the case only the old extraction made is still in Elasticsearch (%d, %v)", n, err)
	}
	n, err = elastic.Count(ctx, es, elastic.Cases, map[string]any{"match_phrase": map[string]any{"title": "Feillest tittel"}})
	if err != nil || n != 0 {
		t.Errorf("the old title is still in Elasticsearch (%d, %v)", n, err)
	}
}

// countingProgress records the total a run announces and the files it
// reports.
type countingProgress struct{ total, files int }

func (p *countingProgress) Start(total int) { p.total = total }
func (p *countingProgress) File(int)        { p.files++ }
func (p *countingProgress) Finish()         {}

// TestRereadOutdatedNotGiven: the files an older extractor read are read
// again by a newer one though the run names only one of them (the others
// after it, once the walk is over), a file gone is listed, and the
// progress counts every file looked at, given or read again.
func TestRereadOutdatedNotGiven(t *testing.T) {
	ctx := context.Background()
	dir, names := pipetest.CorpusDir(t, pdfs, 4)
	db := tempStore(t)
	asOlderExtractor(t)
	if s, err := runT(t, ctx, options(db, "", dir)); err != nil || s.Files[New] != 4 {
		t.Fatalf("as an older extractor: %v, %+v", err, s)
	}
	os.Remove(names[3])
	extractorVersion = ExtractorVersion
	p := &countingProgress{}
	o := options(db, "", names[1], names[1]) // given twice: looked at once
	o.Progress = p
	s, err := runT(t, ctx, o)
	if err != nil || s.Files[Reread] != 3 || s.Files[Unchanged] != 0 {
		t.Fatalf("a newer extractor given one file: %v, %+v", err, s)
	}
	if len(s.Outdated) != 1 || s.Outdated[0].Path != names[3] {
		t.Errorf("the gone file: %+v", s.Outdated)
	}
	if p.total != 3 || p.files != 3 {
		t.Errorf("progress: total %d, %d files; want 3 and 3", p.total, p.files)
	}
	o.Progress = nil
	if s, err := runT(t, ctx, o); err != nil || s.Files[Unchanged] != 1 || s.Files[Reread] != 0 {
		t.Fatalf("again: %v, %+v", err, s)
	}
}
