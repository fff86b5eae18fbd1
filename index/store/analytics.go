package store

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index"
)

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

// Local answers from the local store. Stems must be the analyzer's, as
// for indexing.
type Local struct {
	Store *Store
	Stems index.Stemmer
	// Words stems the words that may set a year apart in Compare
	// (index.Distinguish); default (nil): Stems.
	Words index.Stemmer
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
func (l *Local) Trends(ctx context.Context, q index.TrendQuery) (*index.Trends, error) {
	by := q.By
	if by == "" {
		by = "year"
	}
	want := map[string]bool{}
	for _, t := range q.Topics {
		want[t] = true
	}
	t := &index.Trends{By: by, Totals: map[string]int{}, Counts: map[string]map[string]int{}}
	err := l.each(func(d *referat.Document, c *referat.Case) {
		p := index.Period(d.Meeting.Date, by)
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
	return t.Finish(), err
}

// Compare lists, year by year, the statements whose own topics include
// the topic, and the exchanges of which one statement does.
func (l *Local) Compare(ctx context.Context, q index.CompareQuery) (*index.Comparison, error) {
	years := index.YearGroups{}
	want := map[int]bool{}
	for _, y := range q.Years {
		want[y] = true
	}
	err := l.each(func(d *referat.Document, c *referat.Case) {
		y := yearOf(d.Meeting.Date)
		if y == 0 || len(want) > 0 && !want[y] {
			return
		}
		cid := index.CaseID(d.Source.SHA256, c.Seq)
		rows := make([]index.StatementRow, len(c.Statements))
		for i, s := range c.Statements {
			rows[i] = index.StatementRow{ID: index.StatementID(cid, i+1), CaseID: cid, Date: d.Meeting.Date,
				CaseTitle: c.Title, Actor: s.Actor, Kind: s.Kind, Text: s.Text, Topics: append([]string{}, s.Topics...)}
			if (q.Actor == "" || s.Actor == q.Actor) && hasString(s.Topics, q.Topic) {
				years.Add(y, rows[i])
			}
		}
		years.AddExchanges(y, index.CaseExchanges(rows, c.Exchanges, q.Topic))
	})
	if err != nil {
		return nil, err
	}
	return years.Compare(q, index.Or(l.Words, l.Stems)), nil
}

func hasString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Search ranks cases and statements that share a stem with the query, by
// a BM25-like score over stems; both backends match the same documents.
func (l *Local) Search(ctx context.Context, q index.SearchQuery) (*index.SearchResult, error) {
	qs, size, res := q.Prepare(l.Stems)
	if len(qs) == 0 {
		return res, nil
	}
	phrases := q.Phrases(l.Stems)
	var cases, stmts []index.Hit
	err := l.each(func(d *referat.Document, c *referat.Case) {
		if q.Topic != "" && !hasTopic(c, q.Topic) || q.Year != 0 && yearOf(d.Meeting.Date) != q.Year {
			return
		}
		cid := index.CaseID(d.Source.SHA256, c.Seq)
		if q.Actor == "" || hasActor(c, q.Actor) {
			title, text := l.Stems(c.Title), l.Stems(c.Text)
			if score := stemScore(qs, title, 3) + stemScore(qs, text, 1); score > 0 && index.HasPhrases(phrases, title, text) {
				cases = append(cases, index.Hit{ID: cid, Score: score, Date: d.Meeting.Date, Title: c.Title, Snippet: index.Snippet(c.Text, qs, l.Stems)})
			}
		}
		for i, s := range c.Statements {
			if q.Actor != "" && s.Actor != q.Actor {
				continue
			}
			st := l.Stems(s.Text)
			if score := stemScore(qs, st, 1); score > 0 && index.HasPhrases(phrases, st) {
				stmts = append(stmts, index.Hit{ID: index.StatementID(cid, i+1), Score: score, Date: d.Meeting.Date, Title: c.Title, Actor: s.Actor, Snippet: index.Snippet(s.Text, qs, l.Stems)})
			}
		}
	})
	rank := func(h []index.Hit) []index.Hit {
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

// Cases lists cases, newest first.
func (l *Local) Cases(ctx context.Context, q index.CaseQuery) ([]index.CaseRow, error) {
	var rows []index.CaseRow
	err := l.each(func(d *referat.Document, c *referat.Case) {
		if !q.Match(yearOf(d.Meeting.Date), topicIDs(c), c.Thread) || q.Number != "" && c.Number != q.Number {
			return
		}
		rows = append(rows, index.CaseRow{ID: index.CaseID(d.Source.SHA256, c.Seq), Date: d.Meeting.Date, Body: d.Meeting.Body, Number: c.Number,
			Title: c.Title, Topics: append([]string{}, topicIDs(c)...), Thread: c.Thread})
	})
	index.SortCaseRows(rows)
	if q.Limit > 0 && len(rows) > q.Limit {
		rows = rows[:q.Limit]
	}
	return rows, err
}

// Case returns one case with its meeting.
func (l *Local) Case(ctx context.Context, id string) (*index.CaseDetail, error) {
	prefix, seq, ok := index.SplitCaseID(id)
	if !ok {
		return nil, fmt.Errorf("%w: %q is not a case id (see 'referat cases')", index.ErrNoCase, id)
	}
	var out *index.CaseDetail
	err := l.Store.Documents(func(d *referat.Document) bool {
		if index.MeetingID(d.Source.SHA256) != prefix {
			return true
		}
		for _, c := range d.Cases {
			if c.Seq == seq {
				out = &index.CaseDetail{ID: index.CaseID(d.Source.SHA256, c.Seq), Meeting: d.Meeting, Source: d.Source.Path, Case: c}
				return false
			}
		}
		return true
	})
	if err == nil && out == nil {
		err = fmt.Errorf("%w: %s", index.ErrNoCase, id)
	}
	if err != nil {
		return nil, err
	}
	out.Thread = []index.CaseRow{}
	if out.Case.Thread != "" {
		rows, err := l.Cases(ctx, index.CaseQuery{Thread: out.Case.Thread})
		if err != nil {
			return nil, err
		}
		out.Thread = index.ThreadOthers(rows, id)
	}
	return out, nil
}
