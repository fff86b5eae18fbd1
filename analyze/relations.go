package analyze

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/ntlnav/referat"
)

// How the employer answered, from the words of the answer (bokmål and
// nynorsk, matched on the lower-case sentence or one of its clauses). A
// refusal is looked for first (a partial refusal is a refusal of that
// part), then acceptance, then postponement; an answer with none of them
// gave information: "answered".
var (
	// Refusals by their words: disagreement, holding on to one's own
	// proposal, passing the matter on, taking it only for information.
	rejectCues = []string{"handlingsrom", "til orientering", "avviste", "avvis", "avslo", "avslått",
		"uenig", "usamd", "ikke enig", "ikkje samd", "godt nok ivaretatt", "holdt fast ved", "heldt fast på",
		"er opp til", "går imot", "gikk imot", "lar seg ikke gjøre", "ikke lar seg gjøre", "let seg ikkje gjere",
		"ikkje let seg gjere", "ligger fast", "står fast", "ligg fast"}
	// "ikke aktuelt", "det er ikke mulig", "det ikke er rom for", "ikke et
	// tema", "ikke satt av midler": what was asked for is not available.
	rejectNot = regexp.MustCompile(`\b(?:ikke|ikkje)\s+(?:\p{L}+\s+){0,2}?(?:aktuelt|aktuell|mulig|mogleg|rom for|tema|satt av|sett av|grunnlag)\b`)
	// A negated modal of ability or will: "kan ikke gå med på", "kunne ikke
	// love", "ville ikke", "ønsker ikke", and in a that-clause "at
	// arbeidsgiver ikke kan binde seg". Group 1 is the word before a
	// negation that comes first (the subject in a that-clause), group 2
	// the verb after a modal that comes first.
	negModal = regexp.MustCompile(`(?:\b(\p{L}+)\s+(?:ikke|ikkje)\s+(?:kan|kunne|vil|ville|ønsker|ønsket|ønskjer|ynskjer|har anledning|hadde anledning)\b|\b(?:kan|kunne|vil|ville|ønsker|ønsket|ønskjer|ynskjer)\s+(?:ikke|ikkje)\s+(\p{L}+))`)
	// Verbs after "vil ikke" that make a prediction, not a refusal: "det
	// vil ikke bli nedbemanning".
	notWill   = map[string]bool{"bli": true, "være": true, "vere": true, "verte": true, "føre": true, "få": true}
	agreeCues = []string{"enig i", "samd i", "sa seg enig", "var enig", "er enig", "var samd", "er samd", "støttet", "støtter",
		"støtta", "lovet", "lova", "gikk med på", "gjekk med på", "går med på", "ta dette inn", "tatt inn", "tas inn",
		"bli tatt inn", "bekreftet at", "stadfesta", "vil inngå", "legge fram en slik", "leggjast fram", "legges fram",
		"vil legge fram", "en slik gjennomgang", "ikke er planlagt", "god idé", "god ide", "greitt", "i orden",
		"under arbeid", "villig til", "imøtekom", "til følge", "vil sørge for", "skal sørge for", "lagt til grunn",
		"tatt hensyn til", "tas hensyn til"}
	// acceptCues are the agreeCues that accept or promise, not only confirm.
	acceptCues = []string{"enig", "samd", "støtte", "støtta", "lovet", "lova", "gikk med på", "gjekk med på", "går med på",
		"god idé", "god ide", "greitt", "villig til", "imøtekom", "vil legge fram", "legges fram", "leggjast fram", "vil sørge for"}
	deferCues = []string{"ta stilling", "komme tilbake", "kommer tilbake", "kome tilbake", "kjem tilbake", "bli justert",
		"vil bli vurdert", "skal vurderes", "vil vurdere", "senere", "seinare", "skal drøftes", "må drøftes", "utsatt",
		"med seg", "se på", "sjå på", "må avklares", "må avklarast", "neste møte", "må vente", "vente til"}
	// Subjects of a that-clause that are the employer answering for
	// itself: "svarte at arbeidsgiver ikke kan ...".
	employerSubject = map[string]bool{"arbeidsgiver": true, "arbeidsgivar": true, "etaten": true, "ledelsen": true,
		"direktoratet": true, "vi": true, "hun": true, "han": true, "de": true, "dei": true, "ho": true}
	// A question about how, why, what (after the verb that asks, or
	// opening the sentence): an answer to it informs, unless it refuses.
	whQuestion = regexp.MustCompile(`(?:^|\b(?:spurte|spurde|spør|spørsmål om|lurte på|lurer på|ville vite)\s+(?:også\s+|òg\s+)?)(?:hvordan|hvorfor|hva|hvilke|hvilken|hvem|hvor|når|korleis|kvifor|kva|kven|kor|kvar)\b`)
	// contrast splits an answer into the parts that may answer different
	// points: "ikke aktuelt å øremerke midler, men statistikken vil bli
	// sendt".
	contrast = regexp.MustCompile(`,?\s+(?:men|mens)\s+`)
)

// rejectNotWords and negModalWords are parts of words that rejectNot and
// negModal need, one of each list.
var (
	rejectNotWords = []string{"aktuel", "mulig", "mogleg", "rom for", "tema", "satt av", "sett av", "grunnlag"}
	negModalWords  = []string{"kan", "kunne", "vil", "ønsk", "ynskjer", "anledning"}
)

// refuses reports whether a lower-case answer (or clause) refuses.
func refuses(s string) bool {
	if hasAny(s, rejectCues) {
		return true
	}
	// Quick tests first: each expression needs some of these words.
	if !strings.Contains(s, "ikk") {
		return false // rejectNot and negModal need "ikke" or "ikkje"
	}
	if hasAny(s, rejectNotWords) && rejectNot.MatchString(s) {
		return true
	}
	if !hasAny(s, negModalWords) || !mayNegModal(s) {
		return false
	}
	for m := range submatches(negModal, s) {
		if m[1] == "" {
			if !notWill[m[2]] && !strings.Contains(s, m[0]+" ut over") {
				return true
			}
			continue
		}
		// "midlene ikke kan binde opp kostnader" is a fact, not a refusal:
		// in a that-clause, the subject must be the employer.
		if employerSubject[m[1]] || !strings.Contains(s[:strings.Index(s, m[0])], " at ") {
			return true
		}
	}
	return false
}

// hasAny reports whether s holds any of cues, a list that never changes
// (see cuesOf).
func hasAny(s string, cues []string) bool {
	if len(cues) == 0 {
		return false
	}
	return cuesOf(cues).in(s)
}

// clauseRelation classifies a lower-case answer or part of one.
func clauseRelation(s string) string {
	switch {
	case refuses(s):
		return referat.RelationRejected
	case hasAny(s, agreeCues):
		return referat.RelationAgreed
	case hasAny(s, deferCues):
		return referat.RelationDeferred
	}
	return referat.RelationAnswered
}

// relation classifies the employer's answer (its first statement) to the
// statement at index from (-1: to the exchange as a whole). The kind of
// the answer counts first (an answer that disagrees rejects, one that
// agrees agrees, unless it refuses part), then its words. An answer whose
// parts are set against each other ("X, men Y") answers a statement with
// the part that shares the most words with it, when one part does; a
// question of how, why or what is answered unless the answer refuses.
// Parts are weighed only when split is set (the answer meets several
// statements); for one statement, a partial refusal is a refusal.
func (a *exchanger) relation(stmts []referat.Statement, from int, employer []int, split bool) string {
	if len(employer) == 0 {
		return referat.RelationNoAnswer
	}
	e := stmts[employer[0]]
	s := a.lower(e.Text)
	rel := a.clauseRelation(s)
	switch {
	case e.Kind == "disagreement":
		rel = referat.RelationRejected
	case e.Kind == "agreement" && rel != referat.RelationRejected:
		rel = referat.RelationAgreed
	}
	if from < 0 {
		return rel
	}
	if parts := a.splitContrast(s); split && len(parts) > 1 {
		best, bestN, tie := -1, 0, false
		for k, p := range parts {
			n := a.sharedStems(stmts[from].Text, p)
			switch {
			case n > bestN:
				best, bestN, tie = k, n, false
			case n == bestN && n > 0:
				tie = true
			}
		}
		if best >= 0 && !tie {
			// A part that only informs, set against a part that refuses,
			// grants what it answers: "statistikken vil bli sendt, men ...
			// ikke aktuelt å øremerke midler".
			rel = a.clauseRelation(parts[best])
			if rel == referat.RelationAnswered && a.refuses(s) {
				rel = referat.RelationAgreed
			}
			if best == 0 && e.Kind == "disagreement" {
				rel = referat.RelationRejected
			}
		}
	}
	q := stmts[from]
	if q.Kind == "question" && rel != referat.RelationRejected && mayAskWh(a.lower(q.Text)) {
		rel = referat.RelationAnswered
	}
	// A question whether something is so is answered by confirming it;
	// it is agreed only when the answer accepts or promises.
	if q.Kind == "question" && rel == referat.RelationAgreed && e.Kind != "agreement" && !hasAny(s, acceptCues) {
		rel = referat.RelationAnswered
	}
	return rel
}

// sharedStems counts the content stems two texts share: each stem of y
// takes an equal stem of x, else the first of x's stems, in text order,
// with the same head; a stem of x is taken once. The order makes the
// count the same on every run.
func (a *exchanger) sharedStems(x, y string) int {
	xs := a.contentStems(x)
	taken := a.taken[:0]
	for range xs {
		taken = append(taken, false)
	}
	a.taken = taken
	n := 0
	for _, st := range a.contentStems(y) {
		at := -1
		for i, w := range xs {
			if !taken[i] && w == st {
				at = i
				break
			}
		}
		for i, w := range xs {
			if at < 0 && !taken[i] && sameHead(w, st) {
				at = i
			}
		}
		if at >= 0 {
			taken[at] = true
			n++
		}
	}
	return n
}

// sameHead reports whether one stem ends in the other, of five letters or
// more: "lønnsstatistikk" and "statistikk" name the same thing.
func sameHead(x, y string) bool {
	if len(x) < len(y) {
		x, y = y, x
	}
	return utf8.RuneCountInString(y) >= 5 && strings.HasSuffix(x, y)
}

// splitByRelation makes the exchanges of NTL statements answered by emp:
// one per relation, in the order the statements come.
func (a *exchanger) splitByRelation(stmts []referat.Statement, ntl, emp, others []int) []referat.Exchange {
	var out []referat.Exchange
	at := map[string]int{}
	for _, i := range ntl {
		rel := a.relation(stmts, i, emp, len(ntl) > 1)
		k, ok := at[rel]
		if !ok {
			k = len(out)
			at[rel] = k
			out = append(out, referat.Exchange{NTL: []int{}, Employer: emp, Others: []int{}, Relation: rel})
		}
		out[k].NTL = append(out[k].NTL, i)
	}
	if len(out) > 0 {
		out[len(out)-1].Others = others
	}
	return out
}

// splitContrast is contrast.Split(s, -1), by a scanner (see
// nextContrast).
func splitContrast(s string) []string {
	var out []string
	beg := 0
	for {
		start, end := nextContrast(s, beg)
		if start < 0 {
			return append(out, s[beg:])
		}
		out = append(out, s[beg:start])
		beg = end
	}
}
