package analyze

import (
	"maps"
	"strings"
	"sync/atomic"

	"github.com/ntlnav/referat"
)

// Options tune an Analyzer. The zero value gives the defaults.
type Options struct {
	// TitleWeight is what a title that names a topic adds to its score,
	// against a sentence's strength (1 per own term, a half per weak
	// term). Default (0): 3.
	TitleWeight float64
	// MinSentences is how many supporting sentences give a topic when
	// neither the title nor one strong sentence does. Default (0): 2.
	MinSentences int
	// Keywords is how many keywords a case gets. Default (0): 10.
	Keywords int
	// TopicModel decides which topics a case has from the taxonomy's
	// evidence. Default (nil): DefaultTopicModel(); RulesTopicModel()
	// gives the rules' decision alone.
	TopicModel *TopicModel
}

// An Analyzer adds topics, statements and keywords to cases. It is safe
// for concurrent use.
type Analyzer struct {
	tax   *Taxonomy
	opts  Options
	stem  *Stemmer
	terms *matcher
	model *TopicModel
	sent  *sentScorer // the model's SentenceModel compiled, or nil
	cases *sentScorer // the model's CaseModel compiled, or nil (also when it has no SentenceModel)
	// caseSentence is the CaseModel's Sentence in logits.
	caseSentence float64
	stack        *stackScorer // the model's StackModel compiled, or nil (also when it has no SentenceModel)
	// sameStems tells that the sentence and case models weigh the same
	// stems: a stem's numbers and parts are the same in both.
	sameStems bool
	actors    []actor
	kinds     []kindPhrase
	// words that name actors or mark speech, left out of keywords
	noKeyword map[string]bool
	// what is known of each word form met (see word), and the numbers of
	// their stems
	lex     lexicon
	stemIDs stemIDs
	// names, speech phrases and view phrases by their first word, and the
	// phrases without words
	// version is Version, computed once
	version    string
	nameFirst  map[string][]nameRef
	kindFirst  map[string][]int
	viewFirst  map[string][]viewRef
	emptyKinds []int
	emptyViews []viewRef
}

// New returns an Analyzer for the taxonomy t (DefaultTaxonomy() when nil).
func New(t *Taxonomy, opts Options) *Analyzer {
	if t == nil {
		t = DefaultTaxonomy()
	}
	if opts.TitleWeight == 0 {
		opts.TitleWeight = 3
	}
	if opts.MinSentences == 0 {
		opts.MinSentences = 2
	}
	if opts.Keywords == 0 {
		opts.Keywords = 10
	}
	a := &Analyzer{tax: t, opts: opts, model: opts.TopicModel, stem: &Stemmer{}, noKeyword: map[string]bool{}}
	a.terms = newMatcher(t, a.stem)
	if a.model == nil {
		a.model = builtinModel()
	}
	a.sent = compileSentences(a.model.Sentences, t)
	if a.sent != nil && a.model.Cases != nil {
		a.cases, a.caseSentence = compileSentences(a.model.Cases.asSentences(), t), logit(a.model.Cases.Sentence)
		a.sameStems = maps.Equal(a.sent.index, a.cases.index)
	}
	if a.sent != nil {
		a.stack = compileStack(a.model.Stack, t)
	}
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
	a.compileLexicon()
	a.lex.short = make([]atomic.Pointer[word], 1<<16+1<<8)
	a.version = a.analysisVersion()
	return a
}

// Taxonomy returns the analyzer's taxonomy.
func (a *Analyzer) Taxonomy() *Taxonomy { return a.tax }

// Document analyses every case of d in place and records the analysis's
// version (Version) in d.TaxonomyVersion.
func (a *Analyzer) Document(d *referat.Document) {
	for i := range d.Cases {
		a.Case(&d.Cases[i])
	}
	d.TaxonomyVersion = a.version
}

// Case sets c's Topics, Statements, Exchanges and Keywords from its Title
// and Text.
func (a *Analyzer) Case(c *referat.Case) {
	title, text := a.split(c.Title, false), a.split(c.Text, true)
	c.Statements = a.statements(text)
	c.Topics = a.topicsOf(title, text, c.Statements)
	c.Exchanges = a.exchanges(c.Statements, text)
	statementTopics(c)
	c.Keywords = a.keywords(title, text)
	title.release()
	text.release()
}

// Stems returns the stems of the words of text that are not stop words,
// in order: what is indexed beside the text so that a search for
// "budsjett" finds "budsjettene".
func (a *Analyzer) Stems(text string) []string {
	ct := a.split(text, false)
	defer ct.release()
	var out []string
	for _, t := range ct.toks {
		if t.part || t.w.is(stopWord) {
			continue
		}
		out = append(out, t.w.stem)
	}
	return out
}

// TermStems returns the stems of the words of text that may characterise
// it: not stop words, numbers, words shorter than three letters, or words
// that name actors (also by their ending, as -direktøren) or mark speech,
// in order.
func (a *Analyzer) TermStems(text string) []string {
	ct := a.split(text, false)
	defer ct.release()
	var out []string
	for _, t := range ct.toks {
		if !t.part && t.w.is(termStemWord) {
			out = append(out, t.w.stem)
		}
	}
	return out
}

// namesActor reports whether the lower-case word w ends as an actor's
// name may ("ytelsesdirektøren").
func (a *Analyzer) namesActor(w string) bool {
	for _, ac := range a.actors {
		for _, suf := range ac.suffixes {
			if strings.HasSuffix(w, suf) {
				return true
			}
		}
	}
	return false
}

// Keywords returns the most frequent stems of a case, title words counting
// double: not stop words, numbers, words shorter than three letters, or
// words that name actors or mark speech.
func (a *Analyzer) Keywords(title, text string) []string {
	tt, ct := a.split(title, false), a.split(text, false)
	defer tt.release()
	defer ct.release()
	return a.keywords(tt, ct)
}

func (a *Analyzer) keywords(title, text *caseText) []string {
	// Each stem's place in counts, plus one: by its number in text.slots
	// (reset below), else in the map text.counts.
	slots := text.slots
	index := text.counts
	counts := text.stemCounts[:0]
	// Title words count 2, text words 1: whole numbers, so that the
	// order is exact.
	add := func(ct *caseText, w int) {
		for _, t := range ct.toks {
			if t.part || !t.w.is(keywordWord) {
				continue
			}
			var i int
			if id := t.w.stemID; id >= 0 {
				if int(id) >= len(slots) {
					slots = append(slots, make([]int32, int(id)+1-len(slots)+len(slots)/2)...)
				}
				i = int(slots[id]) - 1
				if i < 0 {
					i = len(counts)
					slots[id] = int32(i + 1)
					counts = append(counts, stemCount{stem: t.w.stem, id: id, key: t.w.stemKey})
				}
			} else {
				if index == nil {
					index = map[string]int{}
					text.counts = index
				}
				var ok bool
				i, ok = index[t.w.stem]
				if !ok {
					i = len(counts)
					index[t.w.stem] = i
					counts = append(counts, stemCount{stem: t.w.stem, id: -1, key: t.w.stemKey})
				}
			}
			counts[i].n += w
		}
	}
	add(title, 2)
	add(text, 1)
	for _, x := range counts {
		if x.id >= 0 {
			slots[x.id] = 0
		}
	}
	text.slots = slots
	text.stemCounts = counts
	// The first Options.Keywords by count, then stem: kept in order as
	// they come, which is quicker than sorting them all.
	top := text.top[:0]
	for _, x := range counts {
		if len(top) == a.opts.Keywords {
			if !x.before(top[len(top)-1]) {
				continue
			}
			top = top[:len(top)-1]
		}
		i := len(top)
		for i > 0 && x.before(top[i-1]) {
			i--
		}
		top = append(top, stemCount{})
		copy(top[i+1:], top[i:])
		top[i] = x
	}
	keys := make([]string, len(top))
	for i, x := range top {
		keys[i] = x.stem
	}
	text.top = top
	return keys
}

type stemCount struct {
	stem string
	n    int
	id   int32  // the stem's number, or -1
	key  uint64 // prefixKey(stem)
}

// before reports whether x comes before y: by count, then stem.
func (x stemCount) before(y stemCount) bool {
	if x.n != y.n {
		return x.n > y.n
	}
	if x.key != y.key {
		return x.key < y.key // the first bytes differ
	}
	return x.stem < y.stem
}

// prefixKey returns the first eight bytes of s, padded with zeros, as a
// big-endian number: when the keys of two strings differ, they are in
// the strings' order.
func prefixKey(s string) uint64 {
	var k uint64
	for i := 0; i < 8; i++ {
		k <<= 8
		if i < len(s) {
			k |= uint64(s[i])
		}
	}
	return k
}
