package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ntlnav/referat/internal/norsk"
)

// Agenda numbers are data, not title: "Sak 10/23 Linjevise budsjetter"
// is case number "10/23" with title "Linjevise budsjetter".
var (
	// "Sak 10/23", "Sak nr. 4", "Saksnr. 12/2023:", "Til sak 3:",
	// "Orienteringssak 2", "Drøftingssak 5/21" (bokmål and nynorsk).
	sakNumber = regexp.MustCompile(`(?i)^(?:til\s+)?(?:sak|saksnr\.?|saksnummer|saknr\.?|sak\s+nr\.?|orienteringssak|orienteringssaker|drøftingssak|drøftingssaker|drøftingsak|informasjonssak|beslutningssak|vedtakssak|diskusjonssak)(?:\s+nr\.?)?\s*(\d{1,4}(?:\s*/\s*\d{2,4})?(?:\s*[a-z]\))?)?\s*[:.–-]?\s+(\S.*)$`)
	// "10/23 Title", "10/2023: Title"
	slashNumber = regexp.MustCompile(`^(\d{1,4}\s*/\s*\d{2,4})\s*[:.–-]?\s+(\S.*)$`)
	// "1. Title", "1.2 Title", "2 a) Title", "a) Title", "IV. Title"
	itemNumber = regexp.MustCompile(`^((?:\d{1,2}(?:\.\d{1,2})*\.?)(?:\s*[a-z]\))?|[a-z]\)|[IVX]{1,4}\.)\s+(\S.*)$`)
)

// splitNumber splits an agenda number from the start of a case title.
// The number is returned as printed, without "Sak" and without a final
// colon or full stop; a title that is only a number keeps it as title.
func splitNumber(title string) (number, rest string) {
	title = collapse(title)
	if m := sakNumber.FindStringSubmatch(title); m != nil && startsTitle(m[2]) {
		return cleanNumber(m[1]), m[2]
	}
	if m := slashNumber.FindStringSubmatch(title); m != nil && startsTitle(m[2]) {
		return cleanNumber(m[1]), m[2]
	}
	if m := itemNumber.FindStringSubmatch(title); m != nil && startsTitle(m[2]) && !isDateStart(title) && (strings.ContainsAny(m[1], ".)") || startsWord(m[2])) {
		return cleanNumber(m[1]), m[2]
	}
	return "", title
}

// startsTitle reports whether s opens like a title: a capital letter, a
// digit or a quote, not a lower-case word ("2. kvartal" is no number).
func startsTitle(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("«\"(", r)
}

// startsWord reports whether s opens with a capital letter: after a bare
// number ("2 Budsjett"), a digit is more likely a table of figures.
func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// isDateStart reports whether a title opens with a date ("14. desember").
func isDateStart(s string) bool {
	text, num, iso := scanDates(s)
	_, ok := firstDate(text, num, iso)
	return ok && text.at == 0
}

func cleanNumber(n string) string {
	n = strings.TrimSpace(n)
	n = strings.TrimRight(n, ".:")
	n = strings.ReplaceAll(n, " ", "")
	// "2a)" is printed "2 a)"; keep letter items readable as "2 a".
	n = strings.TrimSuffix(n, ")")
	if len(n) >= 2 {
		last, _ := utf8.DecodeLastRuneInString(n)
		prev, _ := utf8.DecodeLastRuneInString(n[:len(n)-1])
		if unicode.IsLetter(last) && unicode.IsDigit(prev) {
			n = n[:len(n)-1] + " " + string(last)
		}
	}
	return n
}

// isSubitem reports whether a block opens with a sub-item number of the
// current case ("1.2 Label.", "a) Label."), which never starts a case.
func isSubitem(text, number string) bool {
	m := itemNumber.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	n := cleanNumber(m[1])
	if strings.HasPrefix(n, ")") || len(n) == 1 && n[0] >= 'a' && n[0] <= 'z' {
		return true
	}
	return number != "" && strings.HasPrefix(n, number+".") && len(n) > len(number)+1
}

// Decision labels open a paragraph that records what was decided.
var decisionLabel = regexp.MustCompile(`(?i)^(vedtak|konklusjon|konklusjonar|konklusjoner|forslag til vedtak|innstilling|beslutning|avgjerd|avgjørelse)\s*:\s*`)

// agreementStart opens a paragraph that is a decision as a whole.
var agreementStart = regexp.MustCompile(`(?i)^(enighet om at|enige om at|partene er enige om|partane er einige om|semje om at|einigheit om at|einige om at)\b`)

// isDecisionLabel reports whether a bold run or a line is only a decision
// label ("Vedtak:", "Konklusjon"), which never starts a case.
func isDecisionLabel(s string) bool { return isCollapsedDecisionLabel(collapse(s)) }

// isCollapsedDecisionLabel is isDecisionLabel of collapsed text
// (collapse(s) == s).
func isCollapsedDecisionLabel(s string) bool {
	s = strings.TrimSpace(strings.TrimRight(s, ":. "))
	if len(s) > maxDecisionLabel {
		return false // a paragraph: spare copying it for the expression
	}
	loc := decisionLabel.FindStringIndex(s + ": ")
	return loc != nil && loc[1] == len(s)+2
}

// maxDecisionLabel bounds the bytes of a text that isDecisionLabel's
// expression can match whole: s, ending in neither space nor colon,
// followed by ": ", is matched whole only when s is a label, at most 18
// letters of at most 4 bytes each (a letter matches its case-folded
// forms, such as the three-byte Kelvin sign for k).
const maxDecisionLabel = 18 * utf8.UTFMax

// decisionOf returns the decision a case's paragraphs record: the text
// after the first "Vedtak:" or "Konklusjon:" label, up to a sentence in
// which an actor speaks for the record ("NTL fikk protokollført ..."), or
// a whole paragraph that opens with "Enighet om at".
func decisionOf(paragraphs []string) string {
	for _, p := range paragraphs {
		if loc := decisionLabel.FindStringIndex(p); loc != nil {
			return impersonal(strings.TrimSpace(p[loc[1]:]))
		}
		if agreementStart.MatchString(p) {
			return p
		}
	}
	return ""
}

// protocolActors open a sentence that is a party's own remark after a
// decision, not part of it.
var protocolActors = map[string]bool{"ntl": true, "vi": true, "parat": true, "unio": true, "akademikerne": true, "akademikarane": true, "arbeidsgiver": true, "arbeidsgivar": true, "ys": true, "lo": true}

func impersonal(text string) string {
	spans := norsk.Sentences(text)
	for i, sp := range spans {
		if i == 0 {
			continue
		}
		w := strings.ToLower(firstWord(text[sp.Start:sp.End]))
		if protocolActors[w] {
			return strings.TrimSpace(text[:sp.Start])
		}
	}
	return text
}
