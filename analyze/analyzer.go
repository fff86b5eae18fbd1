package analyze

import (
	"sort"
	"strings"

	"github.com/ntlnav/referat"
)

// Options tune an Analyzer. The zero value gives the defaults.
type Options struct {
	// TitleWeight is what a term in the case title counts, against 1 in
	// the text. Default (0): 3.
	TitleWeight float64
	// TermWeight is what one of a topic's own terms counts, against 1 for
	// a weak term. Default (0): 3.
	TermWeight float64
	// MinScore is the score a topic needs to be given to a case.
	// Default (0): 3.
	MinScore float64
	// Keywords is how many keywords a case gets. Default (0): 10.
	Keywords int
}

// An Analyzer adds topics, statements and keywords to cases. It is safe
// for concurrent use.
type Analyzer struct {
	tax    *Taxonomy
	opts   Options
	stem   *Stemmer
	terms  *matcher
	actors []actor
	kinds  []kindPhrase
	// words that name actors or mark speech, left out of keywords
	noKeyword map[string]bool
}

// New returns an Analyzer for the taxonomy t (DefaultTaxonomy() when nil).
func New(t *Taxonomy, opts Options) *Analyzer {
	if t == nil {
		t = DefaultTaxonomy()
	}
	if opts.TitleWeight == 0 {
		opts.TitleWeight = 3
	}
	if opts.TermWeight == 0 {
		opts.TermWeight = 3
	}
	if opts.MinScore == 0 {
		opts.MinScore = 3
	}
	if opts.Keywords == 0 {
		opts.Keywords = 10
	}
	a := &Analyzer{tax: t, opts: opts, stem: &Stemmer{}, noKeyword: map[string]bool{}}
	a.terms = newMatcher(t, a.stem)
	a.actors = compileActors(t)
	a.kinds = compileKinds(t)
	for _, ac := range a.actors {
		for _, n := range ac.names {
			for _, w := range n {
				a.noKeyword[a.stem.Stem(w)] = true
			}
		}
	}
	for _, k := range a.kinds {
		for _, w := range k.words {
			a.noKeyword[a.stem.Stem(w)] = true
		}
	}
	return a
}

// Taxonomy returns the analyzer's taxonomy.
func (a *Analyzer) Taxonomy() *Taxonomy { return a.tax }

// Document analyses every case of d in place and records the taxonomy's
// version.
func (a *Analyzer) Document(d *referat.Document) {
	for i := range d.Cases {
		a.Case(&d.Cases[i])
	}
	d.TaxonomyVersion = a.tax.Version
}

// Case sets c's Topics, Statements and Keywords from its Title and Text.
func (a *Analyzer) Case(c *referat.Case) {
	c.Topics = a.Topics(c.Title, c.Text)
	c.Statements = a.Statements(c.Text)
	c.Keywords = a.Keywords(c.Title, c.Text)
}

// Topics returns the topics of a case with the given title and text whose
// score reaches Options.MinScore, highest score first (then in taxonomy
// order), each with its evidence. Each word counts once per topic:
// Options.TermWeight for one of the topic's own terms, 1 for a weak term, times
// Options.TitleWeight in the title. With the defaults one of a topic's own
// terms gives the topic (a sentence that names it is about it), and weak
// terms, which other topics share, need three.
func (a *Analyzer) Topics(title, text string) []referat.Topic {
	n := len(a.tax.Topics)
	scores := make([]float64, n)
	evidence := make([]map[string]int, n)
	add := func(s string, factor float64) {
		for _, h := range a.terms.find(Tokens(s)) {
			i := h.ref.topic
			w := a.opts.TermWeight
			if h.ref.weak {
				w = 1
			}
			scores[i] += w * factor
			if evidence[i] == nil {
				evidence[i] = map[string]int{}
			}
			evidence[i][h.ref.term]++
		}
	}
	add(title, a.opts.TitleWeight)
	add(text, 1)
	var out []referat.Topic
	for i, s := range scores {
		if s >= a.opts.MinScore {
			d := a.tax.Topics[i]
			out = append(out, referat.Topic{ID: d.ID, Label: d.Label, Score: s, Terms: evidence[i]})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// topicsIn returns the ids of the topics whose terms occur in s, in
// taxonomy order.
func (a *Analyzer) topicsIn(s string) []string {
	seen := make([]bool, len(a.tax.Topics))
	for _, h := range a.terms.find(Tokens(s)) {
		seen[h.ref.topic] = true
	}
	var ids []string
	for i, ok := range seen {
		if ok {
			ids = append(ids, a.tax.Topics[i].ID)
		}
	}
	return ids
}

// Stems returns the stems of the words of text that are not stop words,
// in order: what is indexed beside the text so that a search for
// "budsjett" finds "budsjettene".
func (a *Analyzer) Stems(text string) []string {
	var out []string
	for _, t := range Tokens(text) {
		if t.Part || IsStopWord(t.Text) {
			continue
		}
		out = append(out, a.stem.Stem(t.Text))
	}
	return out
}

// Keywords returns the most frequent stems of a case, title words counting
// double: not stop words, numbers, words shorter than three letters, or
// words that name actors or mark speech.
func (a *Analyzer) Keywords(title, text string) []string {
	counts := map[string]float64{}
	add := func(s string, w float64) {
		for _, t := range Tokens(s) {
			if t.Part || IsStopWord(t.Text) || isNumber(strings.TrimSuffix(strings.TrimSpace(t.Text), "%")) || len([]rune(t.Text)) < 3 {
				continue
			}
			st := a.stem.Stem(t.Text)
			if a.noKeyword[st] {
				continue
			}
			counts[st] += w
		}
	}
	add(title, 2)
	add(text, 1)
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if len(keys) > a.opts.Keywords {
		keys = keys[:a.opts.Keywords]
	}
	return keys
}
