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
func mayNegModal(s string) bool {
	for i := 1; i < len(s); i++ {
		j := strings.Index(s[i:], "ikk")
		if j < 0 {
			return false
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
				return true
			}
		}
		before := i
		for before > 0 && isSpace(s[before-1]) {
			before--
		}
		for _, m := range negModalBefore {
			if strings.HasSuffix(s[:before], m) {
				return true
			}
		}
	}
	return false
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
type guarded struct {
	re   *regexp.Regexp
	need [][]string // lists that never change (see hasAny)
}

// MatchString is g.re.MatchString(s).
func (g *guarded) MatchString(s string) bool {
	for _, n := range g.need {
		if !hasAny(s, n) {
			return false
		}
	}
	return g.re.MatchString(s)
}

// The exchange rules' expressions that run on most answers or points,
// each behind the pieces its matches hold.
var (
	// "bekreftet", "bekrefta", "stadfesta", "stadfestet".
	alreadyQuick = &guarded{re: alreadyCue, need: [][]string{{"bekreft", "stadfest"}}}
	// "om" after white space, or "krev", "krav".
	demandsQuick = &guarded{re: demands, need: [][]string{{" om", "\tom", "\nom", "\rom", "\fom", "krev", "krav"}}}
	// "skal" or "skulle", with "ingen"/"inga" or "ikke"/"ikkje".
	promiseNotQuick = &guarded{re: promiseNot, need: [][]string{{"skal", "skul"}, {"ing", "ikk"}}}
	// "ikke"/"ikkje" and a word of deciding.
	notDecidedQuick = &guarded{re: notDecided, need: [][]string{{"ikk"}, {"bestemt", "avklar", "avgjor", "beslut", "vedta", "vedtek", "avgjerd"}}}
	// "nå", "no", "foreløpig", "ennå", "enno", "i dag".
	forNowQuick = &guarded{re: forNow, need: [][]string{{"nå", "no", "foreløpig", "i dag"}}}
)

// hasContrast is contrast.MatchString(s).
func hasContrast(s string) bool {
	start, _ := nextContrast(s, 0)
	return start >= 0
}
