package pipeline

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index"
	"github.com/ntlnav/referat/index/elastic"
	"github.com/ntlnav/referat/index/store"
	"github.com/ntlnav/referat/internal/estest"
	"github.com/ntlnav/referat/internal/testpdf"
)

// producers are the bundled folders that hold the same meetings.
func producers() []string {
	var out []string
	for _, p := range []string{"libreoffice", "ghostscript", "fpdf"} {
		out = append(out, filepath.Join(pdfs, p))
	}
	return out
}

// meeting returns the annotated meeting id of testdata/samples.
func meeting(t *testing.T, id string) testpdf.Meeting {
	t.Helper()
	ms, err := testpdf.LoadMeetings("../testdata/samples", "../testdata/meetings")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.ID == id {
			return m
		}
	}
	t.Fatalf("no meeting %s", id)
	return testpdf.Meeting{}
}

// writeMeeting writes m as a PDF (fpdf) with the given modification time.
func writeMeeting(t *testing.T, m testpdf.Meeting, path string, mtime time.Time) {
	t.Helper()
	if err := testpdf.FPDF(m, testpdf.LayoutFor(0), m.Date, path); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, mtime, mtime); err != nil {
		t.Fatal(err)
	}
}

// storedMeetings returns the stored documents of a date.
func storedMeetings(t *testing.T, dir, date string) []*referat.Document {
	t.Helper()
	st, err := store.OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var out []*referat.Document
	err = st.Documents(func(d *referat.Document) bool {
		if d.Meeting.Date == date {
			out = append(out, d)
		}
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// docText is all the text of a document's cases.
func docText(d *referat.Document) string {
	var b strings.Builder
	for _, c := range d.Cases {
		b.WriteString(c.Text + "\n")
	}
	return b.String()
}

const correction = "Rettelse: arbeidsgiver la fram en ny oversikt over fordelingen til fylkene etter møtet, " +
	"og partene ble enige om å drøfte tallene for hver region på nytt i januar."

// duplicateRuns ingests the three producers' folders, then a corrected
// version (newer, one paragraph changed), an older edited version, the
// same cases under another body, and another meeting of the same body on
// the same day; it checks the store and returns it.
func duplicateRuns(t *testing.T, esURL string) string {
	ctx := context.Background()
	db := tempStore(t)
	s, err := runT(t, ctx, options(db, esURL, producers()...))
	if err != nil || s.Meetings != 8 || len(s.Duplicates) != 16 || s.Files[New] != 24 {
		t.Fatalf("three producers: %v, %d meetings, %d duplicates, files %v", err, s.Meetings, len(s.Duplicates), s.Files)
	}
	for _, d := range s.Duplicates {
		if filepath.Base(d.File) != filepath.Base(d.DuplicateOf) || d.Similarity != 1 || d.TextFrom != d.DuplicateOf {
			t.Errorf("duplicate %+v: want the same meeting, similarity 1, the first file's text", d)
		}
	}
	one, err := runT(t, ctx, options(tempStore(t), "", filepath.Join(pdfs, "libreoffice")))
	if err != nil || s.Cases != one.Cases || s.Statements != one.Statements || !sameCounts(s.TopicsByYear, one.TopicsByYear) {
		t.Errorf("three producers count %d cases, %d statements, %v; one producer %d, %d, %v", s.Cases, s.Statements, s.TopicsByYear, one.Cases, one.Statements, one.TopicsByYear)
	}
	// Again: nothing read, nothing found again.
	again, err := runT(t, ctx, options(db, esURL, producers()...))
	if err != nil || again.PagesParsed != 0 || len(again.Duplicates) != 0 || again.Meetings != 8 || again.Files[Unchanged] != 24 {
		t.Fatalf("second run: %v, %+v", err, again)
	}

	extra := t.TempDir()
	m := meeting(t, "2019-12-12")
	fixed := m
	fixed.Cases = append([]testpdf.Case(nil), m.Cases...)
	fixed.Cases[0].Paragraphs = append([]string{correction}, m.Cases[0].Paragraphs[1:]...)
	newer := filepath.Join(extra, "2019-12-12-rettet.pdf")
	writeMeeting(t, fixed, newer, time.Now().Add(time.Hour))
	s, err = runT(t, ctx, options(db, esURL, append(producers(), extra)...))
	if err != nil || s.Meetings != 8 || len(s.Duplicates) != 1 || s.Duplicates[0].File != newer || s.Duplicates[0].TextFrom != newer ||
		s.Duplicates[0].Similarity >= 1 || s.Duplicates[0].Similarity < DuplicateSimilarity {
		t.Fatalf("a corrected version: %v, %d meetings, duplicates %+v", err, s.Meetings, s.Duplicates)
	}
	if ds := storedMeetings(t, db, "2019-12-12"); len(ds) != 1 || !strings.Contains(docText(ds[0]), "drøfte tallene for hver region") {
		t.Fatalf("the corrected text is not the one stored: %d documents", len(ds))
	}

	older := filepath.Join(extra, "2019-12-12-utkast.pdf")
	draft := fixed
	draft.Cases = append([]testpdf.Case(nil), fixed.Cases...)
	draft.Cases[1].Paragraphs = append([]string{"Utkast: denne saken ble utsatt."}, fixed.Cases[1].Paragraphs[1:]...)
	writeMeeting(t, draft, older, time.Date(2019, 12, 13, 0, 0, 0, 0, time.UTC))
	hamu := m
	hamu.Body, hamu.Header = "HAMU", "Nytt fra HAMU 12. desember 2019"
	writeMeeting(t, hamu, filepath.Join(extra, "2019-12-12-hamu.pdf"), time.Now())
	other := meeting(t, "2021-09-16")
	other.Date, other.Header = m.Date, m.Header+" (ekstraordinært møte)"
	writeMeeting(t, other, filepath.Join(extra, "2019-12-12-ekstra.pdf"), time.Now())
	s, err = runT(t, ctx, options(db, esURL, append(producers(), extra)...))
	if err != nil || s.Meetings != 10 || len(s.Duplicates) != 1 || s.Duplicates[0].File != older || s.Duplicates[0].TextFrom != newer {
		t.Fatalf("an older draft, another body, another meeting: %v, %d meetings, duplicates %+v", err, s.Meetings, s.Duplicates)
	}
	ds := storedMeetings(t, db, "2019-12-12")
	bodies := map[string]int{}
	for _, d := range ds {
		bodies[d.Meeting.Body]++
		if strings.Contains(docText(d), "Utkast: denne saken") {
			t.Errorf("the older draft's text replaced the newer one")
		}
	}
	if len(ds) != 3 || bodies["etats-MBA"] != 2 || bodies["HAMU"] != 1 {
		t.Errorf("2019-12-12 holds %v, want two etats-MBA meetings and one HAMU", bodies)
	}
	return db
}

func sameCounts(a, b map[int]map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for y, ts := range a {
		if len(ts) != len(b[y]) {
			return false
		}
		for k, n := range ts {
			if b[y][k] != n {
				return false
			}
		}
	}
	return true
}

func TestDuplicateMeetings(t *testing.T) {
	db := duplicateRuns(t, "")
	st, err := store.OpenStore(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// The analysts' counts: each meeting once.
	tr, err := (&store.Local{Store: st}).Trends(context.Background(), index.TrendQuery{})
	if err != nil {
		t.Fatal(err)
	}
	cases := 0
	st.Documents(func(d *referat.Document) bool { cases += len(d.Cases); return true })
	total := 0
	for _, n := range tr.Totals {
		total += n
	}
	if total != cases || cases == 0 {
		t.Errorf("trends count %d cases, the store holds %d", total, cases)
	}
}

func TestDuplicateMeetingsElasticsearch(t *testing.T) {
	url := estest.URL(t)
	es := estest.Client(t)
	estest.Reset(t, es)
	db := duplicateRuns(t, url)
	wantCases, wantMeetings := storeCases(t, db)
	gotCases, gotMeetings := esCases(t, context.Background())
	if gotCases != wantCases || gotMeetings != wantMeetings || wantMeetings != 10 {
		t.Errorf("Elasticsearch holds %d meetings and %d cases; the store %d and %d", gotMeetings, gotCases, wantMeetings, wantCases)
	}
	n, err := elastic.Count(context.Background(), es, elastic.Cases, map[string]any{"match_phrase": map[string]any{"text": "drøfte tallene for hver region"}})
	if err != nil || n != 1 {
		t.Errorf("the corrected case is in Elasticsearch %d times (%v), want once", n, err)
	}
}

// TestPruneKeptMeeting prunes the file that gave a meeting: its duplicate
// takes its place in the same run.
func TestPruneKeptMeeting(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir() // 8 meetings, from two producers each
	for _, p := range []string{"libreoffice", "ghostscript"} {
		os.MkdirAll(filepath.Join(dir, p), 0o755)
		files, _ := filepath.Glob(filepath.Join(pdfs, p, "*.pdf"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, p, filepath.Base(f)), b, 0o644)
		}
	}
	names := []string{filepath.Join(dir, "libreoffice", "2019-12-12.pdf"), filepath.Join(dir, "ghostscript", "2019-12-12.pdf")}
	db := tempStore(t)
	s, err := runT(t, ctx, options(db, "", dir))
	if err != nil || s.Meetings != 8 || len(s.Duplicates) != 8 {
		t.Fatalf("first run: %v, %+v", err, s)
	}
	st, err := store.OpenStore(db)
	if err != nil {
		t.Fatal(err)
	}
	kept := names[0] // the 2019-12-12 meeting, or names[1]
	if rec, err := st.Source(kept); err != nil || rec.Status != store.StatusOK {
		kept = names[1]
	}
	st.Close()
	os.Remove(kept)
	o := options(db, "", dir)
	o.Prune = true
	s, err = runT(t, ctx, o)
	if err != nil || s.Files[Pruned] != 1 || s.Files[Reread] != 1 || s.Meetings != 8 {
		t.Fatalf("pruning the file that gave a meeting: %v, %+v", err, s)
	}
	if ds := storedMeetings(t, db, "2019-12-12"); len(ds) != 1 {
		t.Fatalf("2019-12-12: %d documents, want 1", len(ds))
	}
	s, err = runT(t, ctx, o)
	if err != nil || s.Files[Unchanged] != 15 || s.PagesParsed != 0 || s.Meetings != 8 {
		t.Fatalf("the run after: %v, %+v", err, s)
	}
}

// TestScanAndTextOfOneMeeting: a meeting that comes both as a text PDF and
// as a scan of it is stored once, with the text layer's text, whichever
// file is newer or came first; OCR's errors never replace it.
func TestScanAndTextOfOneMeeting(t *testing.T) {
	if _, err := exec.LookPath("tesseract"); err != nil {
		t.Skip("needs tesseract (scripts/deps.sh installs it)")
	}
	ctx := context.Background()
	for _, tt := range []struct {
		name      string
		scanNewer bool
		scanFirst bool // the scan is ingested in a run of its own first
	}{
		{name: "the scan is newer", scanNewer: true},
		{name: "the scan came first, the text PDF is older", scanFirst: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			text := filepath.Join(dir, "2022-03-10.pdf")
			scan := filepath.Join(dir, "skannet", "2022-03-10.pdf")
			os.MkdirAll(filepath.Dir(scan), 0o755)
			copyFile(t, filepath.Join(pdfs, "scan", "photocopy-200", "fpdf-2022-03-10.pdf"), scan)
			older, newer := time.Now().Add(-48*time.Hour), time.Now().Add(-time.Hour)
			scanTime, textTime := older, newer
			if tt.scanNewer || tt.scanFirst {
				scanTime, textTime = newer, older
			}
			if err := os.Chtimes(scan, scanTime, scanTime); err != nil {
				t.Fatal(err)
			}
			db := tempStore(t)
			o := options(db, "", dir)
			o.OCRTimeout = 5 * time.Minute // a loaded machine
			if tt.scanFirst {
				if s, err := runT(t, ctx, o); err != nil || s.Meetings != 1 || s.PagesOCR == 0 {
					t.Fatalf("the scan alone: %v, %+v", err, s)
				}
			}
			copyFile(t, filepath.Join(pdfs, "fpdf", "2022-03-10.pdf"), text)
			if err := os.Chtimes(text, textTime, textTime); err != nil {
				t.Fatal(err)
			}
			for run := 1; run <= 2; run++ {
				s, err := runT(t, ctx, o)
				if err != nil || s.Meetings != 1 {
					t.Fatalf("run %d: %v, %+v", run, err, s)
				}
				ds := storedMeetings(t, db, "2022-03-10")
				if len(ds) != 1 {
					t.Fatalf("run %d: %d documents of the meeting, want 1", run, len(ds))
				}
				if len(ds[0].Source.OCR) != 0 || ds[0].Source.Path != text {
					t.Errorf("run %d: the store keeps %s (recognised pages %v; duplicates %+v), want the text PDF's text", run, ds[0].Source.Path, ds[0].Source.OCR, s.Duplicates)
				}
			}
		})
	}
}

// copyFile copies src to dst.
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestChangedOriginalRereadsDuplicate: a.pdf and b.pdf hold one meeting
// (two producers' PDFs of it), one read and the other its duplicate; then
// the one read becomes another meeting. The walk can meet the duplicate
// before the change is recorded, when it still looks current, so the run
// reads the duplicates of a document it removed again at its end: the
// duplicate takes the meeting's place,
// as in a clean run, instead of pointing at nothing (found by the chaos
// series, seed 1796063458040268433).
func TestChangedOriginalRereadsDuplicate(t *testing.T) {
	dir, db := t.TempDir(), tempStore(t)
	a, b := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "b.pdf")
	copyFile(t, filepath.Join(pdfs, "fpdf", "2021-09-16.pdf"), a)
	copyFile(t, filepath.Join(pdfs, "libreoffice", "2021-09-16.pdf"), b)
	if _, err := runT(t, context.Background(), options(db, "", dir)); err != nil {
		t.Fatal(err)
	}
	status := func() map[string]string {
		st := openChecked(t, db)
		defer st.Close()
		m := map[string]string{}
		st.Sources(func(rec *store.SourceRecord) bool {
			m[filepath.Base(rec.Path)] = rec.Status
			if rec.Status == store.StatusDuplicate {
				ok, _ := st.HasDocument(rec.DuplicateOfSHA256)
				if !ok {
					m[filepath.Base(rec.Path)] += " of a document not stored"
				}
			}
			return true
		})
		return m
	}
	// Which of the two is read first depends on the workers: the other
	// is its duplicate.
	first := status()
	orig := a
	if first["b.pdf"] == store.StatusOK {
		orig = b
	}
	if first["a.pdf"] == first["b.pdf"] || first["a.pdf"] != store.StatusOK && first["a.pdf"] != store.StatusDuplicate {
		t.Fatalf("first run: %v, want one ok and the other its duplicate", first)
	}
	copyFile(t, filepath.Join(pdfs, "fpdf", "2022-03-10.pdf"), orig)
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(orig, later, later); err != nil {
		t.Fatal(err)
	}
	s, err := runT(t, context.Background(), options(db, "", dir))
	if err != nil {
		t.Fatal(err)
	}
	if got := status(); got["a.pdf"] != store.StatusOK || got["b.pdf"] != store.StatusOK {
		t.Errorf("after %s changed: %v, want both ok (the other holds 2021-09-16 now); summary %+v", filepath.Base(orig), got, s.Files)
	}
	if _, meetings := storeCases(t, db); meetings != 2 {
		t.Errorf("the store holds %d meetings, want 2", meetings)
	}
}
