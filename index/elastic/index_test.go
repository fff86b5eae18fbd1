package elastic_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/analyze"
	"github.com/ntlnav/referat/index"
	"github.com/ntlnav/referat/index/elastic"
	"github.com/ntlnav/referat/internal/estest"
)

var analyzer = analyze.New(nil, analyze.Options{})

// meeting makes an analysed document from a date and case texts.
func meeting(sha, path, date string, cases ...[2]string) *referat.Document {
	d := &referat.Document{
		Source:  referat.Source{Path: path, SHA256: sha, Pages: 2},
		Meeting: referat.Meeting{Date: date, DateSource: "text", Body: "etats-MBA", Title: "Nytt fra etats-MBA " + date},
	}
	for i, c := range cases {
		d.Cases = append(d.Cases, referat.Case{Seq: i + 1, Title: c[0], Text: c[1], Paragraphs: []string{c[1]}, Pages: []int{1}})
	}
	analyzer.Document(d)
	return d
}

func corpus() []*referat.Document {
	return []*referat.Document{
		meeting(strings.Repeat("a", 64), "a.pdf", "2019-12-12",
			[2]string{"Linjevise budsjetter for 2020", "Arbeidsgiver la fram budsjettene. NTL mener kuttene rammer bemanningen."},
			[2]string{"Hjemmekontor", "NTL ba om en ordning for hjemmekontor. Arbeidsgiver svarte at arbeidstiden skal avtales."}),
		meeting(strings.Repeat("b", 64), "b.pdf", "2024-02-15",
			[2]string{"Tildelingsbrevet for 2024", "Direktøren forklarte budsjettet. Vi påpekte at kontorene mangler folk."}),
	}
}

func write(t *testing.T, w *elastic.Writer, acts []index.Action) elastic.Stats {
	t.Helper()
	st, fails, err := w.Write(context.Background(), acts)
	if err != nil || len(fails) > 0 {
		t.Fatalf("write: %v %v", err, fails)
	}
	return st
}

func allDocs(docs []*referat.Document) []index.Action {
	var acts []index.Action
	for _, d := range docs {
		acts = append(acts, index.Docs(d, analyzer.Stems)...)
	}
	return acts
}

func counts(t *testing.T, ctx context.Context, w *elastic.Writer) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, a := range elastic.Aliases {
		n, err := elastic.Count(ctx, w.Client, a, nil)
		if err != nil {
			t.Fatal(err)
		}
		out[a] = n
	}
	return out
}

func TestIndexing(t *testing.T) {
	es := estest.Client(t)
	estest.Reset(t, es)
	ctx := context.Background()
	for i := 0; i < 2; i++ { // setup twice is harmless
		if _, err := elastic.Setup(ctx, es); err != nil {
			t.Fatalf("setup %d: %v", i+1, err)
		}
	}
	w := &elastic.Writer{Client: es, Refresh: true}
	docs := corpus()
	acts := allDocs(docs)
	st := write(t, w, acts)
	if st.Indexed != len(acts) {
		t.Errorf("indexed %d of %d", st.Indexed, len(acts))
	}
	want := map[string]int{elastic.Meetings: 2, elastic.Cases: 3, elastic.Statements: 0, elastic.Topics: 0}
	for _, d := range docs {
		for _, c := range d.Cases {
			want[elastic.Statements] += len(c.Statements)
			want[elastic.Topics] += len(c.Topics)
		}
	}
	got := counts(t, ctx, w)
	for a, n := range want {
		if got[a] != n {
			t.Errorf("%s: %d documents, want %d", a, got[a], n)
		}
	}

	// Indexing the same documents again changes nothing.
	write(t, w, allDocs(docs))
	if again := counts(t, ctx, w); !equalCounts(again, got) {
		t.Errorf("after re-indexing: %v, before %v", again, got)
	}

	// The file a.pdf changes: its old documents go by id, the new come in.
	old := index.Refs(index.Docs(docs[0], analyzer.Stems))
	changed := meeting(strings.Repeat("c", 64), "a.pdf", "2019-12-12",
		[2]string{"Linjevise budsjetter for 2020", "Arbeidsgiver la fram budsjettene."})
	write(t, w, append(index.Deletes(old), index.Docs(changed, analyzer.Stems)...))
	n, _ := elastic.Count(ctx, es, elastic.Statements, map[string]any{"term": map[string]any{"source_path": "a.pdf"}})
	if n != len(changed.Cases[0].Statements) {
		t.Errorf("a.pdf has %d statements after the change, want %d", n, len(changed.Cases[0].Statements))
	}
	n, _ = elastic.Count(ctx, es, elastic.Cases, map[string]any{"term": map[string]any{"source_sha256": strings.Repeat("a", 64)}})
	if n != 0 {
		t.Errorf("%d cases of the old version remain", n)
	}
	refs, err := elastic.RefsOfSource(ctx, es, "a.pdf")
	if err != nil || len(refs) != len(index.Refs(index.Docs(changed, analyzer.Stems))) {
		t.Errorf("RefsOfSource: %v %v", refs, err)
	}

	// An inflected form finds the stem, on a cluster without Norwegian.
	remote := &elastic.Remote{Client: es, Stems: analyzer.Stems}
	res, err := remote.Search(ctx, index.SearchQuery{Text: "budsjett"})
	if err != nil || len(res.Cases) == 0 {
		t.Fatalf("search: %v %v", res, err)
	}
	hits := res.Cases
	found := false
	for _, h := range hits {
		found = found || h.Title == "Linjevise budsjetter for 2020"
	}
	if !found {
		t.Errorf("search for budsjett did not find the case about budsjettene: %+v", hits)
	}

	// Topic by year: topic → year → cases, from the aggregation.
	trends, err := remote.Trends(ctx, index.TrendQuery{})
	if err != nil {
		t.Fatal(err)
	}
	wantYear := map[string]map[string]int{}
	for _, d := range []*referat.Document{changed, docs[1]} {
		y := d.Meeting.Date[:4]
		for _, c := range d.Cases {
			for _, tp := range c.Topics {
				if wantYear[tp.ID] == nil {
					wantYear[tp.ID] = map[string]int{}
				}
				wantYear[tp.ID][y]++
			}
		}
	}
	if b1, b2 := mustJSON(trends.Counts), mustJSON(wantYear); b1 != b2 {
		t.Errorf("topics by year:\n got %s\nwant %s", b1, b2)
	}
}

func mustJSON(v any) string { b, _ := json.Marshal(v); return string(b) }

func equalCounts(a, b map[string]int) bool { return mustJSON(a) == mustJSON(b) }

// TestFailuresReported sends a document the strict mapping refuses: it is
// reported with its reason, and the others are indexed.
func TestFailuresReported(t *testing.T) {
	es := estest.Client(t)
	ctx := context.Background()
	if _, err := elastic.Setup(ctx, es); err != nil {
		t.Fatal(err)
	}
	w := &elastic.Writer{Client: es, Refresh: true}
	acts := index.Docs(corpus()[1], analyzer.Stems)
	bad := index.Action{Index: elastic.Cases, ID: "bad-1", Doc: json.RawMessage(`{"no_such_field": 1}`)}
	st, fails, err := w.Write(ctx, append(acts, bad))
	if err != nil {
		t.Fatal(err)
	}
	if len(fails) != 1 || fails[0].Action.ID != "bad-1" || fails[0].Status != 400 || !strings.Contains(fails[0].Reason, "strict_dynamic_mapping_exception") {
		t.Fatalf("failures: %+v", fails)
	}
	if st.Indexed != len(acts) || st.Failed != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestUnreachable(t *testing.T) {
	es, err := elastic.NewClient(elastic.Config{URLs: []string{"http://user:secret@127.0.0.1:1"}, MaxRetries: 1})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err = elastic.Ping(ctx, es)
	if !errors.Is(err, elastic.ErrUnreachable) || strings.Contains(err.Error(), "secret") {
		t.Fatalf("got %v", err)
	}
	_, fails, err := (&elastic.Writer{Client: es}).Write(ctx, index.Docs(corpus()[1], nil))
	if !errors.Is(err, elastic.ErrUnreachable) || len(fails) != len(index.Docs(corpus()[1], nil)) {
		t.Fatalf("write to nowhere: %v, %d failures", err, len(fails))
	}
}

func TestSecuredNode(t *testing.T) {
	url, password := estest.Secure(t)
	ctx := context.Background()
	tests := []struct {
		name     string
		user, pw string
		want     error
	}{
		{name: "right", user: "elastic", pw: password},
		{name: "wrong password", user: "elastic", pw: "wrong-" + password, want: elastic.ErrUnauthorized},
		{name: "no credentials", want: elastic.ErrUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es, err := elastic.NewClient(elastic.Config{URLs: []string{url}, Username: tt.user, Password: tt.pw, MaxRetries: 1})
			if err != nil {
				t.Fatal(err)
			}
			_, err = elastic.Setup(ctx, es)
			if tt.want == nil {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if strings.Contains(err.Error(), password) {
				t.Errorf("the error shows the password: %v", err)
			}
			// The bulk writer keeps only the text of a refused bulk
			// request; it must still say "unauthorized", not "unreachable".
			_, _, err = (&elastic.Writer{Client: es}).Write(ctx, index.Docs(corpus()[1], nil))
			if !errors.Is(err, tt.want) || errors.Is(err, elastic.ErrUnreachable) {
				t.Fatalf("bulk write: got %v, want %v", err, tt.want)
			}
			if strings.Contains(err.Error(), password) {
				t.Errorf("the bulk error shows the password: %v", err)
			}
		})
	}
}

// TestWriterRetries429 writes to a node whose write queue holds one
// request: with several workers and small bulk requests, Elasticsearch
// rejects items and requests with 429, and the writer must still get every
// document in, exactly once.
func TestWriterRetries429(t *testing.T) {
	url := estest.Busy(t)
	es, err := elastic.NewClient(elastic.Config{URLs: []string{url}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, a := range elastic.Aliases {
		res, _ := es.Indices.Delete([]string{elastic.Concrete(a)}, es.Indices.Delete.WithIgnoreUnavailable(true))
		if res != nil {
			res.Body.Close()
		}
	}
	if _, err := elastic.Setup(ctx, es); err != nil {
		t.Fatal(err)
	}
	var acts []index.Action
	for i := 0; i < 12; i++ {
		d := *corpus()[i%2]
		d.Source.SHA256 = fmt.Sprintf("%08x%056x", i+1, 0) // ids come from the first 32 hex digits
		acts = append(acts, index.Docs(&d, analyzer.Stems)...)
	}
	w := &elastic.Writer{Client: es, Workers: 8, FlushBytes: 4 << 10, Refresh: true, Rounds: 20}
	st, fails, err := w.Write(ctx, acts)
	if err != nil || len(fails) > 0 {
		t.Fatalf("%v, %d failures: %v", err, len(fails), fails[:min(3, len(fails))])
	}
	if st.Indexed != len(acts) {
		t.Errorf("indexed %d of %d", st.Indexed, len(acts))
	}
	t.Logf("%d documents in %d requests, %d items sent again after 429", len(acts), st.Requests, st.Retried)
	total := 0
	for _, a := range elastic.Aliases {
		n, err := elastic.Count(ctx, es, a, nil)
		if err != nil {
			t.Fatal(err)
		}
		total += n
	}
	if total != len(acts) {
		t.Errorf("%d documents in the indices, want %d", total, len(acts))
	}
}
