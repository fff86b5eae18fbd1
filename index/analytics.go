package index

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
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
	By      string                    `json:"by"`      // "year", "quarter" or "month"
	Periods []string                  `json:"periods"` // ascending
	Totals  map[string]int            `json:"totals"`  // cases per period, whatever their topics
	Counts  map[string]map[string]int `json:"counts"`  // topic → period → cases
	Topics  []string                  `json:"topics"`  // by total count, highest first
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
	Topic string           `json:"topic"`
	Actor string           `json:"actor"` // "" for every actor
	Years []YearStatements `json:"years"` // ascending
}

// YearStatements are one year's statements on a topic.
type YearStatements struct {
	Year       int            `json:"year"`
	Statements []StatementRow `json:"statements"` // by date, then id
	Kinds      map[string]int `json:"kinds"`      // statements per kind
	Terms      []string       `json:"terms"`      // words (each stem's most frequent form) that set this year apart
	Exchanges  []ExchangeRow  `json:"exchanges"`  // exchanges on the topic, by date, then case id
	Summary    YearSummary    `json:"summary"`
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
	// Topics are the statement's own topics.
	Topics []string `json:"topics"`
}

// A SearchQuery is a free-text search with filters.
type SearchQuery struct {
	// Text is the query's words, matched by their stems in any order; a
	// part in double quotes ("kutt i bemanningen", also «…» and “…”) is a
	// phrase: its words' stems must stand together, in that order, in one
	// field (stop words are skipped on both sides).
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
	Topic    string
	Number   string // the agenda number as printed ("10/23"); default: any
	Year     int
	Thread   string // only the cases of this thread; default: any
	InThread bool   // only cases that belong to a thread; default: any
	Limit    int    // default: no limit
}

// Match reports whether a case of year with topics and thread passes q's
// filters (not Limit).
func (q CaseQuery) Match(year int, topics []string, thread string) bool {
	return (q.Topic == "" || contains(topics, q.Topic)) && (q.Year == 0 || year == q.Year) &&
		(q.Thread == "" || thread == q.Thread) && (!q.InThread || thread != "")
}

// A CaseRow is a line of the case list.
type CaseRow struct {
	ID     string   `json:"id"`
	Date   string   `json:"date"`
	Body   string   `json:"body"`
	Number string   `json:"number"` // the agenda number, or ""
	Title  string   `json:"title"`
	Topics []string `json:"topics"`
	Thread string   `json:"thread"` // "" when the case belongs to no thread
}

// CaseDetail is one case with its meeting.
type CaseDetail struct {
	ID      string          `json:"id"`
	Meeting referat.Meeting `json:"meeting"`
	Source  string          `json:"source"`
	Case    referat.Case    `json:"case"`
	// Thread is the other cases of the case's thread (Case.Thread),
	// oldest first: those before it and those after it.
	Thread []CaseRow `json:"thread"`
}

// ThreadOthers returns the rows of a thread but the case id, oldest first.
func ThreadOthers(rows []CaseRow, id string) []CaseRow {
	out := []CaseRow{}
	for _, r := range rows {
		if r.ID != id {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date < out[j].Date
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Period returns the period of an ISO date: its year, "2024-Q1" by
// quarter or "2024-02" by month; "" for a date that is not ISO.
func Period(date, by string) string {
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

// Finish orders periods and topics, after a backend has filled Totals
// and Counts.
func (t *Trends) Finish() *Trends {
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

// YearGroups gathers a comparison's statements by year.
type YearGroups map[int]*YearStatements

// Add files a statement under its year.
func (g YearGroups) Add(year int, row StatementRow) {
	ys := g[year]
	if ys == nil {
		ys = &YearStatements{Year: year, Kinds: map[string]int{}}
		g[year] = ys
	}
	ys.Statements = append(ys.Statements, row)
	ys.Kinds[row.Kind]++
}

// Comparison orders the years and their statements.
func (g YearGroups) Comparison(q CompareQuery) *Comparison {
	cmp := &Comparison{Topic: q.Topic, Actor: q.Actor}
	for _, ys := range g {
		sortStatements(ys.Statements)
		sortExchanges(ys.Exchanges)
		if ys.Statements == nil {
			ys.Statements = []StatementRow{}
		}
		if ys.Exchanges == nil {
			ys.Exchanges = []ExchangeRow{}
		}
		cmp.Years = append(cmp.Years, *ys)
	}
	sort.Slice(cmp.Years, func(i, j int) bool { return cmp.Years[i].Year < cmp.Years[j].Year })
	return cmp
}

// Compare is Comparison with each year's distinguishing Terms (see
// Distinguish; q.Terms of them, default 8): what both backends answer.
func (g YearGroups) Compare(q CompareQuery, stems Stemmer) *Comparison {
	cmp := g.Comparison(q)
	n := q.Terms
	if n <= 0 {
		n = 8
	}
	Distinguish(cmp, stems, n)
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

// ContentStem leaves out numbers and very short stems.
func ContentStem(w string) bool {
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

// Prepare returns the query's stems, the number of hits wanted, and an
// empty result.
func (q SearchQuery) Prepare(stems Stemmer) ([]string, int, *SearchResult) {
	size := q.Size
	if size <= 0 {
		size = 10
	}
	return queryStems(q.Text, stems), size, &SearchResult{Cases: []Hit{}, Statements: []Hit{}}
}

// quoted finds the phrases of a query: text in "…", «…» or “…”.
var quoted = regexp.MustCompile(`"([^"]*)"|«([^»]*)»|“([^”]*)”`)

// Phrases returns the stems of each phrase of the query (see
// SearchQuery.Text) that has two stems or more, in order; one word in
// quotes is a word.
func (q SearchQuery) Phrases(stems Stemmer) [][]string {
	if stems == nil {
		return nil
	}
	var out [][]string
	for _, m := range quoted.FindAllStringSubmatch(q.Text, -1) {
		if p := stems(m[1] + m[2] + m[3]); len(p) >= 2 {
			out = append(out, p)
		}
	}
	return out
}

// HasPhrases reports whether every phrase stands in one of the fields
// (each a text's stems, in order), as a phrase query over the fields
// matches: one phrase may stand in the title and another in the text.
func HasPhrases(phrases [][]string, fields ...[]string) bool {
	for _, p := range phrases {
		found := false
		for _, f := range fields {
			if found = hasRun(f, p); found {
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func hasRun(field, p []string) bool {
	for i := 0; i+len(p) <= len(field); i++ {
		if slices.Equal(field[i:i+len(p)], p) {
			return true
		}
	}
	return false
}

func queryStems(text string, stems Stemmer) []string {
	if stems == nil {
		return strings.Fields(strings.ToLower(text))
	}
	return uniqueStrings(stems(text))
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

// SortCaseRows orders a case list: newest first, then by id.
func SortCaseRows(rows []CaseRow) {
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Date != rows[j].Date {
			return rows[i].Date > rows[j].Date
		}
		return rows[i].ID < rows[j].ID
	})
}

// ErrNoCase is returned by Case for an unknown id.
var ErrNoCase = errors.New("no such case")
