package analyze

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/ntlnav/referat/internal/norsk"
)

// A termRef is one taxonomy term of one topic.
type termRef struct {
	topic int    // index into Taxonomy.Topics
	term  string // as written in the taxonomy, without "="
	weak  bool   // one of the topic's weak terms
}

// phraseTerm is a term of several words, matched as a sequence of stems.
type phraseTerm struct {
	stems []string
	ref   termRef
}

// matcher finds taxonomy terms in words, also inside compounds.
type matcher struct {
	stem    *Stemmer
	forms   map[string][]termRef // word form → terms written with "=="
	exact   map[string][]termRef // stem → terms, for every other single-word term
	partial map[string][]termRef // stem or written form → terms that may stand inside a compound
	// partialPairs has bit b0<<8|b1 set when a key of partial begins with
	// the bytes b0, b1; partialMax is the longest key, in bytes: compute
	// looks up no part that cannot be a key.
	partialPairs [1 << 16 / 64]uint64
	partialMax   int
	phrases      []phraseTerm
	byFirst      map[string][]int // first stem → indexes into phrases
	mu           sync.RWMutex
	cache        map[string][]termRef // word → what match returned; at most maxCache words
}

// minPart is the shortest term, in letters, that is looked for inside a
// compound word; shorter stems match only whole words.
const minPart = 4

func newMatcher(t *Taxonomy, st *Stemmer) *matcher {
	m := &matcher{stem: st, forms: map[string][]termRef{}, exact: map[string][]termRef{}, partial: map[string][]termRef{}}
	for i, topic := range t.Topics {
		all := append(append([]string(nil), topic.Terms...), topic.Weak...)
		for k, raw := range all {
			formOnly := strings.HasSuffix(raw, "==")
			exactOnly := strings.HasSuffix(raw, "=")
			term := strings.TrimSuffix(strings.TrimSuffix(raw, "="), "=")
			ref := termRef{topic: i, term: term, weak: k >= len(topic.Terms)}
			words := Tokens(term)
			var whole []Token
			for _, w := range words {
				if !w.Part {
					whole = append(whole, w)
				}
			}
			if len(whole) > 1 {
				p := phraseTerm{ref: ref}
				for _, w := range whole {
					p.stems = append(p.stems, st.Stem(w.Text))
				}
				if m.byFirst == nil {
					m.byFirst = map[string][]int{}
				}
				m.byFirst[p.stems[0]] = append(m.byFirst[p.stems[0]], len(m.phrases))
				m.phrases = append(m.phrases, p)
				continue
			}
			if len(whole) == 0 {
				continue
			}
			w := whole[0].Text
			if formOnly {
				m.forms[w] = appendRef(m.forms[w], ref)
				continue
			}
			s := st.Stem(w)
			m.exact[s] = appendRef(m.exact[s], ref)
			m.exact[w] = appendRef(m.exact[w], ref)
			if !exactOnly {
				for _, form := range []string{s, w} {
					if utf8.RuneCountInString(form) >= minPart {
						m.partial[form] = appendRef(m.partial[form], ref)
						p := uint16(form[0])<<8 | uint16(form[1])
						m.partialPairs[p/64] |= 1 << (p % 64)
						m.partialMax = max(m.partialMax, len(form))
					}
				}
			}
		}
	}
	return m
}

func appendRef(refs []termRef, r termRef) []termRef {
	for _, x := range refs {
		if x == r {
			return refs
		}
	}
	return append(refs, r)
}

// match returns the single-word terms that the lower-case word w holds:
// its stem is a term's, or a term stands at its start or after a head of
// at least three letters, followed by an inflection, a linking s or e and
// more, or (for terms of five letters or more) another word part.
// "budsjettfordelingsmodellen" holds budsjett, "varslingsrutinen" varsling,
// "sykefraværsoppfølging" sykefravær and oppfølging.
func (m *matcher) match(w string) []termRef {
	m.mu.RLock()
	refs, ok := m.cache[w]
	m.mu.RUnlock()
	if ok {
		return refs
	}
	refs = m.compute(w)
	m.mu.Lock()
	if m.cache == nil || len(m.cache) >= maxCache {
		m.cache = make(map[string][]termRef, 1024)
	}
	m.cache[strings.Clone(w)] = refs // w may be a slice of a whole case's text
	m.mu.Unlock()
	return refs
}

// mayBeginPartial reports whether a key of m.partial may begin at byte
// b of w: some key begins with the two bytes there.
func (m *matcher) mayBeginPartial(w string, b int) bool {
	if b+1 >= len(w) {
		return false
	}
	p := uint16(w[b])<<8 | uint16(w[b+1])
	return m.partialPairs[p/64]&(1<<(p%64)) != 0
}

// compute is match without the cache.
func (m *matcher) compute(w string) []termRef {
	var refs []termRef
	for _, r := range m.forms[w] {
		refs = appendRef(refs, r)
	}
	for _, r := range m.exact[m.stem.Stem(w)] {
		refs = appendRef(refs, r)
	}
	for _, r := range m.exact[w] {
		refs = appendRef(refs, r)
	}
	// Byte offsets of rune starts.
	var at []int
	for i := range w {
		at = append(at, i)
	}
	at = append(at, len(w))
	runes := len(at) - 1
	for ki := 0; ki < runes; ki++ {
		if ki > 0 && ki < 3 {
			continue // a head is at least three letters
		}
		// A part of minPart runes or more has two bytes or more: no key
		// begins with these two, or none is this long, then none is here.
		if !m.mayBeginPartial(w, at[ki]) {
			continue
		}
		for ji := ki + minPart; ji <= runes; ji++ {
			if at[ji]-at[ki] > m.partialMax {
				break
			}
			part := w[at[ki]:at[ji]]
			rs, ok := m.partial[part]
			if !ok {
				continue
			}
			rest := w[at[ji]:]
			restRunes := runes - ji
			long := ji-ki >= 5
			okRest := norsk.IsInflection(rest) ||
				(restRunes >= 3 && (rest[0] == 's' || rest[0] == 'e')) ||
				(long && restRunes >= 3)
			if ki > 0 && !long {
				okRest = okRest && norsk.IsInflection(rest)
			}
			if okRest {
				for _, r := range rs {
					refs = appendRef(refs, r)
				}
			}
		}
	}
	return refs
}

// A termHit is a term found in a text.
type termHit struct {
	ref        termRef
	start, end int // byte offsets of the matched words
}

// find returns the terms in tokens: for each word, at most one term of
// each topic (the first the word matches: its own stem before a part of
// it). A hyphenated compound's parts are searched only for topics its
// whole word did not match.
func (m *matcher) find(tokens []Token) []termHit {
	var hits []termHit
	var whole []Token
	var wholeTopics map[int]bool
	for _, t := range tokens {
		if !t.Part {
			whole = append(whole, t)
			wholeTopics = map[int]bool{}
		}
		for _, r := range m.match(t.Text) {
			if wholeTopics[r.topic] {
				continue
			}
			wholeTopics[r.topic] = true
			hits = append(hits, termHit{r, t.Start, t.End})
		}
	}
	if len(m.phrases) == 0 {
		return hits
	}
	return longestWins(hits, m.findPhrases(whole))
}

// longestWins returns the word hits not inside a phrase of another topic
// ("lønnsvekst" in "pris- og lønnsvekst" does not count for its own),
// then the phrases; it reuses the array of words.
func longestWins(words, phrases []termHit) []termHit {
	out := words[:0]
	for _, h := range words {
		inside := false
		for _, p := range phrases {
			if p.ref.topic != h.ref.topic && h.start >= p.start && h.end <= p.end {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, h)
		}
	}
	return append(out, phrases...)
}

// findPhrases returns the phrase terms in the whole words, in the order
// of the taxonomy, then of the text. Only the phrases that start with a
// word's stem are tried there.
func (m *matcher) findPhrases(whole []Token) []termHit {
	stems := make([]string, len(whole))
	for i, t := range whole {
		stems[i] = m.stem.Stem(t.Text)
	}
	type at struct{ phrase, word int }
	var found []at
	for i, st := range stems {
		for _, k := range m.byFirst[st] {
			p := m.phrases[k].stems
			if i+len(p) <= len(stems) && equalFrom(stems, i, p) {
				found = append(found, at{k, i})
			}
		}
	}
	sort.Slice(found, func(a, b int) bool {
		if found[a].phrase != found[b].phrase {
			return found[a].phrase < found[b].phrase
		}
		return found[a].word < found[b].word
	})
	var phrases []termHit
	for _, f := range found {
		p := m.phrases[f.phrase]
		phrases = append(phrases, termHit{p.ref, whole[f.word].Start, whole[f.word+len(p.stems)-1].End})
	}
	return phrases
}

func equalFrom(s []string, i int, p []string) bool {
	for k := range p {
		if s[i+k] != p[k] {
			return false
		}
	}
	return true
}
