package analyze

import (
	"strings"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/internal/norsk"
)

// An actor as analysis uses it: lower-case word sequences.
type actor struct {
	id        string
	names     [][]string
	suffixes  []string
	pronouns  map[string]bool
	phrases   [][]string
	referBack map[string]bool
}

type kindPhrase struct {
	kind  string
	rank  int // order of the kind in the taxonomy
	words []string
}

// words returns the whole words of a taxonomy phrase (without a final "=").
func words(s string) []string { return sentenceWords(strings.TrimSuffix(s, "=")) }

func compileActors(t *Taxonomy) []actor {
	var out []actor
	set := func(xs []string) map[string]bool {
		m := map[string]bool{}
		for _, x := range xs {
			m[strings.ToLower(x)] = true
		}
		return m
	}
	for _, d := range t.Actors {
		a := actor{id: d.ID, pronouns: set(d.SubjectPronouns), referBack: set(d.ReferBack)}
		for _, n := range d.Names {
			a.names = append(a.names, words(n))
		}
		for _, s := range d.NameSuffixes {
			a.suffixes = append(a.suffixes, strings.ToLower(s))
		}
		for _, p := range d.Phrases {
			a.phrases = append(a.phrases, words(p))
		}
		out = append(out, a)
	}
	return out
}

func compileKinds(t *Taxonomy) []kindPhrase {
	var out []kindPhrase
	for i, k := range t.Kinds {
		for _, term := range k.Terms {
			out = append(out, kindPhrase{kind: k.Kind, rank: i, words: words(term)})
		}
	}
	return out
}

// Statements returns the sentences of text in which an actor takes a
// position: sentences with a main clause whose subject names an actor (or
// a pronoun that stands for or refers back to one), sentences with a
// phrase that states an actor's view ("etter vårt syn"), and questions
// that follow an actor's statement. Offsets are into text.
func (a *Analyzer) Statements(text string) []referat.Statement {
	ct := a.split(text, true)
	defer ct.release()
	return a.statements(ct)
}

// statements is Statements of a split text.
func (a *Analyzer) statements(ct *caseText) []referat.Statement {
	out := ct.stmts[:0]  // copied to their own slice at the end
	last, since := "", 0 // the last actor, and sentences since, for "Hun"/"Han"
	prevStatement := ""
	clauses := ct.clauses2[:0]
	for k := range ct.sents {
		sp := &ct.sents[k]
		s := ct.text[sp.Start:sp.End]
		ref := last
		if since > 2 {
			ref = ""
		}
		id, ws, subj := "", []*word(nil), 0
		// «Vi skal klare det», sa direktøren: the quote is the speaker's,
		// who is named after it, whoever "vi" inside it is.
		if tail := ct.afterQuote(sp, s); len(tail) > 0 {
			if cid, at := a.subject(tail, ""); cid != "" {
				id, ws, subj = cid, tail, at
			}
		}
		if id == "" {
			clauses = ct.clauses(sp, clauses[:0])
		} else {
			clauses = clauses[:0]
		}
		for _, cl := range clauses {
			cw := ct.whole[cl[0]:cl[1]]
			if len(ws) == 0 {
				ws = cw
			}
			if cid, at := a.subject(cw, ref); cid != "" {
				id, ws, subj = cid, cw, at
				break
			}
		}
		if id == "" {
			id, subj = a.viewPhrase(ws)
		}
		question := strings.HasSuffix(s, "?")
		if id == "" && question && prevStatement != "" {
			id = prevStatement // a question put by the actor of the sentence before
		}
		if id != "" {
			last, since = id, 0
		} else {
			since++
		}
		prevStatement = id
		if id == "" {
			continue
		}
		out = append(out, referat.Statement{
			Actor:  id,
			Kind:   a.kind(ws, subj, question),
			Text:   s,
			Start:  sp.Start,
			End:    sp.End,
			Topics: a.supported(a.sentenceTopicsAt(ct, k)),
		})
	}
	ct.clauses2 = clauses
	if len(out) == 0 {
		return nil
	}
	stmts := append([]referat.Statement(nil), out...)
	clear(out) // the scratch holds no texts between cases
	ct.stmts = out
	return stmts
}

// afterQuote returns the whole words of sentence sp (text s) after its
// quotation when it starts with one («…», sa …), else nil.
func (ct *caseText) afterQuote(sp *sentence, s string) []*word {
	if !strings.HasPrefix(s, "«") {
		return nil
	}
	e := strings.LastIndex(s, "»")
	if e < 0 {
		return nil
	}
	end := sp.Start + e
	w := sp.w0
	for w < sp.w1 && ct.toks[ct.at[w]].start < end {
		w++
	}
	return ct.whole[w:sp.w1]
}

// clauses appends to dst the whole words of the coordinated main clauses
// of sentence sp, as ranges of ct.whole: a clause holds the words that
// start before the comma or semicolon that ends it (see splitClauses).
func (ct *caseText) clauses(sp *sentence, dst [][2]int) [][2]int {
	s := ct.text[sp.Start:sp.End]
	if strings.IndexByte(s, ',') < 0 && strings.IndexByte(s, ';') < 0 {
		return append(dst, [2]int{sp.w0, sp.w1})
	}
	w := sp.w0
	ct.breaks = appendClauseBreaks(ct.breaks[:0], s)
	for _, at := range ct.breaks {
		end := sp.Start + at
		from := w
		for w < sp.w1 && ct.toks[ct.at[w]].start < end {
			w++
		}
		dst = append(dst, [2]int{from, w})
	}
	return append(dst, [2]int{w, sp.w1})
}

// splitClauses returns the offsets in s of the commas and semicolons
// that end its coordinated main clauses: "…, og NTL ba om …", "…, men vi
// ønsker …", "…; …". A break is a comma or semicolon, white space, "og",
// "men" or "mens" and white space again, or a semicolon and white space;
// the next clause starts with the conjunction. Breaks do not overlap: the
// next is looked for after the white space that ends one.
func splitClauses(s string) []int { return appendClauseBreaks(nil, s) }

// appendClauseBreaks appends splitClauses(s) to out.
func appendClauseBreaks(out []int, s string) []int {
	for p := 0; p < len(s); p++ {
		c := s[p]
		if c != ',' && c != ';' {
			continue
		}
		q := skipSpace(s, p+1)
		if q == p+1 {
			continue
		}
		end := -1
		for _, conj := range [...]string{"og", "men", "mens"} {
			if r := q + len(conj); strings.HasPrefix(s[q:], conj) && r < len(s) && isSpace(s[r]) {
				end = skipSpace(s, r)
				break
			}
		}
		if end < 0 && c == ';' {
			end = q
		}
		if end >= 0 {
			out = append(out, p)
			p = end - 1
		}
	}
	return out
}

// isSpace reports whether c is white space as \s is in a regular
// expression: space, tab, newline, carriage return or form feed.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func skipSpace(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// sentenceWords returns the whole words of s, lower case, compounds' parts left out.
func sentenceWords(s string) []string {
	var ws []string
	for _, t := range Tokens(s) {
		if !t.Part {
			ws = append(ws, t.Text)
		}
	}
	return ws
}

// nameAt returns the actor named by the words starting at ws[i], and how
// many words the name takes: the longest name, the first actor's on a
// tie, or a word that ends as an actor's name may when no name of that
// actor or one before it starts there.
func (a *Analyzer) nameAt(ws []*word, i int) (string, int) {
	w := ws[i]
	if len(w.nameRefs()) == 0 && len(w.suffixes()) == 0 {
		return "", 0
	}
	best, n := "", 0
	j := 0 // into w.names, which are in the actors' order
	for k := range a.actors {
		for ; j < len(w.nameRefs()) && w.nameRefs()[j].actor == k; j++ {
			name := w.nameRefs()[j].words
			if len(name) > n && i+len(name) <= len(ws) && wordsAt(ws, i, name) {
				best, n = a.actors[k].id, len(name)
			}
		}
		if n == 0 && containsInt(w.suffixes(), k) {
			best, n = a.actors[k].id, 1
		}
	}
	return best, n
}

// wordsAt reports whether the words p stand in ws from i on.
func wordsAt(ws []*word, i int, p []string) bool {
	for k := range p {
		if ws[i+k].text != p[k] {
			return false
		}
	}
	return true
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// subject finds the actor that is the grammatical subject of a clause:
// named before its finite verb (not after a preposition or inside a
// subordinate clause), or right after a verb when a fronted adverbial or
// clause inverts the order ("Derfor ba NTL om …", "Da saken ble drøftet,
// mente NTL …"), or a pronoun: a subject pronoun ("vi" for NTL) wherever
// it stands, "Hun"/"Han" at the start for the actor of a recent sentence
// when that actor allows it. It returns the actor and the index of the
// subject word. A clause may start with the conjunction that joined it.
func (a *Analyzer) subject(ws []*word, last string) (string, int) {
	start := 0
	for start < len(ws) && ws[start].is(conjunction) {
		start++
	}
	if start >= len(ws) {
		return "", 0
	}
	for _, ac := range a.actors {
		if last == ac.id && ac.referBack[ws[start].text] {
			return ac.id, start
		}
	}
	for i := start; i < len(ws) && i < start+16; i++ {
		w := ws[i]
		if i > start && (w.is(clauseVerb) || a.isSpeech(ws, i)) {
			break
		}
		if w.is(subordinator) && i > start {
			break
		}
		if id, _ := a.nameAt(ws, i); id != "" && (i == start || !ws[i-1].is(preposition) || ws[i-1].text == "ifølge") {
			// "Ifølge HR-direktøren er …": attributed to the actor.
			return id, i
		}
		if id := w.pronoun(); id != "" && i == start {
			return id, i
		}
	}
	// Inverted order: a verb, perhaps an adverb, then the subject.
	for i := start + 1; i < len(ws) && i < start+24; i++ {
		if !(ws[i-1].is(clauseVerb|finiteLike|filler) || a.isSpeech(ws, i-1)) {
			continue
		}
		if id, _ := a.nameAt(ws, i); id != "" && !ws[i-1].is(preposition) {
			return id, i
		}
		if id := ws[i].pronoun(); id != "" {
			return id, i
		}
	}
	// "…, ifølge HR-direktøren": the actor the sentence is attributed to.
	for i := start + 1; i < len(ws); i++ {
		if ws[i-1].text == "ifølge" {
			if id, _ := a.nameAt(ws, i); id != "" {
				return id, i
			}
		}
	}
	// "Det ble avvist av HR-direktøren": the agent of a passive speech act.
	for i := start + 2; i < len(ws); i++ {
		if ws[i-1].text == "av" && passiveSpeech[ws[i-2].text] {
			if id, _ := a.nameAt(ws, i); id != "" {
				return id, i
			}
		}
	}
	// A subject pronoun names its actor wherever it stands.
	for i := start; i < len(ws); i++ {
		if id := ws[i].pronoun(); id != "" && (i == start || !ws[i-1].is(preposition)) {
			return id, i
		}
	}
	return "", 0
}

// passiveSpeech are past participles of speech acts that take a stand,
// bokmål and nynorsk, whose agent ("… ble avvist av direktøren") is the
// actor of the sentence. Presenting and informing are not among them:
// "lagt fram av direktøren" tells what happened.
var passiveSpeech = map[string]bool{
	"avvist": true, "bekreftet": true, "bekrefta": true, "foreslått": true, "føreslått": true,
	"støttet": true, "støtta": true, "kritisert": true, "understreket": true, "understreka": true,
	"lovet": true, "lova": true, "godtatt": true, "godteke": true, "akseptert": true, "anbefalt": true,
	"etterlyst": true, "presisert": true, "påpekt": true, "avslått": true, "krevd": true,
}

// looksFinite guesses whether w is a finite verb from its ending: present
// tense in -er, past tense in -te, -de or -et ("mener", "mente", "ser").
func looksFinite(w string) bool {
	if norsk.IsPreposition(w) || norsk.IsSubordinator(w) || len(w) < 3 {
		return false
	}
	for _, end := range []string{"er", "te", "de", "et"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return w == "ser" || w == "så" || w == "sa" || w == "ba" || w == "ga"
}

// pronoun returns the first actor for which the lower-case w is a subject
// pronoun, or "".
func (a *Analyzer) pronoun(w string) string {
	for _, ac := range a.actors {
		if ac.pronouns[w] {
			return ac.id
		}
	}
	return ""
}

// viewPhrase finds a phrase such as "etter vårt syn" anywhere in ws: the
// first actor's first phrase that is there, where it first stands.
func (a *Analyzer) viewPhrase(ws []*word) (string, int) {
	best, at := -1, 0 // into a view order: actor, then phrase
	var bestRef viewRef
	better := func(v viewRef) bool {
		return best < 0 || v.actor < bestRef.actor || v.actor == bestRef.actor && v.phrase < bestRef.phrase
	}
	for i, w := range ws {
		for _, v := range w.viewRefs() {
			if i+len(v.words) <= len(ws) && wordsAt(ws, i, v.words) && better(v) {
				best, at, bestRef = 0, i, v
			}
		}
	}
	for _, v := range a.emptyViews {
		if better(v) {
			best, at, bestRef = 0, 0, v
		}
	}
	if best < 0 {
		return "", 0
	}
	return a.actors[bestRef.actor].id, at
}

// isSpeech reports whether a speech phrase starts at ws[i].
func (a *Analyzer) isSpeech(ws []*word, i int) bool {
	if len(a.emptyKinds) > 0 {
		return true
	}
	for _, k := range ws[i].kindRefs() {
		if words := a.kinds[k].words; i+len(words) <= len(ws) && wordsAt(ws, i, words) {
			return true
		}
	}
	return false
}

// kind classifies a statement by the speech phrase nearest after its
// subject (from four words before it), the longest there, the first kind
// of the taxonomy on a tie; a question mark makes a question when no
// phrase is found, and the default is "position".
func (a *Analyzer) kind(ws []*word, subj int, question bool) string {
	for i := max(0, subj-4); i <= len(ws); i++ {
		kind, rank, n := "", 0, -1
		consider := func(k *kindPhrase) {
			if len(k.words) > n || len(k.words) == n && k.rank < rank {
				kind, rank, n = k.kind, k.rank, len(k.words)
			}
		}
		if i < len(ws) {
			for _, ki := range ws[i].kindRefs() {
				if k := &a.kinds[ki]; i+len(k.words) <= len(ws) && wordsAt(ws, i, k.words) {
					consider(k)
				}
			}
		}
		for _, ki := range a.emptyKinds {
			consider(&a.kinds[ki])
		}
		if kind != "" {
			return kind
		}
	}
	if question {
		return "question"
	}
	return "position"
}
