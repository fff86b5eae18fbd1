package analyze

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ntlnav/referat"
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
	if hasAny(s, rejectNotWords) && rejectNotQuick.MatchString(s) && !(strings.Contains(s, "grunnlag") && noGroundToSayQuick.MatchString(s)) {
		return true
	}
	return hasAny(s, negModalWords) && negModalRefuses(s)
}

// hasAny reports whether s holds any of cues, a list that never changes
// (see cuesOf).
func hasAny(s string, cues []string) bool {
	if len(cues) == 0 {
		return false
	}
	return cuesOf(cues).in(s)
}

// clauseRelation classifies a lower-case answer or part of one by its
// cues: a refusal anywhere refuses; otherwise acceptance or postponement,
// whichever comes first ("det er ikke tatt noen beslutning, og saken skal
// utredes før den legges fram" postpones); acknowledgement and plain
// information are "answered".
func clauseRelation(s string) string {
	if refuses(s) {
		return referat.RelationRejected
	}
	if strings.Contains(s, "tilbake") && promiseLaterQuick.MatchString(s) {
		return referat.RelationDeferred
	}
	switch ag := firstIndex(s, agreeCues); {
	case ag >= 0 && !defers(s[:ag]):
		return referat.RelationAgreed
	case ag >= 0 || defers(s):
		return referat.RelationDeferred
	}
	return referat.RelationAnswered
}

// firstIndex is where the first of cues begins in s, or -1.
func firstIndex(s string, cues []string) int {
	if len(cues) == 0 {
		return -1
	}
	return cuesOf(cues).index(s)
}

// defers reports whether a lower-case answer (or clause) postpones.
func defers(s string) bool {
	return hasAny(s, deferCues) || notDecidedQuick.MatchString(s) ||
		(strings.Contains(s, "avgj") || strings.Contains(s, "bestem") || strings.Contains(s, "avkla")) &&
			deferElsewhereQuick.MatchString(s)
}

// answerRelation classifies an answer of one or more lower-case sentences
// (the first is the answer proper, the rest its speaker going on). A
// refusal anywhere refuses (a partial refusal is a refusal of that part).
// Otherwise the first sentence weighs more: its relation counts when it
// has a cue, the next sentences' only when it has none ("var enig i at
// ... . Hun vil komme tilbake med et forslag." agrees). Within a
// sentence, agreement or acknowledgement set against a postponement ("var
// enig i at X, men fordelingen er ikke bestemt ennå") postpones: the
// stated rule for partial agreement is that the part after "men" decides
// when it refuses or postpones, else the agreement stands. contrasted
// tells whether that rule decided.
func answerRelation(sents []string) (rel string, contrasted bool) {
	var buf [4]string
	rels := buf[:0]
	for _, s := range sents {
		r := clauseRelation(s)
		if r == referat.RelationRejected {
			if forNowThenLater(s) || strings.Contains(s, "før") && notUntilQuick.MatchString(s) {
				return referat.RelationDeferred, true
			}
			return r, false
		}
		rels = append(rels, r)
	}
	for k, s := range sents {
		if parts := contrastParts(s); len(parts) > 1 {
			for _, p := range parts[1:] {
				if defers(p) && !hasAny(p, agreeCues) && clauseRelation(parts[0]) != referat.RelationDeferred {
					return referat.RelationDeferred, true
				}
			}
		}
		if rels[k] != referat.RelationAnswered {
			return rels[k], false
		}
		if hasAny(s, ackCues) {
			return referat.RelationAnswered, false
		}
	}
	return referat.RelationAnswered, false
}

// forNowThenLater reports whether a refusing sentence refuses only for
// now and postpones after "men": "ville ikke love det nå, men vil se på
// saken før budsjettet fordeles".
func forNowThenLater(s string) bool {
	parts := contrastParts(s)
	if len(parts) < 2 || hasAny(s, rejectCues) || !forNowQuick.MatchString(parts[0]) {
		return false
	}
	for _, p := range parts[1:] {
		if defers(p) && !refuses(p) {
			return true
		}
	}
	return false
}

// answerText is the employer's answer to the statement at from: its first
// statement, and the statements right after it that go on with a pronoun
// for the same speaker ("Hun vil komme tilbake ...", "Han viste til ...").
func (a *exchanger) answerText(stmts []referat.Statement, employer []int) []string {
	out := []string{a.lower(stmts[employer[0]].Text)}
	for k := 1; k < len(employer) && employer[k] == employer[k-1]+1; k++ {
		t := a.lower(stmts[employer[k]].Text)
		if !continues(t) {
			break
		}
		out = append(out, t)
	}
	return out
}

// continues reports whether a lower-case sentence opens with a pronoun
// that refers back to the speaker before it.
func continues(s string) bool {
	for _, p := range [...]string{"hun ", "han ", "ho ", "de ", "dei ", "direktøren ", "arbeidsgiver ", "arbeidsgivar "} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// echoes reports whether an answer that refuses only by saying a thing
// is not available or not planned repeats what NTL asked not to happen:
// "NTL vil ikke være med på helgeåpning" - "helgeåpning er ikke aktuelt"
// agrees. The answer must share a content word with the point and hold
// no word of refusal and no negated "kan"/"vil" (which refuses something
// else: "ingen skal sies opp, men kunne ikke garantere ...").
func (a *exchanger) echoes(point string, answer []string) bool {
	if !strings.Contains(point, "ikk") && !strings.Contains(point, "ingen") && !strings.Contains(point, "inga ") &&
		!strings.Contains(point, "imot") {
		return false
	}
	for _, s := range answer {
		if hasAny(s, rejectCues) || negModalRefuses(s) {
			return false
		}
	}
	return demandsNotQuick.MatchString(point) && a.sharedStems(point, answer[0]) > 0
}

// promises reports whether an answer commits, with a negated "skal", to
// what a demand that something not happen asked for: "NTL krevde at ingen
// skal tape fleksitid" - "ingen skal tape timer". Only a demand makes the
// negated "skal" an acceptance; after a concern or a position it informs.
func promises(point string, answer []string) bool {
	a := answer[0]
	return (strings.Contains(point, " om") || strings.Contains(point, "krav") || strings.Contains(point, "krev")) &&
		strings.Contains(a, "skal") && promiseNotQuick.MatchString(a) && demandsQuick.MatchString(point)
}

// negModalRefuses reports whether negModal finds a refusal in s, as
// refuses reads it.
func negModalRefuses(s string) bool {
	from := negModalFrom(s)
	if from < 0 {
		return false // negModal cannot match
	}
	// The matches in s[from:] are those in s (see negModalFrom).
	for m := range submatches(negModal, s[from:]) {
		if m[1] == "" {
			if !notWill[m[2]] && !strings.Contains(s, m[0]+" ut over") && !(m[2] == "gi" && notTellQuick.MatchString(s)) {
				return true
			}
			continue
		}
		// "midlene ikke kan binde opp kostnader" is a fact, not a refusal:
		// in a that-clause, the subject must be the employer, or the verb
		// a passive ("modellen ikke kan endres lokalt").
		at := strings.Index(s, m[0])
		if employerSubject[m[1]] || !strings.Contains(s[:at], " at ") || passiveAfter(s[at+len(m[0]):]) {
			return true
		}
	}
	return false
}

// passiveAfter reports whether the word that opens s is a passive of
// change or granting ("endres", "innfris", "gjennomføres"): "ikke kan
// endres" refuses what the point asked to change.
func passiveAfter(s string) bool {
	w := strings.Fields(s)
	if len(w) == 0 {
		return false
	}
	v := strings.TrimRight(w[0], ".,;:!?")
	return utf8.RuneCountInString(v) >= 5 && (strings.HasSuffix(v, "es") || strings.HasSuffix(v, "ast"))
}

// relation classifies the employer's answer (see answerText) to the
// statement at index from (-1: to the exchange as a whole). The kind of
// the answer counts first (an answer that disagrees rejects, one that
// agrees agrees, unless it refuses or the partial-agreement rule
// postpones), then its words (answerRelation). An answer that refuses a
// negated point by echoing it agrees (echoes). An answer whose parts are
// set against each other ("X, men Y") answers a statement with the part
// that shares the most words with it, when one part does; a question of
// how, why or what is answered unless the answer refuses. Parts are
// weighed only when split is set (the answer meets several statements);
// for one statement, a partial refusal is a refusal.
func (a *exchanger) relation(stmts []referat.Statement, from int, employer []int, split bool) string {
	if len(employer) == 0 {
		return referat.RelationNoAnswer
	}
	ans := a.answerOf(stmts, employer)
	return a.relationTo(stmts, from, &ans, split)
}

// An answer is what relation reads of the employer's answer: the same for
// every point it meets, so it is read once per exchange.
type answer struct {
	sents []string // answerText
	kind  string   // the first statement's kind
	rel   string   // by its words and kind (answerRelation)
	// contrasted tells that the partial-agreement rule decided rel.
	contrasted bool
}

func (a *exchanger) answerOf(stmts []referat.Statement, employer []int) answer {
	ans := answer{sents: a.answerText(stmts, employer), kind: stmts[employer[0]].Kind}
	ans.rel, ans.contrasted = answerRelation(ans.sents)
	switch {
	case ans.kind == "disagreement":
		ans.rel = referat.RelationRejected
	case ans.kind == "agreement" && ans.rel != referat.RelationRejected && !ans.contrasted:
		ans.rel = referat.RelationAgreed
	case ans.rel == referat.RelationAgreed && alreadyQuick.MatchString(ans.sents[0]) && !hasAny(ans.sents[0], acceptCues):
		ans.rel = referat.RelationAnswered
	}
	return ans
}

// relationTo is relation with the answer read.
func (a *exchanger) relationTo(stmts []referat.Statement, from int, ans *answer, split bool) string {
	rel, sents, s := ans.rel, ans.sents, ans.sents[0]
	if from < 0 {
		return rel
	}
	switch rel {
	case referat.RelationRejected:
		if ans.kind != "disagreement" && a.echoes(a.lower(stmts[from].Text), sents) {
			rel = referat.RelationAgreed
		}
	case referat.RelationAnswered:
		if promises(a.lower(stmts[from].Text), sents) {
			rel = referat.RelationAgreed
		}
	case referat.RelationDeferred:
		// Promising the consultation NTL asked for accepts it: "ba om at
		// saken drøftes lokalt" - "skal drøftes i fylkene".
		if strings.Contains(s, "drøft") && strings.Contains(a.lower(stmts[from].Text), "drøft") && consultsQuick.MatchString(s) {
			rel = referat.RelationAgreed
		}
	}
	if split {
		rel = a.weighParts(stmts[from].Text, s, ans.kind, rel)
	}
	q := stmts[from]
	// A question that also asks for something ("spurte hvilke ... og ba om
	// at saken drøftes") is met as the request.
	if q.Kind == "question" && rel != referat.RelationRejected && mayAskWh(a.lower(q.Text)) && !demandsQuick.MatchString(a.lower(q.Text)) {
		rel = referat.RelationAnswered
	}
	// To a question, "det er ikke bestemt" is the answer; to a request it
	// postpones.
	if q.Kind == "question" && rel == referat.RelationDeferred && !hasAny(s, deferCues) && notDecidedQuick.MatchString(s) {
		rel = referat.RelationAnswered
	}
	// A question whether something is so is answered by confirming it;
	// it is agreed only when the answer accepts or promises.
	if q.Kind == "question" && rel == referat.RelationAgreed && ans.kind != "agreement" && !hasAny(s, acceptCues) {
		rel = referat.RelationAnswered
	}
	return rel
}

// weighParts meets a point with the part of an answer "X, men Y" that
// shares the most words with it, when one part does (see relation); rel
// is the relation of the whole answer.
func (a *exchanger) weighParts(point, s, kind, rel string) string {
	parts := contrastParts(s)
	if len(parts) < 2 {
		return rel
	}
	best, bestN, tie := -1, 0, false
	for k, p := range parts {
		n := a.sharedStems(point, p)
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
		rel = clauseRelation(parts[best])
		if rel == referat.RelationAnswered && refuses(s) {
			rel = referat.RelationAgreed
		}
		if best == 0 && kind == "disagreement" {
			rel = referat.RelationRejected
		}
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
	var ans answer
	if len(emp) > 0 {
		ans = a.answerOf(stmts, emp)
	}
	for _, i := range ntl {
		rel := referat.RelationNoAnswer
		if len(emp) > 0 {
			rel = a.relationTo(stmts, i, &ans, len(ntl) > 1)
		}
		// out holds one exchange per relation.
		k := slices.IndexFunc(out, func(e referat.Exchange) bool { return e.Relation == rel })
		if k < 0 {
			k = len(out)
			out = append(out, referat.Exchange{NTL: []int{}, Employer: emp, Others: []int{}, Relation: rel})
		}
		out[k].NTL = append(out[k].NTL, i)
	}
	if len(out) > 0 {
		out[len(out)-1].Others = others
	}
	return out
}

// contrastParts is splitContrast(s) where contrast matches s, else nil
// (where splitContrast gives s alone): the rules use the parts only when
// there are two or more.
func contrastParts(s string) []string {
	if !hasContrast(s) {
		return nil
	}
	return splitContrast(s)
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
