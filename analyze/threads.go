package analyze

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// A ThreadCase is what linking cases across meetings reads of a case.
type ThreadCase struct {
	Meeting string // the meeting's id; cases of one meeting are never linked
	Date    string // the meeting's ISO date
	Title   string
	// Heading is the meeting's heading (referat.Meeting.Title), which
	// names the unit whose body met ("Referat frå MBA i NAV Hordaland 8.
	// februar 2018"); "" when not known, and then no rule of units applies.
	Heading string
	// Topics are the case's topic ids; nil when not known, and then no
	// rule of topics applies.
	Topics []string
}

// maxSpan is the longest time between two linked meetings, and
// maxCandidates how many of the latest cases that share a word's start
// are compared with a case (a bound on the work for series such as
// "Budsjett" that recur at every meeting).
const (
	maxSpan       = 5 * 365 * 24 * time.Hour
	maxCandidates = 200
)

// MinThreadSimilarity is the similarity at which a case is linked to an
// earlier one.
const MinThreadSimilarity = 0.5

// Threads links cases about the same matter across meetings and returns
// a thread id for each case ("" for a case linked to none). Each case is
// linked to the most similar case of an earlier meeting (see similarity:
// shared title words, stems and compounds' heads, same or fitting years,
// at most five years apart) when the similarity reaches
// MinThreadSimilarity; linked cases form a thread, named by the slug of
// its first case's title and that meeting's year. The result depends only
// on the cases, not their order.
func (a *Analyzer) Threads(cases []ThreadCase) []string {
	order := make([]int, len(cases))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		x, y := cases[order[i]], cases[order[j]]
		if x.Date != y.Date {
			return x.Date < y.Date
		}
		if x.Meeting != y.Meeting {
			return x.Meeting < y.Meeting
		}
		return x.Title < y.Title
	})
	keys := make([]threadKey, len(cases))
	for i, c := range cases {
		keys[i] = a.threadKey(c)
	}
	parent := make([]int, len(cases))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	members := make([][]int, len(cases)) // root → the cases of its thread
	for i := range members {
		members[i] = []int{i}
	}
	seen := map[string][]int{} // block → earlier cases, in date order
	stamp := make([]int, len(cases))
	for oi, i := range order {
		best, bestRank := -1, 0.0
		for _, j := range candidates(keys, seen, stamp, i, oi+1) {
			if cases[j].Meeting == cases[i].Meeting || cases[j].Date == cases[i].Date {
				continue
			}
			s := similarity(&keys[i], &keys[j])
			if s < MinThreadSimilarity {
				continue
			}
			// The nearer in time ranks higher: a tenth per year apart
			// ("Utvidet åpningstid" on the NAV offices this spring before
			// the contact centre's five years ago).
			r := s - yearsApart(&keys[i], &keys[j])/10
			// Ties go to the latest earlier case, then the lowest index.
			if best >= 0 && (r < bestRank || r == bestRank && !later(cases, j, best)) {
				continue
			}
			// A case joins a thread only if it may be the matter of every
			// case in it: links do not chain "Kontorstruktur i Innlandet"
			// to "Kontorstruktur i Troms og Finnmark" through a third.
			if fitsThread(keys, members[find(j)], i) {
				best, bestRank = j, r
			}
		}
		if best >= 0 {
			ri, rb := find(i), find(best)
			if ri != rb {
				parent[ri] = rb
				members[rb] = append(members[rb], members[ri]...)
				members[ri] = nil
			}
		}
		for _, b := range blocks(&keys[i], false) {
			if n := len(seen[b]); n == 0 || seen[b][n-1] != i {
				seen[b] = append(seen[b], i)
			}
		}
	}
	size := map[int]int{}
	first := map[int]int{}
	for _, i := range order {
		r := find(i)
		if size[r] == 0 {
			first[r] = i
		}
		size[r]++
	}
	out := make([]string, len(cases))
	for i := range cases {
		if r := find(i); size[r] > 1 {
			f := cases[first[r]]
			out[i] = threadSlug(f.Title, f.Date)
		}
	}
	return out
}

// threadSlug makes a thread id: the first four words of a title in
// lower-case ASCII, joined by hyphens, and the year.
func threadSlug(title, date string) string {
	r := strings.NewReplacer("æ", "ae", "ø", "o", "å", "a", "é", "e")
	var parts []string
	for _, t := range Tokens(title) {
		if t.Part || IsStopWord(t.Text) {
			continue
		}
		w := r.Replace(t.Text)
		var b strings.Builder
		for _, c := range w {
			if c < 128 && (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
				b.WriteRune(c)
			} else if c == '-' {
				b.WriteRune('-')
			}
		}
		if b.Len() > 0 {
			parts = append(parts, b.String())
		}
		if len(parts) == 4 {
			break
		}
	}
	year := ""
	if len(date) >= 4 {
		year = date[:4]
	}
	return fmt.Sprintf("%s-%s", strings.Join(parts, "-"), year)
}

// blocks are the keys under which a case is filed as a candidate (and,
// with lookup, looked up): each word's first five letters (all of a
// shorter word), as sameWord requires; each name; its codes and the codes
// its compounds may be abbreviated by (codeMatch); and for partOf the
// first three and four letters of a long word, filed apart from a short
// word of three or four letters (as it stands or without a definite
// ending: "skyen" is "sky"), so that a compound is found by a word that
// may be its first part and not by every other compound.
func blocks(k *threadKey, lookup bool) []string {
	out := make([]string, 0, len(k.words)+len(k.names))
	out = append(out, k.fives...)
	for _, n := range k.names {
		out = append(out, "\x00"+n)
	}
	// A code and the compound it abbreviates share no letters' start.
	for _, c := range k.codes {
		out = append(out, "\x01"+c)
	}
	for _, ins := range k.initials {
		for _, in := range ins {
			out = append(out, "\x01"+in)
		}
	}
	compound, part := "\x02c", "\x02p"
	if lookup {
		compound, part = part, compound
	}
	for i, w := range k.words {
		r := []rune(w)
		if len(r) >= compoundMinHead+compoundMinTail {
			out = append(out, compound+string(r[:compoundMinHead]), compound+string(r[:compoundMinHead+1]))
		}
		if n := utf8.RuneCountInString(k.bases[i]); n >= compoundMinHead && n <= compoundMinHead+1 {
			out = append(out, part+k.bases[i])
		}
	}
	return out
}

// candidates returns the earlier cases that share a block with case i:
// the most recent maxCandidates of each block, back to the earliest date
// a link may span, each once (stamp marks them with mark).
func candidates(keys []threadKey, seen map[string][]int, stamp []int, i, mark int) []int {
	var cands []int
	for _, b := range blocks(&keys[i], true) {
		list := seen[b]
		for k := len(list) - 1; k >= 0 && k >= len(list)-maxCandidates; k-- {
			j := list[k]
			if keys[i].hasDay && keys[j].hasDay && keys[i].date.Sub(keys[j].date) > maxSpan {
				break
			}
			if stamp[j] != mark {
				stamp[j] = mark
				cands = append(cands, j)
			}
		}
	}
	return cands
}

// fitsThread reports whether case i is compatible with every case of a
// thread (the first maxCandidates of it: a bound on the work).
func fitsThread(keys []threadKey, thread []int, i int) bool {
	for n, m := range thread {
		if n == maxCandidates {
			break
		}
		if !compatible(&keys[i], &keys[m]) {
			return false
		}
	}
	return true
}

// yearsApart is how many years lie between two cases' meetings (0 when a
// date is missing).
func yearsApart(x, y *threadKey) float64 {
	if !x.hasDay || !y.hasDay {
		return 0
	}
	d := x.date.Sub(y.date)
	if d < 0 {
		d = -d
	}
	return d.Hours() / (24 * 365)
}

// later reports whether case j is from a later meeting than case k, or
// the same date and a lower index.
func later(cases []ThreadCase, j, k int) bool {
	if cases[j].Date != cases[k].Date {
		return cases[j].Date > cases[k].Date
	}
	return j < k
}

// remove returns list without x (in place).
func remove(list []string, x string) []string {
	out := list[:0]
	for _, v := range list {
		if v != x {
			out = append(out, v)
		}
	}
	return out
}
