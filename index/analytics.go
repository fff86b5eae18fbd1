package index

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/internal/norsk"
)

// An Analytics answers the analysts' questions, from the local store
// (Local) or from Elasticsearch (Remote), with the same answers on the
// same data.
type Analytics interface {
	Trends(ctx context.Context, q TrendQuery) (*Trends, error)
	Compare(ctx context.Context, q CompareQuery) (*Comparison, error)
	Search(ctx context.Context, q SearchQuery) (*SearchResult, error)
	Cases(ctx context.Context, q CaseQuery) ([]CaseRow, error)
	Case(ctx context.Context, id string) (*CaseDetail, error)
}

// A TrendQuery selects cases for Trends. The zero value: every case, by
// year.
type TrendQuery struct {
	By     string   // "year" (default), "quarter" ("2024-Q1") or "month" ("2024-02")
	Topics []string // topic ids; default: all
	From   string   // first meeting date, ISO; default: open
	To     string   // last meeting date, ISO, inclusive; default: open
	Actor  string   // only cases in which this actor made a statement; default: any
}

// Trends are cases per topic per period.
type Trends struct {
	By      string
	Periods []string                  // ascending
	Totals  map[string]int            // cases per period, whatever their topics
	Counts  map[string]map[string]int // topic → period → cases
	Topics  []string                  // by total count, highest first
}

// Share returns the share of period's cases that have topic, 0..1.
func (t *Trends) Share(topic, period string) float64 {
	if t.Totals[period] == 0 {
		return 0
	}
	return float64(t.Counts[topic][period]) / float64(t.Totals[period])
}

// A CompareQuery selects statements for Compare.
type CompareQuery struct {
	Topic string // required
	Actor string // default: every actor
	Years []int  // default: every year
	Terms int    // distinguishing terms per year; default 8
}

// A Comparison is a topic's statements year by year.
type Comparison struct {
	Topic string
	Actor string
	Years []YearStatements
}

// YearStatements are one year's statements on a topic.
type YearStatements struct {
	Year       int
	Statements []StatementRow
	Kinds      map[string]int
	Terms      []string // stems that set this year apart from the others
}

// A StatementRow is one statement with its case.
type StatementRow struct {
	ID        string `json:"id"`
	CaseID    string `json:"case_id"`
	Date      string `json:"date"`
	CaseTitle string `json:"case_title"`
	Actor     string `json:"actor"`
	Kind      string `json:"kind"`
	Text      string `json:"text"`
}

// A SearchQuery is a free-text search with filters.
type SearchQuery struct {
	Text  string
	Topic string // default: any
	Actor string // statements by this actor, cases with a statement by it; default: any
	Year  int    // default: any
	Size  int    // hits of each kind; default 10
}

// A SearchResult holds ranked cases and statements.
type SearchResult struct {
	Cases      []Hit `json:"cases"`
	Statements []Hit `json:"statements"`
}

// A Hit is a found case or statement.
type Hit struct {
	ID      string  `json:"id"`
	Score   float64 `json:"score"`
	Date    string  `json:"date"`
	Title   string  `json:"title"`           // the case title
	Actor   string  `json:"actor,omitempty"` // statements
	Snippet string  `json:"snippet"`         // the best sentence, matched words in «»
}

// A CaseQuery filters the case list.
type CaseQuery struct {
	Topic string
	Year  int
	Limit int // default: no limit
}

// A CaseRow is a line of the case list.
type CaseRow struct {
	ID     string   `json:"id"`
	Date   string   `json:"date"`
	Body   string   `json:"body"`
	Title  string   `json:"title"`
	Topics []string `json:"topics"`
}

// CaseDetail is one case with its meeting.
type CaseDetail struct {
	ID      string          `json:"id"`
	Meeting referat.Meeting `json:"meeting"`
	Source  string          `json:"source"`
	Case    referat.Case    `json:"case"`
}

// period returns the period of an ISO date.
func period(date, by string) string {
	if len(date) < 10 {
		return ""
	}
	switch by {
	case "month":
		return date[:7]
	case "quarter":
		m, _ := strconv.Atoi(date[5:7])
		return fmt.Sprintf("%s-Q%d", date[:4], (m-1)/3+1)
	}
	return date[:4]
}

func yearOf(date string) int {
	if len(date) < 4 {
		return 0
	}
	y, _ := strconv.Atoi(date[:4])
	return y
}

func inRange(date, from, to string) bool {
	return (from == "" || date >= from) && (to == "" || date <= to)
}

func hasActor(c *referat.Case, actor string) bool {
	for _, s := range c.Statements {
		if s.Actor == actor {
			return true
		}
	}
	return false
}

func hasTopic(c *referat.Case, topic string) bool {
	for _, t := range c.Topics {
		if t.ID == topic {
			return true
		}
	}
	return false
}

func topicIDs(c *referat.Case) []string {
	out := make([]string, 0, len(c.Topics))
	for _, t := range c.Topics {
		out = append(out, t.ID)
	}
	return out
}

// finish orders periods and topics.
func (t *Trends) finish() *Trends {
	t.Periods = t.Periods[:0]
	for p := range t.Totals {
		t.Periods = append(t.Periods, p)
	}
	sort.Strings(t.Periods)
	totals := map[string]int{}
	t.Topics = t.Topics[:0]
	for topic, ps := range t.Counts {
		t.Topics = append(t.Topics, topic)
		for _, n := range ps {
			totals[topic] += n
		}
	}
	sort.Slice(t.Topics, func(i, j int) bool {
		a, b := t.Topics[i], t.Topics[j]
		return totals[a] > totals[b] || totals[a] == totals[b] && a < b
	})
	return t
}

// Local answers from the local store. Stems must be the analyzer's, as
// for indexing.
type Local struct {
	Store *Store
	Stems Stemmer
}

func (l *Local) each(fn func(d *referat.Document, c *referat.Case)) error {
	return l.Store.Documents(func(d *referat.Document) bool {
		for i := range d.Cases {
			fn(d, &d.Cases[i])
		}
		return true
	})
}

// Trends counts cases per topic and period.
func (l *Local) Trends(ctx context.Context, q TrendQuery) (*Trends, error) {
	by := q.By
	if by == "" {
		by = "year"
	}
	want := map[string]bool{}
	for _, t := range q.Topics {
		want[t] = true
	}
	t := &Trends{By: by, Totals: map[string]int{}, Counts: map[string]map[string]int{}}
	err := l.each(func(d *referat.Document, c *referat.Case) {
		p := period(d.Meeting.Date, by)
		if p == "" || !inRange(d.Meeting.Date, q.From, q.To) || q.Actor != "" && !hasActor(c, q.Actor) {
			return
		}
		t.Totals[p]++
		for _, id := range topicIDs(c) {
			if len(want) > 0 && !want[id] {
				continue
			}
			if t.Counts[id] == nil {
				t.Counts[id] = map[string]int{}
			}
			t.Counts[id][p]++
		}
	})
	return t.finish(), err
}

// Compare lists a topic's statements year by year.
func (l *Local) Compare(ctx context.Context, q CompareQuery) (*Comparison, error) {
	years := yearGroups{}
	want := map[int]bool{}
	for _, y := range q.Years {
		want[y] = true
	}
	err := l.each(func(d *referat.Document, c *referat.Case) {
		y := yearOf(d.Meeting.Date)
		if y == 0 || len(want) > 0 && !want[y] || !hasTopic(c, q.Topic) {
			return
		}
		cid := CaseID(d.Source.SHA256, c.Seq)
		for i, s := range c.Statements {
			if q.Actor != "" && s.Actor != q.Actor {
				continue
			}
			years.add(y, StatementRow{ID: StatementID(cid, i+1), CaseID: cid, Date: d.Meeting.Date,
				CaseTitle: c.Title, Actor: s.Actor, Kind: s.Kind, Text: s.Text})
		}
	})
	if err != nil {
		return nil, err
	}
	cmp := years.comparison(q)
	n := q.Terms
	if n <= 0 {
		n = 8
	}
	distinguish(cmp, l.Stems, n)
	return cmp, nil
}

// yearGroups gathers a comparison's statements by year.
type yearGroups map[int]*YearStatements

func (g yearGroups) add(year int, row StatementRow) {
	ys := g[year]
	if ys == nil {
		ys = &YearStatements{Year: year, Kinds: map[string]int{}}
		g[year] = ys
	}
	ys.Statements = append(ys.Statements, row)
	ys.Kinds[row.Kind]++
}

// comparison orders the years and their statements.
func (g yearGroups) comparison(q CompareQuery) *Comparison {
	cmp := &Comparison{Topic: q.Topic, Actor: q.Actor}
	for _, ys := range g {
		sortStatements(ys.Statements)
		cmp.Years = append(cmp.Years, *ys)
	}
	sort.Slice(cmp.Years, func(i, j int) bool { return cmp.Years[i].Year < cmp.Years[j].Year })
	return cmp
}

func sortStatements(rows []StatementRow) {
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Date != rows[j].Date {
			return rows[i].Date < rows[j].Date
		}
		return rows[i].ID < rows[j].ID
	})
}

// distinguish sets each year's Terms: the stems whose weighted log-odds
// (with an informative Dirichlet prior from all the years together,
// Monroe, Colaresi and Quinn 2008) set that year apart from the others,
// with a z-score above 1.96 and at least two uses.
func distinguish(cmp *Comparison, stems Stemmer, n int) {
	if stems == nil || len(cmp.Years) < 2 {
		return
	}
	per := make([]map[string]float64, len(cmp.Years))
	all := map[string]float64{}
	var total float64
	for i, ys := range cmp.Years {
		per[i] = map[string]float64{}
		for _, s := range ys.Statements {
			for _, w := range stems(s.Text) {
				if !contentStem(w) {
					continue
				}
				per[i][w]++
				all[w]++
				total++
			}
		}
	}
	const a0 = 100.0 // prior strength
	for i := range cmp.Years {
		var ny float64
		for _, c := range per[i] {
			ny += c
		}
		nr := total - ny
		type scored struct {
			w string
			z float64
		}
		var out []scored
		for w, cy := range per[i] {
			if cy < 2 {
				continue
			}
			aw := a0 * all[w] / total
			cr := all[w] - cy
			d := math.Log((cy+aw)/(ny+a0-cy-aw)) - math.Log((cr+aw)/(nr+a0-cr-aw))
			z := d / math.Sqrt(1/(cy+aw)+1/(cr+aw))
			if z > 1.96 {
				out = append(out, scored{w, z})
			}
		}
		sort.Slice(out, func(a, b int) bool { return out[a].z > out[b].z || out[a].z == out[b].z && out[a].w < out[b].w })
		for k := 0; k < len(out) && k < n; k++ {
			cmp.Years[i].Terms = append(cmp.Years[i].Terms, out[k].w)
		}
	}
}

// contentStem leaves out numbers and very short stems.
func contentStem(w string) bool {
	if len([]rune(w)) < 3 {
		return false
	}
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// Search ranks cases and statements that share a stem with the query, by
// a BM25-like score over stems; both backends match the same documents.
func (l *Local) Search(ctx context.Context, q SearchQuery) (*SearchResult, error) {
	qs, size, res := q.prepare(l.Stems)
	if len(qs) == 0 {
		return res, nil
	}
	var cases, stmts []Hit
	err := l.each(func(d *referat.Document, c *referat.Case) {
		if q.Topic != "" && !hasTopic(c, q.Topic) || q.Year != 0 && yearOf(d.Meeting.Date) != q.Year {
			return
		}
		cid := CaseID(d.Source.SHA256, c.Seq)
		if q.Actor == "" || hasActor(c, q.Actor) {
			if score := stemScore(qs, l.Stems(c.Title), 3) + stemScore(qs, l.Stems(c.Text), 1); score > 0 {
				cases = append(cases, Hit{ID: cid, Score: score, Date: d.Meeting.Date, Title: c.Title, Snippet: Snippet(c.Text, qs, l.Stems)})
			}
		}
		for i, s := range c.Statements {
			if q.Actor != "" && s.Actor != q.Actor {
				continue
			}
			if score := stemScore(qs, l.Stems(s.Text), 1); score > 0 {
				stmts = append(stmts, Hit{ID: StatementID(cid, i+1), Score: score, Date: d.Meeting.Date, Title: c.Title, Actor: s.Actor, Snippet: Snippet(s.Text, qs, l.Stems)})
			}
		}
	})
	rank := func(h []Hit) []Hit {
		sort.SliceStable(h, func(i, j int) bool {
			return h[i].Score > h[j].Score || h[i].Score == h[j].Score && h[i].ID < h[j].ID
		})
		if len(h) > size {
			h = h[:size]
		}
		return h
	}
	res.Cases, res.Statements = rank(cases), rank(stmts)
	return res, err
}

// prepare returns the query's stems, the number of hits wanted, and an
// empty result.
func (q SearchQuery) prepare(stems Stemmer) ([]string, int, *SearchResult) {
	size := q.Size
	if size <= 0 {
		size = 10
	}
	return queryStems(q.Text, stems), size, &SearchResult{Cases: []Hit{}, Statements: []Hit{}}
}

func queryStems(text string, stems Stemmer) []string {
	if stems == nil {
		return strings.Fields(strings.ToLower(text))
	}
	return uniqueStrings(stems(text))
}

// stemScore is a saturated term-frequency score of the query stems in a
// field's stems.
func stemScore(qs, field []string, weight float64) float64 {
	if len(field) == 0 {
		return 0
	}
	tf := map[string]float64{}
	for _, w := range field {
		tf[w]++
	}
	var s float64
	for _, w := range qs {
		if f := tf[w]; f > 0 {
			s += weight * f * 2.2 / (f + 1.2*(0.25+0.75*float64(len(field))/200))
		}
	}
	return math.Round(s*1000) / 1000
}

// Snippet returns the first sentence of text that holds a query stem, with
// the matching words in «» guillemets, at most about 300 characters.
func Snippet(text string, qs []string, stems Stemmer) string {
	want := map[string]bool{}
	for _, w := range qs {
		want[w] = true
	}
	for _, sp := range norsk.Sentences(text) {
		sent := text[sp.Start:sp.End]
		words := strings.Fields(sent)
		hit := false
		for i, w := range words {
			core := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			if core == "" || stems == nil {
				continue
			}
			for _, s := range stems(core) {
				if want[s] {
					words[i] = strings.Replace(w, core, "«"+core+"»", 1)
					hit = true
					break
				}
			}
		}
		if hit {
			out := strings.Join(words, " ")
			if r := []rune(out); len(r) > 300 {
				out = string(r[:300]) + "…"
			}
			return out
		}
	}
	return ""
}

// Cases lists cases, newest first.
func (l *Local) Cases(ctx context.Context, q CaseQuery) ([]CaseRow, error) {
	var rows []CaseRow
	err := l.each(func(d *referat.Document, c *referat.Case) {
		if q.Topic != "" && !hasTopic(c, q.Topic) || q.Year != 0 && yearOf(d.Meeting.Date) != q.Year {
			return
		}
		rows = append(rows, CaseRow{ID: CaseID(d.Source.SHA256, c.Seq), Date: d.Meeting.Date, Body: d.Meeting.Body, Title: c.Title, Topics: nonNil(topicIDs(c))})
	})
	sortRows(rows)
	if q.Limit > 0 && len(rows) > q.Limit {
		rows = rows[:q.Limit]
	}
	return rows, err
}

func sortRows(rows []CaseRow) {
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Date != rows[j].Date {
			return rows[i].Date > rows[j].Date
		}
		return rows[i].ID < rows[j].ID
	})
}

// ErrNoCase is returned by Case for an unknown id.
var ErrNoCase = fmt.Errorf("no such case")

// Case returns one case with its meeting.
func (l *Local) Case(ctx context.Context, id string) (*CaseDetail, error) {
	prefix, seq, ok := splitCaseID(id)
	if !ok {
		return nil, fmt.Errorf("%w: %q is not a case id (see 'referat cases')", ErrNoCase, id)
	}
	var out *CaseDetail
	err := l.Store.Documents(func(d *referat.Document) bool {
		if !strings.HasPrefix(d.Source.SHA256, prefix) {
			return true
		}
		for _, c := range d.Cases {
			if c.Seq == seq {
				out = &CaseDetail{ID: id, Meeting: d.Meeting, Source: d.Source.Path, Case: c}
				return false
			}
		}
		return true
	})
	if err == nil && out == nil {
		err = fmt.Errorf("%w: %s", ErrNoCase, id)
	}
	return out, err
}

func splitCaseID(id string) (prefix string, seq int, ok bool) {
	i := strings.LastIndexByte(id, '-')
	if i <= 0 {
		return "", 0, false
	}
	seq, err := strconv.Atoi(id[i+1:])
	return id[:i], seq, err == nil
}
