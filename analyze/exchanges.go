package analyze

import (
	"regexp"
	"strings"

	"github.com/ntlnav/referat"
)

// raises reports whether a statement kind puts something to the other
// side that calls for an answer.
func raises(kind string) bool {
	return kind == "request" || kind == "question"
}

// Exchanges pairs the statements of a case (as Statements returns them,
// in order): each run of NTL statements with the employer statements that
// follow it before NTL speaks again. When the run ends with a request or
// question, earlier statements of the run are paired only when they share
// a content word with the answer; otherwise they are left unanswered. An
// NTL statement that agrees with an employer's proposal just before it,
// with no answer after it, pairs with that proposal. Another union's
// agreement that follows joins the exchange; another union's request or
// question that the employer answers right after makes an exchange of
// its own, while another union's view given before the employer answers
// ("mente derimot at ...") leaves the answer to NTL. Every NTL statement
// is in an exchange.
func (a *exchanger) Exchanges(stmts []referat.Statement) []referat.Exchange {
	var out []referat.Exchange
	n := len(stmts)
	i := 0
	for i < n {
		s := stmts[i]
		switch s.Actor {
		case referat.ActorNTL:
			j := i
			for j+1 < n && stmts[j+1].Actor == referat.ActorNTL {
				j++
			}
			run := seq(i, j+1)
			emp, others, next := a.answer(stmts, j+1, run)
			out = append(out, a.pair(stmts, run, emp, others)...)
			i = next
		case referat.ActorAndre:
			if s.Kind != "agreement" && s.Kind != "explanation" {
				if i+1 < n && stmts[i+1].Actor == referat.ActorArbeidsgiver {
					emp := []int{i + 1}
					out = append(out, referat.Exchange{NTL: []int{}, Employer: emp, Others: []int{i}, Relation: a.relation(stmts, i, emp, false)})
					i += 2
					continue
				}
			}
			i++
		default:
			i++
		}
	}
	return out
}

func seq(from, to int) []int {
	out := make([]int, 0, to-from)
	for k := from; k < to; k++ {
		out = append(out, k)
	}
	return out
}

// answer collects, from statement k on, the employer statements that
// answer the NTL run (up to the next NTL statement) and other unions'
// agreements among them; it returns where to go on.
func (a *exchanger) answer(stmts []referat.Statement, k int, run []int) (emp, others []int, next int) {
	emp, others = []int{}, []int{}
	for ; k < len(stmts) && stmts[k].Actor != referat.ActorNTL; k++ {
		s := stmts[k]
		switch s.Actor {
		case referat.ActorArbeidsgiver:
			if opensDecision(s.Text) {
				return emp, others, k // the meeting's decision, not an answer
			}
			if len(emp) > 0 && emp[len(emp)-1] != k-1 && !a.sharesWords(stmts, run, k) {
				return emp, others, k
			}
			emp = append(emp, k)
		case referat.ActorAndre:
			if s.Kind == "agreement" && (k == run[len(run)-1]+1 || len(emp) > 0 && emp[len(emp)-1] == k-1) &&
				!strings.Contains(a.lower(s.Text), "arbeidsgiv") {
				others = append(others, k)
				continue
			}
			// Another union's request answered right after is its own
			// exchange, unless the answer is plainly about NTL's point. A
			// view it gives before the employer has answered NTL ("mente
			// derimot at ...") takes part in NTL's exchange: the answer
			// that follows meets them both.
			if k+1 < len(stmts) && stmts[k+1].Actor == referat.ActorArbeidsgiver && s.Kind != "agreement" && s.Kind != "explanation" &&
				(len(emp) > 0 || raises(s.Kind) && !a.sharesWords(stmts, run, k+1)) {
				return emp, others, k
			}
		}
	}
	return emp, others, k
}

// pair makes the exchanges of an NTL run and its answer.
func (a *exchanger) pair(stmts []referat.Statement, run, emp, others []int) []referat.Exchange {
	last := run[len(run)-1]
	if len(emp) == 0 {
		// Support for a proposal just made.
		if p := run[0] - 1; len(run) == 1 && p >= 0 && stmts[p].Actor == referat.ActorArbeidsgiver &&
			stmts[run[0]].Kind == "agreement" {
			return []referat.Exchange{{NTL: run, Employer: []int{p}, Others: others, Relation: referat.RelationAgreed}}
		}
		return []referat.Exchange{{NTL: run, Employer: []int{}, Others: others, Relation: referat.RelationNoAnswer}}
	}
	// An answer to all the points ("begge innspillene", "forslagene")
	// pairs with the whole run.
	if a.answersAll(stmts[emp[0]].Text) {
		return a.splitByRelation(stmts, run, emp, others)
	}
	// Support for what the employer just put forward opens the run ("NTL
	// støtter forslaget.", with no "men"): it answers that, and the rest of
	// the run gets the answer that follows.
	if p := run[0] - 1; len(run) > 1 && p >= 0 && stmts[p].Actor == referat.ActorArbeidsgiver &&
		stmts[run[0]].Kind == "agreement" && !hasContrast(stmts[run[0]].Text) {
		head := referat.Exchange{NTL: run[:1], Employer: []int{p}, Others: []int{}, Relation: referat.RelationAgreed}
		return append([]referat.Exchange{head}, a.pair(stmts, run[1:], emp, others)...)
	}
	if !raises(stmts[last].Kind) && !anyConcern(stmts, run[:len(run)-1]) {
		return a.splitByRelation(stmts, run, emp, others)
	}
	var out []referat.Exchange
	answered := []int{}
	for _, i := range run[:len(run)-1] {
		ok := !raises(stmts[last].Kind) && stmts[i].Kind != "concern"
		for _, j := range emp {
			ok = ok || a.shareStems(stmts[i].Text, stmts[j].Text)
		}
		if ok {
			answered = append(answered, i)
		} else {
			out = append(out, referat.Exchange{NTL: []int{i}, Employer: []int{}, Others: []int{}, Relation: referat.RelationNoAnswer})
		}
	}
	answered = append(answered, last)
	return append(out, a.splitByRelation(stmts, answered, emp, others)...)
}

// decisionLabels open the impersonal record of what a meeting decided
// ("Konklusjon: HAMU ber om ...", "Vedtak: ..."): it may name the
// employer, but it answers nobody.
var decisionLabels = [...]string{"Konklusjon:", "Vedtak:", "Beslutning:", "Konklusjon/vedtak:", "Vedtak/konklusjon:"}

// opensDecision reports whether sentence s opens with a decision label.
func opensDecision(s string) bool {
	for _, l := range decisionLabels {
		if strings.HasPrefix(s, l) {
			return true
		}
	}
	return false
}

// sharesWords reports whether statement k shares a content word with any
// statement of run.
func (a *exchanger) sharesWords(stmts []referat.Statement, run []int, k int) bool {
	for _, i := range run {
		if a.shareStems(stmts[i].Text, stmts[k].Text) {
			return true
		}
	}
	return false
}

// shareStems reports whether two sentences share a content stem (or a
// compound's head: "lønnsstatistikken", "statistikken"): not a stop word,
// a number, a word of under four letters, or a word that names an actor
// or marks speech.
func (a *exchanger) shareStems(x, y string) bool {
	return a.sharedStems(x, y) > 0
}

func (a *exchanger) contentStems(s string) []string {
	if st, ok := a.stems[s]; ok {
		return st // worked out before in this case
	}
	ct := a.split(s, false)
	defer ct.release()
	return a.keepStems(s, ct.toks)
}

// commonWords are stems so frequent in minutes that sharing them says
// nothing about what answers what.
var commonWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("ansatt sak etat nav kontor arbeid grunn viktig mange flere også bruker brukern") {
		m[w] = true
	}
	return m
}()

// allPoints are words by which an answer takes up every point put to it.
var allPoints = regexp.MustCompile(`(?i)\b(?:begge|alle|dei|de)\s+(?:innspillene|innspela|forslagene|forslaga|krava|kravene|punktene|punkta)\b|\b(?:innspillene|forslagene|kravene|innspela|forslaga|krava)\b`)

// answersAll reports whether an answer takes up all the points before it.
func answersAll(s string) bool { return mayAnswerAll(s) && allPoints.MatchString(s) }

// mayAnswerAll reports whether s holds, in any case, a part of each word
// allPoints needs (krava, kravene; punktene, punkta; innspillene;
// innspela; forslagene, forslaga): a quick test that spares most answers
// the regular expression. The parts leave out k and s, which (?i) also
// matches to the Kelvin sign and the long s, and are long enough that
// "krav" and "forslag" alone do not pass.
func mayAnswerAll(s string) bool {
	for _, part := range allPointsParts {
		if containsFoldASCII(s, part) {
			return true
		}
	}
	return false
}

var allPointsParts = []string{"rava", "raven", "pun", "pillen", "pela", "lagen", "laga"}

// allPointsLower are allPointsParts for a text in lower case (see
// exchanger.answersAll), where the Kelvin sign is k already: "punkten"
// and "punkta" instead of "pun", which every "punkt" holds.
var allPointsLower = []string{"rava", "raven", "punkten", "punkta", "pillen", "pela", "lagen", "laga"}

// containsFoldASCII reports whether s holds part, a lower-case ASCII
// word, in upper or lower case.
func containsFoldASCII(s, part string) bool {
	for i := 0; i+len(part) <= len(s); i++ {
		k := 0
		for k < len(part) && (s[i+k] == part[k] || s[i+k] == part[k]-'a'+'A') {
			k++
		}
		if k == len(part) {
			return true
		}
	}
	return false
}

func anyConcern(stmts []referat.Statement, run []int) bool {
	for _, i := range run {
		if stmts[i].Kind == "concern" {
			return true
		}
	}
	return false
}
