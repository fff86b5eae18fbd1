package analyze

import (
	"iter"
	"regexp"
	"strings"
)

// Quick tests that spare texts a regular expression of the exchange rules
// where it cannot match: each holds for every text the expression
// matches (TestRefusesAsBefore and TestQuickTests hold them to the
// expressions).

// negModalWords before or after a negation, as negModal has them.
var (
	negModalAfter  = []string{"kan", "kunne", "vil", "ville", "ønsker", "ønsket", "ønskjer", "ynskjer", "har anledning", "hadde anledning"}
	negModalBefore = []string{"kan", "kunne", "vil", "ville", "ønsker", "ønsket", "ønskjer", "ynskjer"}
)

// mayNegModal reports whether s holds "ikke" or "ikkje" between white
// space, with a modal of negModal right after or right before it (white
// space between): what every match of negModal holds.
func mayNegModal(s string) bool { return negModalFrom(s) >= 0 }

// negModalFrom returns where the first match of negModal in s may begin,
// or -1 where there is none (see mayNegModal): the beginning of the run
// of bytes other than white space before the first "ikke" or "ikkje" that
// mayNegModal allows. Every match begins with a word before such a
// negation (white space between), so none begins before; and what stands
// before it is white space or nothing, which \b reads alike: negModal
// finds the same in s[from:] as in s.
func negModalFrom(s string) int {
	i := negModalAt(s)
	if i < 0 {
		return -1
	}
	for i > 0 && isSpace(s[i-1]) {
		i--
	}
	for i > 0 && !isSpace(s[i-1]) {
		i--
	}
	return i
}

// negModalAt returns where the first "ikke" or "ikkje" that mayNegModal
// allows begins, or -1.
func negModalAt(s string) int {
	for i := 1; i < len(s); i++ {
		j := strings.Index(s[i:], "ikk")
		if j < 0 {
			return -1
		}
		i += j
		if !isSpace(s[i-1]) {
			continue
		}
		end := i + len("ikke")
		if strings.HasPrefix(s[i:], "ikkje") {
			end = i + len("ikkje")
		} else if !strings.HasPrefix(s[i:], "ikke") {
			continue
		}
		if end == len(s) || !isSpace(s[end]) {
			continue
		}
		after := skipSpace(s, end)
		for _, m := range negModalAfter {
			if strings.HasPrefix(s[after:], m) {
				return i
			}
		}
		before := i
		for before > 0 && isSpace(s[before-1]) {
			before--
		}
		for _, m := range negModalBefore {
			if strings.HasSuffix(s[:before], m) {
				return i
			}
		}
	}
	return -1
}

// nextContrast returns where the first match of contrast in s[from:]
// starts and ends, or -1, -1: the leftmost "men" or "mens" with white
// space before and after it; the match takes all the white space around
// it (not before from) and a comma right before that.
func nextContrast(s string, from int) (start, end int) {
	for i := from; i < len(s); i++ {
		j := strings.Index(s[i:], "men")
		if j < 0 {
			return -1, -1
		}
		i += j
		p := i
		for p > from && isSpace(s[p-1]) {
			p--
		}
		if p == i {
			continue // no white space before
		}
		e := i + len("men")
		if e < len(s) && s[e] == 's' {
			e++
		}
		if e == len(s) || !isSpace(s[e]) {
			continue
		}
		if p > from && s[p-1] == ',' {
			p--
		}
		return p, skipSpace(s, e)
	}
	return -1, -1
}

// whWords are the beginnings of the question words of whQuestion, one of
// which each of its matches holds.
var whWords = []string{"hv", "kv", "kor", "når"}

// mayAskWh reports whether s, in lower case, may be a question of how,
// why or what (whQuestion).
func mayAskWh(s string) bool { return hasAny(s, whWords) && whQuestion.MatchString(s) }

// submatches yields what re.FindAllStringSubmatch(s, -1) returns, in
// order, but looks only for the first match until the loop asks for a
// second: refuses mostly decides on the first.
func submatches(re *regexp.Regexp, s string) iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		first := re.FindAllStringSubmatch(s, 1)
		if len(first) == 0 || !yield(first[0]) {
			return
		}
		for _, m := range re.FindAllStringSubmatch(s, -1)[1:] {
			if !yield(m) {
				return
			}
		}
	}
}

// A guarded is a regular expression of the exchange rules behind quick
// tests: each of its lists holds a piece of every text the expression
// matches, so a text that holds no piece of one list is spared the
// expression (TestQuickTests holds each to its expression).
//
// With starts, every match of the expression begins with one of them (a
// beginning of the words its alternatives open with) at a word boundary
// (\b, the expression's first assertion in each alternative; no ^ or
// (?m)): the expression is then tried, anchored, only where one of them
// stands after a byte that is not an ASCII letter, digit or '_'. A match
// there is a match of the expression there, since \b sees the same: what
// goes before is no word character in either case. Regexp's unanchored
// search tries every place in turn; most places hold none of the starts.
type guarded struct {
	re     *regexp.Regexp
	need   [][]string // lists that never change (see hasAny)
	starts []string   // a list that never changes, or nil
	anch   *regexp.Regexp
}

// startGuarded returns re behind the quick tests need, tried only where
// one of starts stands (see guarded).
func startGuarded(re *regexp.Regexp, starts []string, need ...[]string) *guarded {
	return &guarded{re: re, need: need, starts: starts, anch: regexp.MustCompile(`^(?:` + re.String() + `)`)}
}

// MatchString is g.re.MatchString(s).
func (g *guarded) MatchString(s string) bool {
	for _, n := range g.need {
		if !hasAny(s, n) {
			return false
		}
	}
	if g.anch == nil {
		return g.re.MatchString(s)
	}
	cs := cuesOf(g.starts)
	for from := 0; from < len(s); {
		i := cs.index(s[from:])
		if i < 0 {
			return false
		}
		at := from + i
		if (at == 0 || !isASCIIWordByte(s[at-1])) && g.anch.MatchString(s[at:]) {
			return true
		}
		from = at + 1
	}
	return false
}

// isASCIIWordByte reports whether c is a word character of \b: an ASCII
// letter or digit, or '_'. The bytes of a rune beyond ASCII are none, as
// the rune is none.
func isASCIIWordByte(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' || c == '_'
}

// The exchange rules' expressions that run on most answers or points,
// each behind the pieces its matches hold.
var (
	// "bekreftet", "bekrefta", "stadfesta", "stadfestet".
	alreadyQuick = startGuarded(alreadyCue, []string{"bekreft", "stadfest"})
	// "om" after white space, or "krev", "krav"; matches begin with "ba",
	// "bad", "be", "ber", "krev", "kravde", "krav".
	demandsQuick = startGuarded(demands, []string{"ba", "be", "krev", "krav"},
		[]string{" om", "\tom", "\nom", "\rom", "\fom", "krev", "krav"})
	// "skal" or "skulle", with "ingen"/"inga" or "ikke"/"ikkje"; matches
	// begin with one of those.
	promiseNotQuick = startGuarded(promiseNot, []string{"ing", "skal", "skul", "ikk"}, []string{"skal", "skul"}, []string{"ing", "ikk"})
	// "ikke"/"ikkje" and a word of deciding.
	notDecidedQuick = startGuarded(notDecided, []string{"ikk"}, []string{"ikk"}, []string{"bestemt", "avklar", "avgjor", "beslut", "vedta", "vedtek", "avgjerd"})
	// The expressions below, each tried where its matches may begin.
	rejectNotQuick      = startGuarded(rejectNot, []string{"ikk", "gis", "dekkes", "innvilges", "bevilges"})
	demandsNotQuick     = startGuarded(demandsNot, []string{"ba", "be", "krev", "krav", "ikk", "vil", "kan", "kun", "gå", "gikk"})
	notUntilQuick       = startGuarded(notUntil, []string{"ikk"})
	promiseLaterQuick   = startGuarded(promiseLater, []string{"lov"})
	deferElsewhereQuick = startGuarded(deferElsewhere, []string{"må", "skal", "får"})
	consultsQuick       = startGuarded(consults, []string{"skal", "vil", "må"})
	noGroundToSayQuick  = startGuarded(noGroundToSay, []string{"grunnlag"})
	notTellQuick        = startGuarded(notTell, []string{"kan", "kun"})
	// "nå", "no", "foreløpig", "ennå", "enno", "i dag".
	forNowQuick = &guarded{re: forNow, need: [][]string{{"nå", "no", "foreløpig", "i dag"}}}
)

// hasContrast is contrast.MatchString(s).
func hasContrast(s string) bool {
	start, _ := nextContrast(s, 0)
	return start >= 0
}
