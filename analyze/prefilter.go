package analyze

import "strings"

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

// mayContrast reports whether s holds "men" or "mens" with white space
// before and after: what every match of contrast holds.
func mayContrast(s string) bool {
	for i := 1; i < len(s); i++ {
		j := strings.Index(s[i:], "men")
		if j < 0 {
			return false
		}
		i += j
		if !isSpace(s[i-1]) {
			continue
		}
		end := i + len("men")
		if end < len(s) && s[end] == 's' {
			end++
		}
		if end < len(s) && isSpace(s[end]) {
			return true
		}
	}
	return false
}

// whWords are the beginnings of the question words of whQuestion, one of
// which each of its matches holds.
var whWords = []string{"hv", "kv", "kor", "når"}

// mayAskWh reports whether s, in lower case, may be a question of how,
// why or what (whQuestion).
func mayAskWh(s string) bool { return hasAny(s, whWords) && whQuestion.MatchString(s) }
