package analyze

import (
	"cmp"
	"slices"

	"github.com/ntlnav/referat"
)

// sentenceTopic is what one sentence says for one topic.
type sentenceTopic struct {
	own, weak []string // distinct terms, in order of appearance
}

// strength is what the sentence counts for the topic: 1 for each
// distinct own term, a half for each distinct weak term.
func (s *sentenceTopic) strength() float64 {
	return float64(len(s.own)) + 0.5*float64(len(s.weak))
}

// supports reports whether the sentence is about the topic: it holds one
// of the topic's own terms, or two of its weak terms.
func (s *sentenceTopic) supports() bool { return len(s.own) > 0 || len(s.weak) >= 2 }

// strong reports whether the sentence alone gives the topic: several
// distinct terms, at least one of them the topic's own.
func (s *sentenceTopic) strong() bool { return len(s.own) > 0 && s.strength() >= 2 }

func (s *sentenceTopic) terms() []string {
	return append(append([]string(nil), s.own...), s.weak...)
}

// countTerms adds one to each of the sentence's terms in t (those of
// terms(), without making the slice).
func (s *sentenceTopic) countTerms(t *topicAcc) {
	for _, w := range s.own {
		t.count(w)
	}
	for _, w := range s.weak {
		t.count(w)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Topics returns the topics of a case with the given title and text,
// highest score first (then in taxonomy order), each with its evidence
// sentences. Text is scored sentence by sentence: a sentence supports a
// topic when it holds one of the topic's own terms or two of its weak
// terms, and is strong when it holds two distinct terms or more, one of
// them the topic's own. A case has a topic when the title supports it,
// when one sentence is strong, when an actor's statement supports it, or
// when Options.MinSentences sentences support it: a passing word in a
// narrative sentence is not enough, nor is a term in a causal or
// circumstantial adverbial ("begrenset av budsjettet"). These rules are
// one input of the analyzer's TopicModel, which makes the decision; its
// SentenceModel, when it has one, may then add a topic one sentence (or
// the title) is about in words the term lists lack, with that sentence
// as evidence, or take away one no sentence is about (see SentenceModel).
// The score is Options.TitleWeight for the title plus each supporting
// sentence's strength (plus the sentence's probability for a topic the
// sentence model adds).
func (a *Analyzer) Topics(title, text string) []referat.Topic {
	return a.topics(title, text, a.Statements(text))
}

// topics is Topics with the text's statements already found: one
// supporting sentence gives a topic when it is an actor's statement (a
// party raised the matter), and a title with one weak term gives it with
// one supporting sentence. The analyzer's topic model makes the last
// decision (see TopicModel).
func (a *Analyzer) topics(title, text string, stmts []referat.Statement) []referat.Topic {
	tt, ct := a.split(title, false), a.split(text, true)
	defer tt.release()
	defer ct.release()
	return a.topicsOf(tt, ct, stmts)
}

// How a case is given a topic (see topicsOf).
const (
	notGiven   = iota
	byRules    // with the rules' evidence
	bySentence // with the sentence model's best unit as evidence
)

// topicsOf is topics of a split title and text.
func (a *Analyzer) topicsOf(title, text *caseText, stmts []referat.Statement) []referat.Topic {
	accs, cands := a.candidates(title, text, stmts)
	var best []sentBest
	var caseZ []float64
	if a.sent != nil {
		best = a.sent.best(title, text, a.sameStems && a.cases != nil)
	}
	how := text.howScratch(len(a.tax.Topics))
	for i := range a.tax.Topics {
		how[i] = a.firstStage(i, accs[i], cands[i], best, &caseZ, title, text)
	}
	if a.stack != nil && best != nil {
		a.stackDecide(how, accs, cands, best, &caseZ, title, text)
	}
	var out []referat.Topic
	for i, d := range a.tax.Topics {
		switch how[i] {
		case bySentence:
			out = append(out, a.sentenceTopic(i, accs[i], best[i], title, text))
		case byRules:
			t := accs[i]
			out = append(out, referat.Topic{ID: d.ID, Label: d.Label, Score: t.score, Terms: t.termMap(), Evidence: t.evidence})
		}
	}
	// Highest score first, equals in taxonomy order (a stable sort).
	slices.SortStableFunc(out, func(x, y referat.Topic) int { return cmp.Compare(y.Score, x.Score) })
	return out
}

// firstStage is how the topic model, the sentence model and the case
// model give topic i (notGiven, byRules or bySentence), with what the
// rules found of it (t and c, or nil) and the case's best units.
func (a *Analyzer) firstStage(i int, t *topicAcc, c *topicCandidate, best []sentBest, caseZ *[]float64, title, text *caseText) int {
	given := t != nil && a.model.gives(c)
	if best != nil && a.sent.on[i] {
		switch b := best[i]; {
		case given && b.z < a.sent.veto:
			return notGiven // no sentence is about it
		case !given && (b.z >= a.sent.threshold || a.caseGives(i, caseZ, b.z, title, text)):
			return bySentence
		}
	}
	if given {
		return byRules
	}
	return notGiven
}

// howScratch returns ct's per-topic decisions, n of them.
func (ct *caseText) howScratch(n int) []int {
	if cap(ct.how) < n {
		ct.how = make([]int, n)
	}
	ct.how = ct.how[:n]
	return ct.how
}

// A topicAcc is a topic's score, terms and evidence in one case.
type topicAcc struct {
	score float64
	// the distinct terms and how often each was counted, in the order
	// first counted: a few per topic, searched in turn, which is quicker
	// than a map per topic per case; termMap makes Topic.Terms of them
	counts   []termCount
	evidence []referat.Evidence
}

// A termCount is a term and how often a topic's evidence holds it.
type termCount struct {
	term string
	n    int
}

// count adds one to term's count.
func (t *topicAcc) count(term string) {
	for i := range t.counts {
		if t.counts[i].term == term {
			t.counts[i].n++
			return
		}
	}
	t.counts = append(t.counts, termCount{term: term, n: 1})
}

// termMap returns the counts as a map (empty, never nil, when there are
// none): Topic.Terms.
func (t *topicAcc) termMap() map[string]int {
	m := make(map[string]int, len(t.counts))
	for _, x := range t.counts {
		m[x.term] = x.n
	}
	return m
}

// topicCandidates returns, per topic index the case holds evidence of,
// its score, terms and evidence, and what the topic model weighs.
func (a *Analyzer) topicCandidates(title, text string, stmts []referat.Statement) (map[int]*topicAcc, map[int]*topicCandidate) {
	tt, ct := a.split(title, false), a.split(text, true)
	defer tt.release()
	defer ct.release()
	accs, cands := a.candidates(tt, ct, stmts)
	// The candidates are ct's scratch: copied out before it is released.
	am, cm := map[int]*topicAcc{}, map[int]*topicCandidate{}
	for i := range accs {
		if accs[i] != nil {
			t := *accs[i]
			t.counts = slices.Clone(t.counts)
			am[i] = &t
		}
		if cands[i] != nil {
			c := *cands[i]
			cm[i] = &c
		}
	}
	return am, cm
}

// candidates is topicCandidates of a split title and text, per topic
// index (nil where the case holds no evidence of the topic). Both slices
// are text's scratch, valid until it is released; the accumulators'
// terms and evidence are not.
func (a *Analyzer) candidates(title, text *caseText, stmts []referat.Statement) ([]*topicAcc, []*topicCandidate) {
	n := len(a.tax.Topics)
	accs, cands := text.topicScratch(n)
	// said: the starts of the statements, sorted, for a binary search.
	said := text.said[:0]
	for _, s := range stmts {
		said = append(said, s.Start)
	}
	slices.Sort(said)
	text.said = said
	newCand := func(i int) *topicCandidate {
		c := &text.candBuf[i]
		*c = topicCandidate{}
		cands[i] = c
		return c
	}
	get := func(i int) (*topicAcc, *topicCandidate) {
		if accs[i] == nil {
			t := &text.accBuf[i]
			*t = topicAcc{counts: text.termCounts[i][:0]}
			accs[i] = t
		}
		if cands[i] == nil {
			newCand(i)
		}
		return accs[i], cands[i]
	}
	// The evidence's terms (st.terms()) share backing arrays, a few per
	// case instead of one per sentence; each is capped at its length.
	var arena []string
	termsOf := func(st *sentenceTopic) []string {
		from := len(arena)
		arena = append(append(arena, st.own...), st.weak...)
		if len(arena) == from {
			return nil
		}
		return arena[from:len(arena):len(arena)]
	}
	titled := false
	for _, e := range a.wholeTopics(title) {
		i, st := e.topic, e.st
		if !st.supports() {
			newCand(i).titleWeak = true // given with one supporting sentence
			continue
		}
		t, c := get(i)
		c.titleOwn, titled = true, true
		t.score += a.opts.TitleWeight
		t.evidence = append(t.evidence, referat.Evidence{Title: true, Start: 0, End: len(title.text), Terms: termsOf(st), Strong: true})
		st.countTerms(t)
	}
	sents := text.sents
	for k, sp := range sents {
		for _, e := range a.sentenceTopicsAt(text, k) {
			i, st := e.topic, e.st
			if !st.supports() {
				if cands[i] != nil {
					cands[i].weakOnly++
				} else {
					newCand(i).weakOnly = 1
				}
				continue
			}
			t, c := get(i)
			c.support++
			c.first = c.first || k == 0
			t.score += st.strength()
			strong := st.strong()
			if strong {
				c.strong++
			}
			if _, ok := slices.BinarySearch(said, sp.Start); ok {
				c.said++
			}
			t.evidence = append(t.evidence, referat.Evidence{Start: sp.Start, End: sp.End, Terms: termsOf(st), Strong: strong})
			st.countTerms(t)
		}
	}
	best := 0.0
	for _, t := range accs {
		if t != nil {
			best = max(best, t.score)
		}
	}
	for i, c := range cands {
		if c == nil {
			continue
		}
		c.topic = a.tax.Topics[i].ID
		c.sentences = len(sents)
		c.otherTitle = titled && !c.titleOwn
		t := accs[i]
		if t == nil {
			continue
		}
		text.termCounts[i] = t.counts // its room, for the next case
		c.terms = len(t.counts)
		c.top = t.score >= best
		c.rule = c.titleOwn || c.strong > 0 || c.said > 0 || (c.titleWeak && c.support > 0) || c.support >= a.opts.MinSentences
	}
	return accs, cands
}

// topicScratch returns ct's per-topic candidates, n of each, all nil.
func (ct *caseText) topicScratch(n int) ([]*topicAcc, []*topicCandidate) {
	if cap(ct.accs) < n {
		ct.accs, ct.cands = make([]*topicAcc, n), make([]*topicCandidate, n)
		ct.accBuf, ct.candBuf = make([]topicAcc, n), make([]topicCandidate, n)
		ct.termCounts = make([][]termCount, n)
	}
	ct.accs, ct.cands = ct.accs[:n], ct.cands[:n]
	clear(ct.accs)
	clear(ct.cands)
	return ct.accs, ct.cands
}

// supportedIn returns the ids of the topics the sentence s supports, in
// taxonomy order.
func (a *Analyzer) supportedIn(s string) []string {
	ct := a.split(s, false)
	defer ct.release()
	return a.supported(a.wholeTopics(ct))
}

// statementTopics narrows each statement's topics to the case's: a
// statement keeps the topics it supports itself that the case has, and a
// statement that supports none of them is about what the title names
// (in "Budsjett 2018", "NTL ba om en oversikt." is about the budget).
func statementTopics(c *referat.Case) {
	var titled []string
	for _, t := range c.Topics {
		if len(t.Evidence) > 0 && t.Evidence[0].Title {
			titled = append(titled, t.ID)
		}
	}
	// The statements' topics share one backing array, each capped at its
	// length (nil when it has none).
	var arena []string
	for i := range c.Statements {
		s := &c.Statements[i]
		from := len(arena)
		for _, id := range s.Topics {
			if slices.ContainsFunc(c.Topics, func(t referat.Topic) bool { return t.ID == id }) {
				arena = append(arena, id)
			}
		}
		if len(arena) == from {
			arena = append(arena, titled...)
		}
		if len(arena) == from {
			s.Topics = nil
			continue
		}
		s.Topics = arena[from:len(arena):len(arena)]
	}
}
