package analyze

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ntlnav/referat"
)

// EvaluateThreads links the cases of the gold meetings with Threads and
// scores "same matter" pairwise against the gold thread slugs: a pair of
// cases counts when both have a gold thread and it is the same. Pairs of
// two cases of meetings not in heldout (by id) are scored in inside,
// pairs with a case of a held-out meeting in across. Misses name each
// wrong or missed pair.
func (a *Analyzer) EvaluateThreads(gold []GoldMeeting, heldout map[string]bool) (inside, across PRF, misses []string) {
	var cases []ThreadCase
	var want []string
	for _, m := range gold {
		for _, gc := range m.Cases {
			// The topics analysis gives, not the gold ones: what linking
			// reads of a stored case.
			c := referat.Case{Title: gc.Title, Paragraphs: gc.Paragraphs, Text: strings.Join(gc.Paragraphs, "\n\n")}
			a.Case(&c)
			topics := make([]string, 0, len(c.Topics))
			for _, t := range c.Topics {
				topics = append(topics, t.ID)
			}
			cases = append(cases, ThreadCase{Meeting: m.ID, Date: m.Date, Title: gc.Title, Heading: m.Header, Topics: topics})
			want = append(want, gc.Thread)
		}
	}
	got := a.Threads(cases)
	for i := range cases {
		for j := i + 1; j < len(cases); j++ {
			s := &inside
			if heldout[cases[i].Meeting] || heldout[cases[j].Meeting] {
				s = &across
			}
			w := want[i] != "" && want[i] == want[j]
			g := got[i] != "" && got[i] == got[j]
			switch {
			case w && g:
				s.TP++
			case g:
				s.FP++
				misses = append(misses, fmt.Sprintf("linked, not the same matter: %s %q / %s %q", cases[i].Meeting, cases[i].Title, cases[j].Meeting, cases[j].Title))
			case w:
				s.FN++
				misses = append(misses, fmt.Sprintf("not linked, thread %s: %s %q / %s %q", want[i], cases[i].Meeting, cases[i].Title, cases[j].Meeting, cases[j].Title))
			}
		}
	}
	sort.Strings(misses)
	return inside, across, misses
}
