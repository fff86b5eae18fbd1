package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/elastic/go-elasticsearch/v8"

	"github.com/ntlnav/referat/index"
	"github.com/ntlnav/referat/index/elastic"
	"github.com/ntlnav/referat/index/store"
	"github.com/ntlnav/referat/internal/estest"
	"github.com/ntlnav/referat/internal/pipetest"
)

// storeIDs returns "index/id" of every document the store in dir has for
// Elasticsearch, sorted.
func storeIDs(t *testing.T, dir string) []string {
	t.Helper()
	s, err := store.OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	seen := map[index.Ref]bool{}
	err = s.Sources(func(rec *store.SourceRecord) bool {
		for _, r := range rec.Refs {
			seen[r] = true
		}
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for r := range seen {
		out = append(out, r.Index+"/"+r.ID)
	}
	sort.Strings(out)
	return out
}

// esIDs returns "index/id" of every document Elasticsearch holds behind
// the aliases, sorted.
func esIDs(t *testing.T, es *elasticsearch.Client) []string {
	t.Helper()
	var out []string
	for _, alias := range elastic.Aliases {
		res, err := es.Search(es.Search.WithIndex(alias), es.Search.WithSize(10000), es.Search.WithSource("false"))
		if err != nil {
			t.Fatal(err)
		}
		var v struct {
			Hits struct {
				Hits []struct {
					ID string `json:"_id"`
				}
			}
		}
		err = json.NewDecoder(res.Body).Decode(&v)
		res.Body.Close()
		if err != nil || res.StatusCode != 200 {
			t.Fatalf("search %s: %d %v", alias, res.StatusCode, err)
		}
		for _, h := range v.Hits.Hits {
			out = append(out, alias+"/"+h.ID)
		}
	}
	sort.Strings(out)
	return out
}

// sameIDs fails the test unless Elasticsearch holds exactly the store's
// documents.
func sameIDs(t *testing.T, es *elasticsearch.Client, db string) {
	t.Helper()
	want, got := storeIDs(t, db), esIDs(t, es)
	if strings.Join(want, " ") != strings.Join(got, " ") {
		t.Errorf("Elasticsearch holds %d documents, the store %d; they differ", len(got), len(want))
	}
}

// deleteIndex deletes a concrete index, as an operator or a node loss
// would.
func deleteIndex(t *testing.T, es *elasticsearch.Client, name string) {
	t.Helper()
	res, err := es.Indices.Delete([]string{name})
	if err != nil || res.IsError() {
		t.Fatalf("deleting %s: %v %v", name, err, res)
	}
	res.Body.Close()
}

// TestClusterLost: Elasticsearch loses what the store had confirmed (an
// index deleted, some documents deleted, an index replaced by an empty one
// of the same name, everything gone); the next run notices it and sends
// the lost documents again, and afterwards the cluster holds exactly the
// store's ids. An unchanged cluster, shared content and deletes raise no
// alarm and cause no document to be sent.
func TestClusterLost(t *testing.T) {
	url := estest.URL(t)
	es := estest.Client(t)
	estest.Reset(t, es)
	ctx := context.Background()
	dir, names := pipetest.CorpusDir(t, pdfs, 6)
	// Two files with the same content: their documents are shared.
	b, err := os.ReadFile(names[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "copy-of-m000.pdf"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	db := tempStore(t)
	run := func(name string, o Options) *Summary {
		t.Helper()
		s, err := runT(t, ctx, o)
		if err != nil || s.ES == nil || s.ES.Pending != 0 || s.ES.Failed != 0 || s.PagesParsed != 0 && name != "first" {
			t.Fatalf("%s: %v, %+v", name, err, s.ES)
		}
		return s
	}
	run("first", options(db, url, dir))
	sameIDs(t, es, db)
	quiet := func(name string) {
		t.Helper()
		s := run(name, options(db, url, dir))
		if s.ES.Indexed != 0 || len(s.ES.Lost) != 0 || s.ES.Resent != 0 {
			t.Errorf("%s: an unchanged cluster: %d documents sent, lost %q", name, s.ES.Indexed, s.ES.Lost)
		}
	}
	quiet("unchanged")
	// A file deleted (its documents deleted) and the copy deleted (shared:
	// nothing deleted): no false alarm.
	if err := os.Remove(names[5]); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "copy-of-m000.pdf")); err != nil {
		t.Fatal(err)
	}
	o := options(db, url, dir)
	o.Prune = true
	if s := run("prune", o); s.ES.Deleted == 0 || len(s.ES.Lost) != 0 {
		t.Errorf("prune: %d deleted, lost %q", s.ES.Deleted, s.ES.Lost)
	}
	sameIDs(t, es, db)
	quiet("after the deletes")

	lost := []struct {
		name  string
		lose  func(t *testing.T)
		index string // the alias that must be reported lost
		why   string
	}{
		{name: "index deleted", index: elastic.Cases, why: "was replaced",
			lose: func(t *testing.T) { deleteIndex(t, es, elastic.Concrete(elastic.Cases)) }},
		{name: "some documents deleted", index: elastic.Statements, why: "fewer than",
			lose: func(t *testing.T) {
				var dels []index.Action
				for _, id := range esIDs(t, es) {
					if strings.HasPrefix(id, elastic.Statements+"/") && len(dels) < 3 {
						dels = append(dels, index.Action{Index: elastic.Statements, ID: strings.TrimPrefix(id, elastic.Statements+"/"), Delete: true})
					}
				}
				w := &elastic.Writer{Client: es, Refresh: true}
				if st, fails, err := w.Write(ctx, dels); err != nil || len(fails) > 0 || st.Deleted != 3 {
					t.Fatalf("deleting 3 statements: %v %v %+v", err, fails, st)
				}
			}},
		{name: "index replaced by an empty one of the same name", index: elastic.Topics, why: "was replaced",
			lose: func(t *testing.T) {
				deleteIndex(t, es, elastic.Concrete(elastic.Topics))
				if _, err := elastic.Setup(ctx, es); err != nil {
					t.Fatal(err)
				}
			}},
		{name: "everything gone", index: elastic.Meetings, why: "was replaced",
			lose: func(t *testing.T) { estest.Reset(t, es) }},
	}
	for _, tt := range lost {
		t.Run(tt.name, func(t *testing.T) {
			tt.lose(t)
			s := run(tt.name, options(db, url, dir))
			found := false
			for _, l := range s.ES.Lost {
				found = found || strings.HasPrefix(l, tt.index+" ") && strings.Contains(l, tt.why)
			}
			if !found || s.ES.Indexed == 0 || s.ES.Resent == 0 {
				t.Errorf("lost %q, %d files sent again, %d documents; want %s %q", s.ES.Lost, s.ES.Resent, s.ES.Indexed, tt.index, tt.why)
			}
			sameIDs(t, es, db)
			quiet("after " + tt.name)
		})
	}

	// index resync sends every document again, reading no PDF.
	o = Options{Store: db, ES: elastic.Config{URLs: []string{url}}, Resync: true}
	s := run("resync", o)
	if want := len(storeIDs(t, db)); s.ES.Indexed != want || s.ES.Resent != 5 {
		t.Errorf("resync: %d documents of %d sent, %d files of 5", s.ES.Indexed, want, s.ES.Resent)
	}
	sameIDs(t, es, db)
}

// TestFrozenCluster: a cluster that accepts connections and never answers,
// or answers the headers and then stalls, ends the run (not hangs it) with
// an ESError that matches elastic.ErrUnreachable, every file pending in
// the store, and the lock released.
func TestFrozenCluster(t *testing.T) {
	tests := []struct {
		name   string
		answer string
	}{
		{name: "never answers", answer: ""},
		{name: "stalls the body", answer: estest.StallBody},
	}
	dir, _ := pipetest.CorpusDir(t, pdfs, 3)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := tempStore(t)
			o := options(db, "http://elastic:PW@"+estest.Frozen(t, tt.answer), dir)
			o.ES.Timeout = time.Second
			// A generous bound: the run must end, however loaded the machine.
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			s, err := runT(t, ctx, o)
			var down *ESError
			if !errors.As(err, &down) || !errors.Is(err, elastic.ErrUnreachable) || ctx.Err() != nil {
				t.Fatalf("run: %v; want an ESError matching ErrUnreachable", err)
			}
			if s.ES.Pending != 3 || s.Meetings != 3 || strings.Contains(s.ES.Error+err.Error()+s.ES.URL, "PW") {
				t.Errorf("summary: %+v", s.ES)
			}
			st, err := store.OpenStore(db) // the lock is released
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if un, err := st.Unconfirmed(); err != nil || len(un) != 3 {
				t.Errorf("%d files pending in the store (%v), want 3", len(un), err)
			}
		})
	}
}

// TestConfigBeforeWork: a wrong Elasticsearch configuration ends the run
// before any file is read or the store is opened.
func TestConfigBeforeWork(t *testing.T) {
	dir, _ := pipetest.CorpusDir(t, pdfs, 1)
	notPEM := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(notPEM, []byte("no certificate"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		cfg  elastic.Config
	}{
		{name: "URL does not parse", cfg: elastic.Config{URLs: []string{"http://elastic:PW@localhost:9200x"}}},
		{name: "URL without scheme", cfg: elastic.Config{URLs: []string{"elastic:PW@localhost:9200"}}},
		{name: "CA missing", cfg: elastic.Config{URLs: []string{"https://localhost:9200"}, CACert: notPEM + ".none"}},
		{name: "CA not PEM", cfg: elastic.Config{URLs: []string{"https://localhost:9200"}, CACert: notPEM}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := tempStore(t)
			o := options(db, "", dir)
			o.ES = tt.cfg
			s, err := Run(context.Background(), o)
			if !errors.Is(err, elastic.ErrConfig) || s != nil || strings.Contains(err.Error(), "PW") {
				t.Errorf("Run: %v, %v; want ErrConfig, no summary, no password", s, err)
			}
			if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the store was created: %v", err)
			}
		})
	}
}

// TestFrozenMidRun: the node freezes when the documents are sent (a proxy
// that stops forwarding bulk requests and keeps their connections open);
// the run ends with an ESError matching ErrUnreachable and the files
// pending, and the next run, with the node back, sends them.
func TestFrozenMidRun(t *testing.T) {
	url := estest.URL(t)
	es := estest.Client(t)
	estest.Reset(t, es)
	host := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(url, "http://"), "https://"), "/")
	p := newProxy(t, host)
	defer p.Close()
	p.freezeOn = "/_bulk"
	dir, _ := pipetest.CorpusDir(t, pdfs, 4)
	db := tempStore(t)
	o := options(db, p.URL(), dir)
	o.ES.Timeout = 2 * time.Second
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	s, err := runT(t, ctx, o)
	var down *ESError
	if !errors.As(err, &down) || !errors.Is(err, elastic.ErrUnreachable) || s.ES.Pending != 4 || ctx.Err() != nil {
		t.Fatalf("frozen at the bulk request: %v, %+v", err, s.ES)
	}
	s, err = runT(t, ctx, options(db, url, dir))
	if err != nil || s.ES.Pending != 0 {
		t.Fatalf("after: %v, %+v", err, s.ES)
	}
	sameIDs(t, es, db)
}
