package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/analyze"
	"github.com/ntlnav/referat/index"
	"github.com/ntlnav/referat/index/elastic"
	"github.com/ntlnav/referat/index/store"
	"github.com/ntlnav/referat/internal/estest"
)

// analystData ingests the generated test PDFs into a new store and a fresh
// set of indices, and returns both backends; more names further folders
// under testdata/pdf to ingest.
func analystData(t *testing.T, more ...string) (string, *store.Local, *elastic.Remote) {
	t.Helper()
	url := estest.URL(t)
	es := estest.Client(t)
	estest.Reset(t, es)
	storeDir := filepath.Join(t.TempDir(), "store")
	var dirs []string
	for _, p := range append([]string{"libreoffice", "ghostscript", "fpdf"}, more...) {
		dirs = append(dirs, filepath.Join(pdfs, p))
	}
	dirs = append(dirs, laterMeetings(t)) // analysts_data_test.go
	code, _, stderr := runArgs(context.Background(), append([]string{"ingest", "--quiet", "--store", storeDir, "--es-url", url}, dirs...)...)
	if code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	st, err := store.OpenStore(storeDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	a := analyze.New(nil, analyze.Options{})
	return storeDir, &store.Local{Store: st, Stems: a.Stems}, &elastic.Remote{Client: es, Stems: a.Stems}
}

func asJSON(v any) string {
	b, _ := json.MarshalIndent(v, "", " ")
	return string(b)
}

func hitIDs(hs []index.Hit) []string {
	var out []string
	for _, h := range hs {
		out = append(out, h.ID)
	}
	sort.Strings(out)
	return out
}

// TestSameAnswers asks the local store and Elasticsearch the same
// questions on the same data.
func TestSameAnswers(t *testing.T) {
	// The layout files add agenda numbers, decisions and attendance.
	_, local, remote := analystData(t, "layouts/libreoffice")
	ctx := context.Background()
	for _, q := range []index.TrendQuery{
		{}, {By: "quarter"}, {By: "month"}, {Topics: []string{"budsjett", "lønn"}},
		{Actor: "arbeidsgiver"}, {From: "2021-01-01", To: "2024-12-31"},
	} {
		l, err1 := local.Trends(ctx, q)
		r, err2 := remote.Trends(ctx, q)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if asJSON(l) != asJSON(r) {
			t.Errorf("trends %+v differ:\nlocal  %s\nremote %s", q, asJSON(l), asJSON(r))
		}
		if len(l.Periods) == 0 {
			t.Errorf("trends %+v: no periods", q)
		}
	}
	for _, q := range []index.CompareQuery{
		{Topic: "budsjett", Actor: "NTL"}, {Topic: "budsjett", Actor: "arbeidsgiver", Years: []int{2019, 2024}}, {Topic: "arbeidsmiljø"},
		{Topic: "budsjett", Years: []int{2019, 2024}},
	} {
		l, err1 := local.Compare(ctx, q)
		r, err2 := remote.Compare(ctx, q)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if len(l.Years) == 0 {
			t.Errorf("compare %+v: nothing", q)
		}
		// Everything is the same, the distinguishing terms included.
		if asJSON(l) != asJSON(r) {
			t.Errorf("compare %+v differs:\nlocal  %.3000s\nremote %.3000s", q, asJSON(l), asJSON(r))
		}
		exchanges, terms := 0, 0
		for _, y := range l.Years {
			exchanges += len(y.Exchanges)
			terms += len(y.Terms)
			for _, e := range y.Exchanges {
				if e.CaseID == "" || e.Date == "" || e.CaseTitle == "" || e.Relation == "" {
					t.Errorf("compare %+v: exchange without case id, date, title or relation: %+v", q, e)
				}
			}
		}
		if q.Actor == "" && exchanges == 0 {
			t.Errorf("compare %+v: no exchanges", q)
		}
		if len(q.Years) == 0 && len(l.Years) > 1 && terms == 0 {
			t.Errorf("compare %+v: no terms set a year apart", q)
		}
	}
	for _, q := range []index.SearchQuery{
		{Text: "budsjettene"}, {Text: "varslingsrutinen"}, {Text: "hjemmekontor", Actor: "NTL"},
		{Text: "kutt i bemanningen", Topic: "budsjett"}, {Text: "opplæring", Year: 2024},
		// Phrases: their stems together and in order, each in one field.
		{Text: `"kutt i bemanningen"`}, {Text: `budsjett «flere hender»`}, {Text: `"linjevise budsjetter" "for 2024"`},
	} {
		q.Size = 1000
		l, err1 := local.Search(ctx, q)
		r, err2 := remote.Search(ctx, q)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if len(l.Cases) == 0 || !reflect.DeepEqual(hitIDs(l.Cases), hitIDs(r.Cases)) || !reflect.DeepEqual(hitIDs(l.Statements), hitIDs(r.Statements)) {
			t.Errorf("search %+v: local %d cases %d statements, remote %d cases %d statements", q, len(l.Cases), len(l.Statements), len(r.Cases), len(r.Statements))
		}
	}
	for _, q := range []index.CaseQuery{{InThread: true}, {InThread: true, Topic: "budsjett"}} {
		l, err1 := local.Cases(ctx, q)
		r, err2 := remote.Cases(ctx, q)
		if err1 != nil || err2 != nil || asJSON(l) != asJSON(r) || len(l) < 2 {
			t.Errorf("cases %+v: %v %v, %d and %d:\nlocal  %.1500s\nremote %.1500s", q, err1, err2, len(l), len(r), asJSON(l), asJSON(r))
		}
		if len(l) > 0 {
			th, err1 := local.Case(ctx, l[0].ID)
			thr, err2 := remote.Case(ctx, l[0].ID)
			if err1 != nil || err2 != nil || len(th.Thread) == 0 || asJSON(th) != asJSON(thr) {
				t.Errorf("case %s in thread %s: %v %v, %d others", l[0].ID, l[0].Thread, err1, err2, len(th.Thread))
			}
		}
	}
	lc, err1 := local.Cases(ctx, index.CaseQuery{})
	rc, err2 := remote.Cases(ctx, index.CaseQuery{})
	if err1 != nil || err2 != nil || asJSON(lc) != asJSON(rc) || len(lc) < 20 {
		t.Fatalf("cases: %v %v, %d and %d", err1, err2, len(lc), len(rc))
	}
	// Agenda numbers are a filter; the case shows its number, decision
	// and the meeting's attendance from both backends alike.
	ln, err1 := local.Cases(ctx, index.CaseQuery{Number: "20/23"})
	rn, err2 := remote.Cases(ctx, index.CaseQuery{Number: "20/23"})
	if err1 != nil || err2 != nil || len(ln) != 1 || asJSON(ln) != asJSON(rn) || ln[0].Title != "Revidert rutine for intern varsling – første gangs behandling" {
		t.Fatalf("cases --number 20/23: %v %v\nlocal  %s\nremote %s", err1, err2, asJSON(ln), asJSON(rn))
	}
	if d, err := remote.Case(ctx, ln[0].ID); err != nil || d.Case.Number != "20/23" || d.Case.Decision == "" || len(d.Meeting.Attendees) != 8 || d.Meeting.Place == "" {
		t.Errorf("case %s from Elasticsearch: %v %s", ln[0].ID, err, asJSON(d))
	}
	// A case named by a short id is the same case from both backends.
	short := lc[0].ID[:8] + "-" + strings.TrimLeft(lc[0].ID[33:], "0")
	lid, err1 := index.ResolveCaseID(ctx, local, short)
	rid, err2 := index.ResolveCaseID(ctx, remote, short)
	if err1 != nil || err2 != nil || lid != lc[0].ID || rid != lid {
		t.Errorf("short id %s: local %q %v, remote %q %v; want %s", short, lid, err1, rid, err2, lc[0].ID)
	}
	lc = append(lc[:8:8], ln...)
	for _, row := range lc {
		l, err1 := local.Case(ctx, row.ID)
		r, err2 := remote.Case(ctx, row.ID)
		if err1 != nil || err2 != nil || asJSON(l) != asJSON(r) {
			t.Errorf("case %s: %v %v\nlocal  %.1500s\nremote %.1500s", row.ID, err1, err2, asJSON(l), asJSON(r))
		}
	}
}

// lensAgg turns a Lens chart's layer into the Elasticsearch aggregation it
// implies: a yearly date histogram, then the terms columns, counting
// documents.
func lensAgg(o elastic.SavedObject) (string, map[string]any, []string) {
	state := o.Attributes["state"].(map[string]any)
	layer := state["datasourceStates"].(map[string]any)["formBased"].(map[string]any)["layers"].(map[string]any)["layer1"].(map[string]any)
	cols := layer["columns"].(map[string]any)
	var names []string
	var aggs []map[string]any
	// Histogram first, then terms, as Lens nests them for these charts.
	order := layer["columnOrder"].([]any)
	for _, pass := range []string{"date_histogram", "terms"} {
		for _, id := range order {
			c := cols[id.(string)].(map[string]any)
			if c["operationType"] != pass {
				continue
			}
			field := c["sourceField"].(string)
			switch pass {
			case "date_histogram":
				aggs = append(aggs, map[string]any{"date_histogram": map[string]any{"field": field, "calendar_interval": "year", "format": "yyyy"}})
				names = append(names, "year")
			case "terms":
				fields := []string{field}
				if sec, ok := c["params"].(map[string]any)["secondaryFields"].([]any); ok {
					for _, s := range sec {
						fields = append(fields, s.(string))
					}
				}
				if len(fields) == 1 {
					aggs = append(aggs, map[string]any{"terms": map[string]any{"field": field, "size": 1000}})
				} else {
					var terms []any
					for _, f := range fields {
						terms = append(terms, map[string]any{"field": f})
					}
					aggs = append(aggs, map[string]any{"multi_terms": map[string]any{"terms": terms, "size": 1000}})
				}
				names = append(names, strings.Join(fields, "+"))
			}
		}
	}
	// Nest them.
	root := map[string]any{}
	cur := root
	for i, a := range aggs {
		name := fmt.Sprint("a", i)
		cur[name] = a
		sub := map[string]any{}
		a["aggs"] = sub
		cur = sub
	}
	return o.References[0].ID, map[string]any{"size": 0, "aggs": root}, names
}

// flatten reads nested buckets into "k1|k2" → count.
func flatten(aggs map[string]any, depth int, prefix string, out map[string]int) {
	a, ok := aggs[fmt.Sprint("a", depth)].(map[string]any)
	if !ok {
		return
	}
	for _, b := range a["buckets"].([]any) {
		bk := b.(map[string]any)
		key := fmt.Sprint(bk["key"])
		if s, ok := bk["key_as_string"].(string); ok {
			key = s
		}
		if ks, ok := bk["key"].([]any); ok {
			var parts []string
			for _, k := range ks {
				parts = append(parts, fmt.Sprint(k))
			}
			key = strings.Join(parts, "+")
		}
		if prefix != "" {
			key = prefix + "|" + key
		}
		if _, deeper := bk[fmt.Sprint("a", depth+1)]; deeper {
			flatten(bk, depth+1, key, out)
			continue
		}
		if n := int(bk["doc_count"].(float64)); n > 0 {
			out[key] = n
		}
	}
}

// TestKibanaChartsAggregate runs the aggregation behind each chart on the
// real node and checks its numbers against the store.
func TestKibanaChartsAggregate(t *testing.T) {
	_, local, remote := analystData(t)
	want := map[string]map[string]int{}
	add := func(chart, key string) {
		if want[chart] == nil {
			want[chart] = map[string]int{}
		}
		want[chart][key]++
	}
	local.Store.Documents(func(d *referat.Document) bool {
		y := d.Meeting.Date[:4]
		for _, c := range d.Cases {
			for _, tp := range c.Topics {
				add("referat-lens-topics-over-time", y+"|"+tp.ID)
				add("referat-lens-topic-share", y+"|"+tp.ID)
			}
			for _, k := range c.Keywords {
				add("referat-lens-keywords", k)
			}
			for _, s := range c.Statements {
				add("referat-lens-statements-actor-kind", y+"|"+s.Actor+" / "+s.Kind)
				add("referat-lens-positions-by-actor", y+"|"+s.Actor)
				add("referat-lens-kinds-by-actor", s.Actor+"|"+s.Kind)
			}
		}
		return true
	})
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(elastic.KibanaNDJSON())), "\n") {
		var o elastic.SavedObject // as Kibana reads it: from the exported NDJSON
		if err := json.Unmarshal([]byte(line), &o); err != nil {
			t.Fatal(err)
		}
		if o.Type != "lens" {
			continue
		}
		view, body, names := lensAgg(o)
		b, _ := json.Marshal(body)
		res, err := remote.Client.Search(remote.Client.Search.WithIndex(view), remote.Client.Search.WithBody(strings.NewReader(string(b))))
		if err != nil {
			t.Fatal(err)
		}
		var out struct {
			Aggregations map[string]any
		}
		json.NewDecoder(res.Body).Decode(&out)
		res.Body.Close()
		got := map[string]int{}
		flatten(out.Aggregations, 0, "", got)
		if !reflect.DeepEqual(got, want[o.ID]) || len(got) == 0 {
			t.Errorf("%s (%s over %v): got %d buckets, want %d\n got %v\nwant %v", o.ID, view, names, len(got), len(want[o.ID]), got, want[o.ID])
		}
		checked++
	}
	if checked < 5 {
		t.Errorf("checked %d charts", checked)
	}
}

func TestAnalystCommands(t *testing.T) {
	storeDir, local, _ := analystData(t)
	local.Store.Close()
	t.Setenv("ELASTICSEARCH_URL", "") // the local store
	ctx := context.Background()
	run := func(args ...string) string {
		t.Helper()
		// Flags go before the arguments.
		full := append([]string{args[0], "--store", storeDir}, args[1:]...)
		code, out, stderr := runArgs(ctx, full...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		return out
	}
	out := run("trends")
	if !strings.Contains(out, "budsjett") || !strings.ContainsAny(out, "▁▂▃▄▅▆▇█") || !strings.Contains(out, "all cases") {
		t.Errorf("trends table:\n%s", out)
	}
	if out := run("trends", "--by", "quarter", "--format", "csv", "--topic", "budsjett"); !strings.HasPrefix(out, "topic,period,cases,share,period_cases\nbudsjett,2019-Q4,") {
		t.Errorf("trends csv:\n%.300s", out)
	}
	var tr index.Trends
	if err := json.Unmarshal([]byte(run("trends", "--format", "json")), &tr); err != nil || len(tr.Topics) < 5 {
		t.Errorf("trends json: %v", err)
	}
	// JSON keys are snake_case, as README documents them.
	var keys map[string]json.RawMessage
	json.Unmarshal([]byte(run("trends", "--format", "json")), &keys)
	if got := sortedKeys(keys); got != "by counts periods topics totals" {
		t.Errorf("trends json keys: %s", got)
	}
	var cmp struct {
		Years []map[string]json.RawMessage `json:"years"`
	}
	out = run("compare", "--json", "--topic", "budsjett", "--actor", "NTL")
	keys = nil
	json.Unmarshal([]byte(out), &keys)
	json.Unmarshal([]byte(out), &cmp)
	if got := sortedKeys(keys); got != "actor topic years" || len(cmp.Years) == 0 || sortedKeys(cmp.Years[0]) != "exchanges kinds statements summary terms year" {
		t.Errorf("compare json keys: %s; %.300s", got, out)
	}
	var ex struct {
		Years []struct {
			Exchanges []map[string]json.RawMessage `json:"exchanges"`
			Summary   map[string]json.RawMessage   `json:"summary"`
		} `json:"years"`
	}
	json.Unmarshal([]byte(out), &ex)
	found := false
	for _, y := range ex.Years {
		if got := sortedKeys(y.Summary); got != "agreed answered deferred rejected requests" {
			t.Errorf("compare json summary keys: %s", got)
		}
		for _, e := range y.Exchanges {
			found = true
			if got := sortedKeys(e); got != "case_id case_title date employer ntl others relation" {
				t.Errorf("compare json exchange keys: %s", got)
			}
		}
	}
	if !found {
		t.Errorf("compare json: no exchanges: %.300s", out)
	}
	if out := run("compare", "--topic", "budsjett", "--actor", "NTL", "--years", "2019,2024"); !strings.Contains(out, "== 2019:") || !strings.Contains(out, "== 2024:") || strings.Contains(out, "== 2021") {
		t.Errorf("compare:\n%.1000s", out)
	}
	// Every year of a comparison says what sets it apart, "no word" too;
	// a year alone has nothing to be set apart from, and "terms" is [].
	if out := run("compare", "--topic", "budsjett", "--years", "2019,2024"); strings.Count(out, "\n   sets the year apart: ") != 2 {
		t.Errorf("compare, what sets each year apart:\n%.1000s", out)
	}
	if out := run("compare", "--topic", "budsjett", "--years", "2019"); strings.Contains(out, "sets the year apart") {
		t.Errorf("compare of one year:\n%.1000s", out)
	}
	if out := run("compare", "--json", "--topic", "budsjett", "--years", "2019"); !strings.Contains(out, `"terms": []`) {
		t.Errorf("compare --json of one year: %.300s", out)
	}
	if out := run("search", "budsjettene"); !strings.Contains(out, "«") || !strings.Contains(out, "Linjevise budsjetter") {
		t.Errorf("search:\n%.800s", out)
	}
	var rows []index.CaseRow
	json.Unmarshal([]byte(run("cases", "--json", "--topic", "varsling")), &rows)
	if len(rows) == 0 {
		t.Fatal("no varsling cases")
	}
	if out := run("show", rows[0].ID); !strings.Contains(out, "topic varsling") || !strings.Contains(out, "[NTL/") {
		t.Errorf("show:\n%.800s", out)
	}
	// Threads link the budget notes for 2024 across meetings, and show
	// names the cases before and after in the thread.
	var threads []struct {
		Thread string          `json:"thread"`
		Cases  []index.CaseRow `json:"cases"`
	}
	if err := json.Unmarshal([]byte(run("threads", "--json")), &threads); err != nil || len(threads) == 0 {
		t.Fatalf("threads: %v, %d threads", err, len(threads))
	}
	budget := false
	for _, th := range threads {
		dates := map[string]bool{}
		for _, c := range th.Cases {
			dates[c.Date] = true
			if c.Thread != th.Thread {
				t.Errorf("thread %s lists case %s of thread %q", th.Thread, c.ID, c.Thread)
			}
			budget = budget || strings.Contains(c.Title, "budsjettnotat 0 for 2024")
		}
		if len(dates) < 2 {
			t.Errorf("thread %s has cases of one meeting date only", th.Thread)
		}
	}
	if !budget {
		t.Errorf("no thread has BN0 for 2024: %.800s", run("threads"))
	}
	last := threads[0].Cases[len(threads[0].Cases)-1]
	if out := run("show", last.ID); !strings.Contains(out, "thread "+threads[0].Thread) || !strings.Contains(out, "before") {
		t.Errorf("show of the last case of thread %s:\n%.1500s", threads[0].Thread, out)
	}
	if code, _, stderr := runArgs(ctx, "show", "--store", storeDir, "nope-1"); code != 2 || !strings.Contains(stderr, "no such case") {
		t.Errorf("show unknown: %d %s", code, stderr)
	}
	html := filepath.Join(t.TempDir(), "report.html")
	run("report", "--html", html)
	b, _ := os.ReadFile(html)
	page := string(b)
	for _, want := range []string{"<svg id=\"trend\"", "class=\"bar\"", "Antall saker", "Arbeidsgiver", "budsjett", "<summary>Hvorfor dette temaet?</summary>"} {
		if !strings.Contains(page, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if rest := strings.ReplaceAll(page, `xmlns="http://www.w3.org/2000/svg"`, ""); strings.Contains(rest, "http://") || strings.Contains(rest, "https://") || strings.Contains(rest, "//cdn") {
		t.Errorf("the report refers to the network")
	}
	checkInChromium(t, needChromium(t), html, csvPeriods(t, run("trends", "--format", "csv")))
}

// sortedKeys returns the keys of a JSON object, sorted, space-separated.
func sortedKeys(m map[string]json.RawMessage) string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, " ")
}
