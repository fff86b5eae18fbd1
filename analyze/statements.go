package analyze

import (
	"regexp"
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

// clauseBreak separates coordinated main clauses: "…, og NTL ba om …",
// "…, men vi ønsker …".
var clauseBreak = regexp.MustCompile(`[,;]\s+(?:og|men|mens)\s+|;\s+`)

// Statements returns the sentences of text in which an actor takes a
// position: sentences with a main clause whose subject names an actor (or
// a pronoun that stands for or refers back to one), sentences with a
// phrase that states an actor's view ("etter vårt syn"), and questions
// that follow an actor's statement. Offsets are into text.
func (a *Analyzer) Statements(text string) []referat.Statement {
	var out []referat.Statement
	last, since := "", 0 // the last actor, and sentences since, for "Hun"/"Han"
	prevStatement := ""
	for _, sp := range Sentences(text) {
		s := text[sp.Start:sp.End]
		ref := last
		if since > 2 {
			ref = ""
		}
		id, ws, subj := "", []string(nil), 0
		for _, clause := range splitClauses(s) {
			cw := sentenceWords(clause)
			if ws == nil {
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
			Topics: a.supportedIn(s),
		})
	}
	return out
}

func splitClauses(s string) []string {
	var out []string
	at := 0
	for _, m := range clauseBreak.FindAllStringIndex(s, -1) {
		out = append(out, s[at:m[0]])
		at = m[0] + 1 // keep the conjunction: it starts the clause
	}
	return append(out, s[at:])
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
// many words the name takes.
func (a *Analyzer) nameAt(ws []string, i int) (string, int) {
	best, n := "", 0
	for _, ac := range a.actors {
		for _, name := range ac.names {
			if len(name) > n && i+len(name) <= len(ws) && equalFrom(ws, i, name) {
				best, n = ac.id, len(name)
			}
		}
		if n == 0 {
			for _, suf := range ac.suffixes {
				if strings.HasSuffix(ws[i], suf) {
					best, n = ac.id, 1
				}
			}
		}
	}
	return best, n
}

// subject finds the actor that is the grammatical subject of a clause:
// named before its finite verb (not after a preposition or inside a
// subordinate clause), or right after a verb when a fronted adverbial or
// clause inverts the order ("Derfor ba NTL om …", "Da saken ble drøftet,
// mente NTL …"), or a pronoun: a subject pronoun ("vi" for NTL) wherever
// it stands, "Hun"/"Han" at the start for the actor of a recent sentence
// when that actor allows it. It returns the actor and the index of the
// subject word. A clause may start with the conjunction that joined it.
func (a *Analyzer) subject(ws []string, last string) (string, int) {
	start := 0
	for start < len(ws) && (ws[start] == "og" || ws[start] == "men" || ws[start] == "mens") {
		start++
	}
	if start >= len(ws) {
		return "", 0
	}
	for _, ac := range a.actors {
		if ac.referBack[ws[start]] && last == ac.id {
			return ac.id, start
		}
	}
	for i := start; i < len(ws) && i < start+16; i++ {
		w := ws[i]
		if i > start && (norsk.IsClauseVerb(w) || a.isSpeech(ws, i)) {
			break
		}
		if norsk.IsSubordinator(w) && i > start {
			break
		}
		if id, _ := a.nameAt(ws, i); id != "" && (i == start || !norsk.IsPreposition(ws[i-1])) {
			return id, i
		}
		if id := a.pronoun(w); id != "" && i == start {
			return id, i
		}
	}
	// Inverted order: a verb, perhaps an adverb, then the subject.
	for i := start + 1; i < len(ws) && i < start+24; i++ {
		if !(norsk.IsClauseVerb(ws[i-1]) || a.isSpeech(ws, i-1) || looksFinite(ws[i-1]) || norsk.IsFiller(ws[i-1])) {
			continue
		}
		if id, _ := a.nameAt(ws, i); id != "" && !norsk.IsPreposition(ws[i-1]) {
			return id, i
		}
		if id := a.pronoun(ws[i]); id != "" {
			return id, i
		}
	}
	// A subject pronoun names its actor wherever it stands.
	for i := start; i < len(ws); i++ {
		if id := a.pronoun(ws[i]); id != "" && (i == start || !norsk.IsPreposition(ws[i-1])) {
			return id, i
		}
	}
	return "", 0
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

func (a *Analyzer) pronoun(w string) string {
	for _, ac := range a.actors {
		if ac.pronouns[w] {
			return ac.id
		}
	}
	return ""
}

// viewPhrase finds a phrase such as "etter vårt syn" anywhere in ws.
func (a *Analyzer) viewPhrase(ws []string) (string, int) {
	for _, ac := range a.actors {
		for _, p := range ac.phrases {
			for i := 0; i+len(p) <= len(ws); i++ {
				if equalFrom(ws, i, p) {
					return ac.id, i
				}
			}
		}
	}
	return "", 0
}

func (a *Analyzer) isSpeech(ws []string, i int) bool {
	for _, k := range a.kinds {
		if i+len(k.words) <= len(ws) && equalFrom(ws, i, k.words) {
			return true
		}
	}
	return false
}

// kind classifies a statement by the speech phrase nearest after its
// subject; a question mark makes a question when no phrase is found, and
// the default is "position".
func (a *Analyzer) kind(ws []string, subj int, question bool) string {
	bestAt, bestRank, bestLen := len(ws)+1, 1<<30, 0
	kind := ""
	for _, k := range a.kinds {
		for i := max(0, subj-4); i+len(k.words) <= len(ws); i++ {
			if i > bestAt {
				break
			}
			if !equalFrom(ws, i, k.words) {
				continue
			}
			better := i < bestAt || i == bestAt && (len(k.words) > bestLen || len(k.words) == bestLen && k.rank < bestRank)
			if better {
				bestAt, bestRank, bestLen, kind = i, k.rank, len(k.words), k.kind
			}
			break
		}
	}
	switch {
	case kind != "":
		return kind
	case question:
		return "question"
	}
	return "position"
}
