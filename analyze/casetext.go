package analyze

import (
	"cmp"
	"slices"
	"sync"

	"github.com/ntlnav/referat"

	"github.com/ntlnav/referat/internal/norsk"
)

// A caseText is a text split once for every step of its analysis: its
// tokens with their words, its whole words (compounds' parts left out),
// its sentences, and what each sentence says of the taxonomy's topics.
// The steps work on indexes into it. A sentence's tokens are exactly what
// Tokens gives for the sentence alone: sentences end at white space, and
// no token runs over white space but for "3 %", which a sentence never
// ends between.
type caseText struct {
	text  string
	toks  []tok
	whole []*word // the words of the whole tokens
	at    []int   // for each whole word, its index in toks
	sents []sentence
	// scratch space, reused from sentence to sentence
	spans      []tokenSpan
	spans2     []Span // the sentences' spans
	hits       []termHit
	found      []phraseAt
	seen       []int
	breaks     []int               // a sentence's clause breaks
	clauses2   [][2]int            // a sentence's clauses
	stmts      []referat.Statement // the statements found so far
	counts     map[string]int      // Keywords' stems without a number, by their place in stemCounts
	slots      []int32             // Keywords' stems by their number: their place in stemCounts, plus one; all 0 between uses
	stemCounts []stemCount
	top        []stemCount // Keywords' first
	// arenas of the sentences' topics: a slice that grows leaves what was
	// handed out where it was, unchanged
	entries []topicEntry
	sts     []sentenceTopic
	terms   []string // their own and weak terms
	// the topics' candidates of the case (see candidates), per topic, and
	// the starts of its statements
	accs    []*topicAcc
	cands   []*topicCandidate
	accBuf  []topicAcc
	candBuf []topicCandidate
	// per topic, the room of its topicAcc's counts (all their terms
	// overwritten before they are read)
	termCounts [][]termCount
	said       []int
	how        []int // per topic, how the case is given it (see topicsOf)
	// the sentence model's scratch: ids met in a unit, and marks by id
	// (all false between uses)
	seenIDs []int32
	marks   []bool
	// the same for the case model (see caseLogits)
	caseSeen  []int32
	caseMarks []bool
	// the case's distinct stems the sentence and case models weigh, when
	// caseIDsOK (see caseLogit), and the case model's logits
	caseIDs   []int32
	caseIDsOK bool
	caseZ     []float64
	// sentScorer.best's scratch and result
	bestZ  []float64
	bestAt []int
	bests  []sentBest
}

// A tok is a token of a caseText.
type tok struct {
	start, end int // byte offsets in the text
	w          *word
	part       bool // a part of the hyphenated compound before it
}

// A sentence of a caseText.
type sentence struct {
	Span
	t0, t1 int // its tokens: toks[t0:t1]
	w0, w1 int // its whole words: whole[w0:w1]
	done   bool
	topics []topicEntry // what it says of each topic, once done
}

// A topicEntry is what a sentence says for one topic.
type topicEntry struct {
	topic int // index into Taxonomy.Topics
	st    *sentenceTopic
}

var caseTexts = sync.Pool{New: func() any { return new(caseText) }}

// split splits text into tokens and, when sentences is set, sentences.
// Give it back with release.
func (a *Analyzer) split(text string, sentences bool) *caseText {
	ct := caseTexts.Get().(*caseText)
	ct.text = text
	ct.spans = appendSpans(ct.spans[:0], text)
	for _, sp := range ct.spans {
		w := a.word(text[sp.start:sp.end])
		if !sp.part {
			ct.at = append(ct.at, len(ct.toks))
			ct.whole = append(ct.whole, w)
		}
		ct.toks = append(ct.toks, tok{start: sp.start, end: sp.end, w: w, part: sp.part})
	}
	if !sentences {
		return ct
	}
	// The tokens are in the order of their starts (a compound's parts
	// start where it does or later, before the next token): those that
	// start before an offset are the first t, and the whole words among
	// them the first w.
	t, w := 0, 0
	ct.spans2 = norsk.AppendSentences(ct.spans2[:0], text)
	for _, sp := range ct.spans2 {
		s := sentence{Span: sp}
		for t < len(ct.toks) && ct.toks[t].start < sp.Start {
			if !ct.toks[t].part {
				w++
			}
			t++
		}
		s.t0, s.w0 = t, w
		for t < len(ct.toks) && ct.toks[t].start < sp.End {
			if !ct.toks[t].part {
				w++
			}
			t++
		}
		s.t1, s.w1 = t, w
		ct.sents = append(ct.sents, s)
	}
	return ct
}

// release gives ct back for another text; nothing of it may be used after.
// Its slices keep their words (which the lexicon holds anyway) until they
// are overwritten: clearing them costs more than it saves.
func (ct *caseText) release() {
	if cap(ct.toks) > 1<<16 {
		return // an outsize text: let it go
	}
	clear(ct.counts)
	clear(ct.accBuf) // the last case's terms and evidence
	*ct = caseText{toks: ct.toks[:0], whole: ct.whole[:0], at: ct.at[:0], sents: ct.sents[:0],
		spans: ct.spans[:0], spans2: ct.spans2[:0], entries: ct.entries[:0], sts: ct.sts[:0], terms: ct.terms[:0], hits: ct.hits[:0], found: ct.found[:0], seen: ct.seen[:0], breaks: ct.breaks[:0], clauses2: ct.clauses2[:0], stmts: ct.stmts[:0], counts: ct.counts, slots: ct.slots, stemCounts: ct.stemCounts[:0], top: ct.top[:0],
		accs: ct.accs, cands: ct.cands, accBuf: ct.accBuf, candBuf: ct.candBuf, termCounts: ct.termCounts, said: ct.said[:0], how: ct.how,
		seenIDs: ct.seenIDs[:0], marks: ct.marks, caseSeen: ct.caseSeen[:0], caseMarks: ct.caseMarks,
		caseIDs: ct.caseIDs[:0], caseZ: ct.caseZ, bestZ: ct.bestZ, bestAt: ct.bestAt, bests: ct.bests}
	caseTexts.Put(ct)
}

// sentenceTopics returns what sentence k says of each topic.
func (a *Analyzer) sentenceTopicsAt(ct *caseText, k int) []topicEntry {
	s := &ct.sents[k]
	if !s.done {
		s.topics, s.done = a.topicsIn(ct, s.t0, s.t1, s.w0, s.w1, s.End), true
	}
	return s.topics
}

// wholeTopics returns what the whole of ct (a title) says of each topic.
func (a *Analyzer) wholeTopics(ct *caseText) []topicEntry {
	return a.topicsIn(ct, 0, len(ct.toks), 0, len(ct.whole), len(ct.text))
}

// topicsIn returns, for each topic in the order first found, what the
// tokens toks[t0:t1] (whole words whole[w0:w1]) of a sentence ending at
// end say; terms in a circumstantial adverbial (see circumstance) do not
// count.
func (a *Analyzer) topicsIn(ct *caseText, t0, t1, w0, w1, end int) []topicEntry {
	from := ct.passingFrom(w0, w1, end)
	ct.hits = a.terms.findIn(ct, t0, t1, w0, w1, ct.hits[:0])
	first := len(ct.entries)
hits:
	for _, h := range ct.hits {
		if h.start >= from {
			continue // a passing mention
		}
		for _, e := range ct.entries[first:] {
			if e.topic == h.ref.topic {
				continue hits
			}
		}
		ct.sts = append(ct.sts, sentenceTopic{})
		ct.entries = append(ct.entries, topicEntry{topic: h.ref.topic, st: &ct.sts[len(ct.sts)-1]})
	}
	if len(ct.entries) == first {
		return nil
	}
	for _, e := range ct.entries[first:] {
		e.st.own = ct.termsOf(e.topic, false, from)
		e.st.weak = ct.termsOf(e.topic, true, from)
	}
	return ct.entries[first:len(ct.entries):len(ct.entries)]
}

// termsOf returns the distinct terms of ct.hits before from of the topic,
// weak or its own, in order, from ct.terms.
func (ct *caseText) termsOf(topic int, weak bool, from int) []string {
	at := len(ct.terms)
	for _, h := range ct.hits {
		if h.start < from && h.ref.topic == topic && h.ref.weak == weak && !contains(ct.terms[at:], h.ref.term) {
			ct.terms = append(ct.terms, h.ref.term)
		}
	}
	if len(ct.terms) == at {
		return nil
	}
	return ct.terms[at:len(ct.terms):len(ct.terms)]
}

// supported returns the ids of the topics that entries support, in
// taxonomy order.
func (a *Analyzer) supported(entries []topicEntry) []string {
	var buf [16]int
	idx := buf[:0]
	for _, e := range entries {
		if e.st.supports() {
			idx = append(idx, e.topic)
		}
	}
	if len(idx) == 0 {
		return nil
	}
	slices.Sort(idx)
	ids := make([]string, len(idx))
	for i, k := range idx {
		ids[i] = a.tax.Topics[k].ID
	}
	return ids
}

// passingFrom returns the byte offset from which the terms of a sentence
// (whole words whole[w0:w1], ending at end) are passing mentions: the end
// of the first circumstantial phrase, or end when it has none.
func (ct *caseText) passingFrom(w0, w1, end int) int {
	for i := w0; i < w1; i++ {
		if !ct.whole[i].is(circumstanceStart) {
			continue
		}
		// The phrases it begins, in order: the others fail at their
		// first word.
		for _, pi := range ct.whole[i].circPhrases() {
			p := circumstanceAt[pi]
			if i+len(p) > w1 {
				continue
			}
			ok := true
			for k, j := range p {
				if !ct.whole[i+k].isCircumstanceWord(j) {
					ok = false
					break
				}
			}
			if ok {
				return ct.toks[ct.at[i+len(p)-1]].end
			}
		}
	}
	return end
}

// A phraseAt is a phrase term found at a whole word.
type phraseAt struct{ phrase, word int }

// findIn is find over the tokens toks[t0:t1] of ct, whose whole words are
// whole[w0:w1]; it appends to hits.
func (m *matcher) findIn(ct *caseText, t0, t1, w0, w1 int, hits []termHit) []termHit {
	seen := ct.seen[:0] // topics the current whole word matched
	for _, t := range ct.toks[t0:t1] {
		if !t.part {
			seen = seen[:0]
		}
	refs:
		for _, r := range t.w.refs {
			for _, x := range seen {
				if x == r.topic {
					continue refs
				}
			}
			seen = append(seen, r.topic)
			hits = append(hits, termHit{r, t.start, t.end})
		}
	}
	ct.seen = seen
	if len(m.phrases) == 0 {
		return hits
	}
	n := len(hits)
	hits = m.findPhrasesIn(ct, w0, w1, hits)
	phrases := hits[n:]
	if len(phrases) == 0 {
		return hits
	}
	return longestWins(hits[:n], phrases)
}

// findPhrasesIn appends to hits the phrase terms in the whole words
// whole[w0:w1], in the order of the taxonomy, then of the text.
func (m *matcher) findPhrasesIn(ct *caseText, w0, w1 int, hits []termHit) []termHit {
	found := ct.found[:0]
	for i := w0; i < w1; i++ {
		for _, k := range ct.whole[i].phrases {
			p := m.phrases[k].stems
			if i+len(p) > w1 {
				continue
			}
			ok := true
			for j := 1; j < len(p); j++ {
				if ct.whole[i+j].stem != p[j] {
					ok = false
					break
				}
			}
			if ok {
				found = append(found, phraseAt{k, i})
			}
		}
	}
	ct.found = found
	if len(found) > 1 {
		// (phrase, word) pairs are distinct: the order is total.
		slices.SortFunc(found, func(a, b phraseAt) int {
			if a.phrase != b.phrase {
				return cmp.Compare(a.phrase, b.phrase)
			}
			return cmp.Compare(a.word, b.word)
		})
	}
	for _, f := range found {
		p := m.phrases[f.phrase]
		hits = append(hits, termHit{p.ref, ct.toks[ct.at[f.word]].start, ct.toks[ct.at[f.word+len(p.stems)-1]].end})
	}
	return hits
}
