package analyze

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ntlnav/referat"
)

// An exchangePair is one pair of an exchange, by sentence: the NTL or
// other union's sentence and the employer's ("" when unanswered).
type exchangePair struct{ from, to string }

// pairs returns the pairs of exchanges over statements given by their
// sentences, with each pair's relation.
func pairs(sentences []string, exs []referat.Exchange) map[exchangePair]string {
	out := map[exchangePair]string{}
	at := func(i int) string {
		if i < 0 || i >= len(sentences) {
			return fmt.Sprintf("#%d", i)
		}
		return sentences[i]
	}
	for _, e := range exs {
		from := append(append([]int(nil), e.NTL...), e.Others...)
		if len(e.NTL) > 0 {
			from = e.NTL // other unions that joined are scored through NTL's pairs
		}
		for _, i := range from {
			if len(e.Employer) == 0 {
				out[exchangePair{at(i), ""}] = e.Relation
			}
			for _, j := range e.Employer {
				out[exchangePair{at(i), at(j)}] = e.Relation
			}
		}
	}
	return out
}

func (ev *Evaluation) exchanges(meeting string, gc GoldCase, c *referat.Case) {
	goldSent := make([]string, len(gc.Statements))
	for i, s := range gc.Statements {
		goldSent[i] = s.Sentence
	}
	gotSent := make([]string, len(c.Statements))
	for i, s := range c.Statements {
		gotSent[i] = s.Text
	}
	want := pairs(goldSent, gc.Exchanges)
	got := pairs(gotSent, c.Exchanges)
	short := func(s string) string {
		if s == "" {
			return "(no answer)"
		}
		if r := []rune(s); len(r) > 60 {
			return string(r[:60]) + "…"
		}
		return s
	}
	var keys []exchangePair
	for p := range got {
		keys = append(keys, p)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].from+keys[i].to < keys[j].from+keys[j].to })
	for _, p := range keys {
		rel, ok := want[p]
		if !ok {
			ev.Exchanges.FP++
			ev.Misses = append(ev.Misses, fmt.Sprintf("%s %q: extra pair %s -> %s (%s)", meeting, gc.Title, short(p.from), short(p.to), got[p]))
			continue
		}
		ev.Exchanges.TP++
		ev.RelationsCompared++
		if rel == got[p] {
			ev.RelationsRight++
		} else {
			ev.Misses = append(ev.Misses, fmt.Sprintf("%s %q: relation %s, gold %s: %s -> %s", meeting, gc.Title, got[p], rel, short(p.from), short(p.to)))
		}
		delete(want, p)
	}
	for p, rel := range want {
		ev.Exchanges.FN++
		ev.Misses = append(ev.Misses, fmt.Sprintf("%s %q: missed pair %s -> %s (%s)", meeting, gc.Title, short(p.from), short(p.to), rel))
	}
}

// ConfusionSummary returns one line per topic with errors, worst first:
// its counts and which topics were predicted in place of it.
func (ev *Evaluation) ConfusionSummary() []string {
	ids := make([]string, 0, len(ev.PerTopic))
	for id := range ev.PerTopic {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := ev.PerTopic[ids[i]], ev.PerTopic[ids[j]]
		if a.FP+a.FN != b.FP+b.FN {
			return a.FP+a.FN > b.FP+b.FN
		}
		return ids[i] < ids[j]
	})
	var out []string
	for _, id := range ids {
		s := ev.PerTopic[id]
		line := fmt.Sprintf("%-16s tp=%-3d fp=%-3d fn=%-3d P=%.2f R=%.2f", id, s.TP, s.FP, s.FN, s.Precision(), s.Recall())
		var inPlace []string
		for p, n := range ev.Confusion[id] {
			if p == "" {
				p = "nothing"
			}
			inPlace = append(inPlace, fmt.Sprintf("%s×%d", p, n))
		}
		sort.Strings(inPlace)
		if len(inPlace) > 0 {
			line += "  missed, predicted instead: " + strings.Join(inPlace, " ")
		}
		out = append(out, line)
	}
	return out
}
