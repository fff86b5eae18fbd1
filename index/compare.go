package index

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/ntlnav/referat"
)

// An ExchangeRow is one exchange of a case on the compared topic: NTL's
// statements, the employer's answer, other unions' statements that
// joined, and how the employer answered (a referat.Relation… constant).
type ExchangeRow struct {
	CaseID    string         `json:"case_id"`
	Date      string         `json:"date"`
	CaseTitle string         `json:"case_title"`
	Relation  string         `json:"relation"`
	NTL       []StatementRow `json:"ntl"`
	Employer  []StatementRow `json:"employer"`
	Others    []StatementRow `json:"others"`
}

// A YearSummary counts a year's exchanges: Requests is the exchanges with
// an NTL statement, the others how many of them the employer answered
// (any answer), agreed to, rejected or deferred.
type YearSummary struct {
	Requests int `json:"requests"`
	Answered int `json:"answered"`
	Agreed   int `json:"agreed"`
	Rejected int `json:"rejected"`
	Deferred int `json:"deferred"`
}

// CaseExchanges returns the exchanges of one case that touch topic: one
// of their statements has the topic among its own. stmts are all the
// case's statements in order (index i is position i+1).
func CaseExchanges(stmts []StatementRow, exs []referat.Exchange, topic string) []ExchangeRow {
	var out []ExchangeRow
	pick := func(idx []int) ([]StatementRow, bool) {
		rows := []StatementRow{}
		on := false
		for _, i := range idx {
			if i < 0 || i >= len(stmts) {
				continue
			}
			rows = append(rows, stmts[i])
			on = on || contains(stmts[i].Topics, topic)
		}
		return rows, on
	}
	for _, e := range exs {
		ntl, a := pick(e.NTL)
		emp, b := pick(e.Employer)
		oth, c := pick(e.Others)
		if !(a || b || c) || len(stmts) == 0 {
			continue
		}
		s := stmts[0]
		out = append(out, ExchangeRow{CaseID: s.CaseID, Date: s.Date, CaseTitle: s.CaseTitle, Relation: e.Relation,
			NTL: ntl, Employer: emp, Others: oth})
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// AddExchanges files exchanges under their year and counts them.
func (g YearGroups) AddExchanges(year int, rows []ExchangeRow) {
	if len(rows) == 0 {
		return
	}
	ys := g[year]
	if ys == nil {
		ys = &YearStatements{Year: year, Kinds: map[string]int{}}
		g[year] = ys
	}
	for _, r := range rows {
		ys.Exchanges = append(ys.Exchanges, r)
		if len(r.NTL) == 0 {
			continue
		}
		ys.Summary.Requests++
		switch r.Relation {
		case referat.RelationNoAnswer:
			continue
		case referat.RelationAgreed:
			ys.Summary.Agreed++
		case referat.RelationRejected:
			ys.Summary.Rejected++
		case referat.RelationDeferred:
			ys.Summary.Deferred++
		}
		ys.Summary.Answered++
	}
}

func sortExchanges(rows []ExchangeRow) {
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Date != rows[j].Date {
			return rows[i].Date < rows[j].Date
		}
		return rows[i].CaseID < rows[j].CaseID
	})
}

// Distinguish sets each year's Terms: the words whose stems' weighted
// log-odds (with an informative Dirichlet prior from all the years
// together, Monroe, Colaresi and Quinn 2008) set that year apart from the
// others, with a z-score above 1.96 and at least two uses, each shown as
// its most frequent form in that year's statements. Both backends call it
// on the same statements, so they give the same terms. Terms is never
// nil: a year alone, or one no word sets apart, has none ([]).
func Distinguish(cmp *Comparison, stems Stemmer, n int) {
	for i := range cmp.Years {
		cmp.Years[i].Terms = []string{}
	}
	if stems == nil || len(cmp.Years) < 2 {
		return
	}
	per := make([]map[string]float64, len(cmp.Years))
	forms := make([]map[string]map[string]int, len(cmp.Years))
	all := map[string]float64{}
	var total float64
	for i, ys := range cmp.Years {
		per[i], forms[i] = map[string]float64{}, map[string]map[string]int{}
		for _, s := range ys.Statements {
			for _, word := range words(s.Text) {
				st := stems(word)
				if len(st) != 1 || !ContentStem(st[0]) {
					continue
				}
				w := st[0]
				per[i][w]++
				all[w]++
				total++
				if forms[i][w] == nil {
					forms[i][w] = map[string]int{}
				}
				forms[i][w][word]++
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
				out = append(out, scored{w, math.Round(z*1e6) / 1e6})
			}
		}
		sort.Slice(out, func(a, b int) bool { return out[a].z > out[b].z || out[a].z == out[b].z && out[a].w < out[b].w })
		cmp.Years[i].Terms = []string{}
		for k := 0; k < len(out) && k < n; k++ {
			cmp.Years[i].Terms = append(cmp.Years[i].Terms, mostFrequent(forms[i][out[k].w]))
		}
	}
}

// words returns the lower-case words of s.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' })
}

func mostFrequent(m map[string]int) string {
	best, n := "", 0
	for w, c := range m {
		if c > n || c == n && w < best {
			best, n = w, c
		}
	}
	return best
}

// Or returns s, or def when s is nil.
func Or(s, def Stemmer) Stemmer {
	if s != nil {
		return s
	}
	return def
}
