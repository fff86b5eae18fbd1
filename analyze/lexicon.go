package analyze

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/ntlnav/referat/internal/norsk"
)

// A word is what analysis knows of one word form, worked out once per
// analyzer: its lower-case form, stem, taxonomy terms and the word lists
// it is on. Every step of a case's analysis reads its words from here
// instead of lower-casing, stemming and looking each up again.
type word struct {
	text    string    // NFKC, lower case; a copy, never a slice of a case's text
	stem    string    // Stemmer.Stem(text)
	refs    []termRef // matcher.match(text): single-word terms it holds
	phrases []int     // matcher.byFirst[stem]: phrase terms that start with it
	circ    uint64    // bit j: it is circumstanceWords[j] (strings.EqualFold), for j < 64
	flags   wordFlag
	stemID  int32  // the stem's number (see stemIDs), or -1
	stemKey uint64 // prefixKey(stem)
	sentID  int32  // the stem's number in the sentence model (see sentScorer), or -1
	caseID  int32  // the same in the case model (see CaseModel)
	// what few words have, nil when the word has none of it: kept apart
	// so that the words every case reads are small (128 bytes: more of
	// them stay in the processor's caches)
	rare *wordRare
}

// wordRare is what a word holds of actors' names, speech and view
// phrases, pronouns and compounds, when it holds any.
type wordRare struct {
	names   []nameRef // actor names whose first word it is, in the taxonomy's order
	suffix  []int     // actors one of whose name suffixes ends it, ascending
	kinds   []int     // Analyzer.kinds whose first word it is, ascending
	views   []viewRef // actors' view phrases whose first word it is, in order
	pronoun string    // the actor it stands for as a subject pronoun, or ""
	// sentParts are the numbers of the stem's compound parts in the
	// sentence model (see splitCompound); caseParts the same in the case
	// model.
	sentParts []int32
	caseParts []int32
	// circ are the circumstance phrases it is the first word of, in
	// order (indexes into circumstance)
	circ []int
}

// The word's wordRare fields, or their zero values.
func (w *word) nameRefs() []nameRef {
	if w.rare == nil {
		return nil
	}
	return w.rare.names
}

func (w *word) suffixes() []int {
	if w.rare == nil {
		return nil
	}
	return w.rare.suffix
}

func (w *word) kindRefs() []int {
	if w.rare == nil {
		return nil
	}
	return w.rare.kinds
}

func (w *word) viewRefs() []viewRef {
	if w.rare == nil {
		return nil
	}
	return w.rare.views
}

func (w *word) pronoun() string {
	if w.rare == nil {
		return ""
	}
	return w.rare.pronoun
}

func (w *word) sentParts() []int32 {
	if w.rare == nil {
		return nil
	}
	return w.rare.sentParts
}

func (w *word) circPhrases() []int {
	if w.rare == nil {
		return nil
	}
	return w.rare.circ
}

func (w *word) caseParts() []int32 {
	if w.rare == nil {
		return nil
	}
	return w.rare.caseParts
}

type wordFlag uint16

const (
	stopWord          wordFlag = 1 << iota // norsk.IsStopWord
	keywordWord                            // Keywords counts it (see Keywords)
	termStemWord                           // TermStems gives its stem
	contentWord                            // contentStems gives its stem
	clauseVerb                             // norsk.IsClauseVerb
	subordinator                           // norsk.IsSubordinator
	preposition                            // norsk.IsPreposition
	filler                                 // norsk.IsFiller
	finiteLike                             // looksFinite
	conjunction                            // og, men, mens: may open a clause
	circumstanceStart                      // the first word of a circumstance phrase (strings.EqualFold)
)

func (w *word) is(f wordFlag) bool { return w.flags&f != 0 }

// A nameRef is an actor's name of several words (or one).
type nameRef struct {
	actor int // index into Analyzer.actors
	words []string
}

// A viewRef is an actor's phrase that states its view.
type viewRef struct {
	actor, phrase int // indexes into Analyzer.actors and its phrases
	words         []string
}

// word returns the word of the form raw, as it stands in a text.
func (a *Analyzer) word(raw string) *word {
	if w := a.lex.get(raw); w != nil {
		return w
	}
	return a.lex.put(raw, a.newWord(raw))
}

// newWord works out the word of the form raw.
func (a *Analyzer) newWord(raw string) *word {
	low := strings.Clone(lower(raw))
	w := &word{text: low, stem: a.stem.Stem(low), refs: a.terms.match(low)}
	w.stemID, w.stemKey = a.stemIDs.of(w.stem), prefixKey(w.stem)
	w.phrases = a.terms.byFirst[w.stem]
	var r wordRare
	r.names = a.nameFirst[low]
	r.kinds = a.kindFirst[low]
	r.views = a.viewFirst[low]
	for k, ac := range a.actors {
		for _, suf := range ac.suffixes {
			if strings.HasSuffix(low, suf) {
				r.suffix = append(r.suffix, k)
				break
			}
		}
	}
	r.pronoun = a.pronoun(low)
	set := func(f wordFlag, ok bool) {
		if ok {
			w.flags |= f
		}
	}
	stop := norsk.IsStopWord(low)
	runes := utf8.RuneCountInString(low)
	set(stopWord, stop)
	keyword := !stop && !isNumber(strings.TrimSuffix(strings.TrimSpace(low), "%")) && runes >= 3 && !a.noKeyword[w.stem]
	set(keywordWord, keyword)
	w.sentID, w.caseID = -1, -1
	if keyword {
		w.caseID, r.caseParts = a.cases.id(w.stem), a.cases.parts(w.stem)
		if a.sameStems {
			w.sentID, r.sentParts = w.caseID, r.caseParts
		} else {
			w.sentID, r.sentParts = a.sent.id(w.stem), a.sent.parts(w.stem)
		}
	}
	circumstanceOf(w, &r, runes)
	if len(r.names) > 0 || len(r.suffix) > 0 || len(r.kinds) > 0 || len(r.views) > 0 || r.pronoun != "" ||
		len(r.sentParts) > 0 || len(r.caseParts) > 0 || len(r.circ) > 0 {
		w.rare = &r
	}
	set(termStemWord, keyword && !a.namesActor(low))
	set(contentWord, !stop && !isNumber(low) && runes >= 4 && !a.noKeyword[w.stem] && !commonWords[w.stem])
	set(clauseVerb, norsk.IsClauseVerb(low))
	set(subordinator, norsk.IsSubordinator(low))
	set(preposition, norsk.IsPreposition(low))
	set(filler, norsk.IsFiller(low))
	set(finiteLike, looksFinite(low))
	set(conjunction, low == "og" || low == "men" || low == "mens")
	return w
}

// circumstanceOf sets what w, of the given number of runes, is of the
// circumstance phrases: the phrases it is the first word of, and the
// phrases' words it is (strings.EqualFold, which compares rune by rune:
// strings of different numbers of runes are never equal).
func circumstanceOf(w *word, r *wordRare, runes int) {
	for i, p := range circumstance {
		if len(p) > 0 && circumstanceFirstRunes[i] == runes && strings.EqualFold(w.text, p[0]) {
			w.flags |= circumstanceStart
			r.circ = append(r.circ, i)
		}
	}
	for j, c := range circumstanceWords[:min(64, len(circumstanceWords))] {
		if circumstanceRunes[j] == runes && strings.EqualFold(w.text, c) {
			w.circ |= 1 << j
		}
	}
}

// circumstanceRunes are the numbers of runes of circumstanceWords, and
// circumstanceFirstRunes those of the circumstance phrases' first words
// (0 for a phrase without words).
var circumstanceRunes, circumstanceFirstRunes = func() ([]int, []int) {
	words := make([]int, len(circumstanceWords))
	for j, c := range circumstanceWords {
		words[j] = utf8.RuneCountInString(c)
	}
	first := make([]int, len(circumstance))
	for i, p := range circumstance {
		if len(p) > 0 {
			first[i] = utf8.RuneCountInString(p[0])
		}
	}
	return words, first
}()

// circumstanceWords are the distinct words of the circumstance phrases,
// and circumstanceAt each phrase as indexes into them.
var circumstanceWords, circumstanceAt = func() ([]string, [][]int) {
	var words []string
	index := map[string]int{}
	at := make([][]int, len(circumstance))
	for i, p := range circumstance {
		for _, w := range p {
			j, ok := index[w]
			if !ok {
				j = len(words)
				index[w] = j
				words = append(words, w)
			}
			at[i] = append(at[i], j)
		}
	}
	return words, at
}()

// isCircumstanceWord reports whether w is circumstanceWords[j]
// (strings.EqualFold).
func (w *word) isCircumstanceWord(j int) bool {
	if j < 64 {
		return w.circ&(1<<j) != 0
	}
	return strings.EqualFold(w.text, circumstanceWords[j])
}

// compileLexicon indexes the taxonomy's names, speech phrases and view
// phrases by their first word, for newWord.
func (a *Analyzer) compileLexicon() {
	a.nameFirst = map[string][]nameRef{}
	a.kindFirst = map[string][]int{}
	a.viewFirst = map[string][]viewRef{}
	for k, ac := range a.actors {
		for _, n := range ac.names {
			if len(n) > 0 {
				a.nameFirst[n[0]] = append(a.nameFirst[n[0]], nameRef{actor: k, words: n})
			}
		}
		for i, p := range ac.phrases {
			v := viewRef{actor: k, phrase: i, words: p}
			if len(p) == 0 {
				a.emptyViews = append(a.emptyViews, v)
				continue
			}
			a.viewFirst[p[0]] = append(a.viewFirst[p[0]], v)
		}
	}
	for i, k := range a.kinds {
		if len(k.words) == 0 {
			a.emptyKinds = append(a.emptyKinds, i)
			continue
		}
		a.kindFirst[k.words[0]] = append(a.kindFirst[k.words[0]], i)
	}
}

// A lexicon maps word forms to their words, for any number of goroutines.
// Lookups of known forms take no lock: they read a map that is never
// written once published. New forms go to a small map under a mutex, which
// is merged into a new published map when it has grown to a quarter of
// it. It holds at most maxLexicon forms: past them, it starts afresh with
// the newest.
type lexicon struct {
	read  atomic.Pointer[map[string]*word]
	mu    sync.Mutex
	dirty map[string]*word
	// the forms of one or two bytes ("i", "og", "av", "at": a quarter of
	// the words of minutes), by shortIndex, looked up without hashing
	// (65,792 pointers, 514 KB an analyzer)
	short []atomic.Pointer[word]
	// table holds the forms of up to 15 bytes of the published map (see
	// formTable), published after it
	table atomic.Pointer[formTable]
}

// shortIndex returns the place of a form of one or two bytes in
// lexicon.short.
func shortIndex(raw string) int {
	if len(raw) == 1 {
		return 1<<16 | int(raw[0])
	}
	return int(raw[0])<<8 | int(raw[1])
}

// maxLexicon bounds the word forms a lexicon remembers.
const maxLexicon = 1 << 17

func (l *lexicon) get(raw string) *word {
	if n := len(raw); (n == 1 || n == 2) && l.short != nil {
		if w := l.short[shortIndex(raw)].Load(); w != nil {
			return w
		}
	}
	if n := len(raw); n <= maxTableForm {
		if t := l.table.Load(); t != nil {
			if w := t.get(raw); w != nil {
				return w
			}
		}
	}
	if m := l.read.Load(); m != nil {
		if w, ok := (*m)[raw]; ok {
			return w
		}
	}
	l.mu.Lock()
	w := l.dirty[raw]
	l.mu.Unlock()
	return w
}

// put remembers w for raw (copied: raw may be a slice of a whole case's
// text) unless another goroutine did first, and returns the word kept.
func (l *lexicon) put(raw string, w *word) *word {
	l.mu.Lock()
	defer l.mu.Unlock()
	if x, ok := l.dirty[raw]; ok {
		return x
	}
	if l.dirty == nil {
		l.dirty = map[string]*word{}
	}
	l.dirty[strings.Clone(raw)] = w
	if n := len(raw); (n == 1 || n == 2) && l.short != nil {
		l.short[shortIndex(raw)].Store(w)
	}
	n := 0
	read := l.read.Load()
	if read != nil {
		n = len(*read)
	}
	if len(l.dirty) < max(64, n/4) && n+len(l.dirty) < maxLexicon {
		return w
	}
	m := l.dirty
	if n+len(l.dirty) <= maxLexicon {
		m = make(map[string]*word, n+len(l.dirty))
		if read != nil {
			for k, v := range *read {
				m[k] = v
			}
		}
		for k, v := range l.dirty {
			m[k] = v
		}
	}
	l.read.Store(&m)
	l.table.Store(newFormTable(m))
	l.dirty = nil
	return w
}

// stemIDs numbers the stems of an analyzer's words from 0, so that
// Keywords can count them in a slice instead of a map. A number is never
// given to another stem; past maxLexicon stems, new stems get none (-1).
type stemIDs struct {
	mu sync.Mutex
	m  map[string]int32
}

func (s *stemIDs) of(stem string) int32 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id, ok := s.m[stem]; ok {
		return id
	}
	if len(s.m) >= maxLexicon {
		return -1
	}
	if s.m == nil {
		s.m = map[string]int32{}
	}
	id := int32(len(s.m))
	s.m[stem] = id
	return id
}
