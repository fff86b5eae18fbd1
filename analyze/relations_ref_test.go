package analyze

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// refusesBefore is refuses as it was before its quick test for "ikk":
// the reference TestRefusesAsBefore holds it to.
func refusesBefore(s string) bool {
	return containsAny(s, rejectCues) || rejectNot.MatchString(s) && !noGroundToSay.MatchString(s) || negModalRefusesBefore(s)
}

// negModalRefusesBefore is negModalRefuses as it was before its quick
// test and submatches.
func negModalRefusesBefore(s string) bool {
	for _, m := range negModal.FindAllStringSubmatch(s, -1) {
		if m[1] == "" {
			if !notWill[m[2]] && !strings.Contains(s, m[0]+" ut over") && !(m[2] == "gi" && notTell.MatchString(s)) {
				return true
			}
			continue
		}
		at := strings.Index(s, m[0])
		if employerSubject[m[1]] || !strings.Contains(s[:at], " at ") || passiveAfter(s[at+len(m[0]):]) {
			return true
		}
	}
	return false
}

// TestRefusesAsBefore checks refuses against refusesBefore, answersAll
// against allPoints alone and splitContrast against contrast.Split, on the employers' statements of the
// annotated meetings and on random strings of the words that matter.
func TestRefusesAsBefore(t *testing.T) {
	var texts []string
	for _, text := range goldTexts(t) {
		for _, sp := range Sentences(text) {
			texts = append(texts, text[sp.Start:sp.End], strings.ToLower(text[sp.Start:sp.End]))
		}
	}
	rng := rand.New(rand.NewSource(4))
	pieces := []string{"ikke", "ikkje", "ikk", " ", "  ", "kan", "vil", "ønsker", "aktuelt", "rom for", "vi", "at", "ut over",
		"begge", "alle", "de", "dei", "innspillene", "innspela", "forslagene", "forslaga", "krava", "kravene", "punktene", "punkta",
		"KRAVA", "Punkta", "\u212arava", "innſpela", "FORSLAGA", "InnSpillene", "x", ",", ".",
		"mulig", "tema", "grunnlag", "satt av", "aktuell", "kunne", "ville", "ønsket", "ynskjer", "har anledning", "men", "mens", ", men ", "direktøren",
		"gis", "dekkes", "behov for", "planlagt", "gi", "noen dato", "svar", "si", "innvilges",
		"\t", "\n", "\f", "\v", "\r", " ,", ",,", "mener", "s", " men\t"}
	for n := 0; n < 100000; n++ {
		var b strings.Builder
		for k := rng.Intn(10); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if got, want := refuses(s), refusesBefore(s); got != want {
			t.Fatalf("refuses(%q) = %v, want %v", s, got, want)
		}
		if got, want := answersAll(s), allPoints.MatchString(s); got != want {
			t.Fatalf("answersAll(%q) = %v, want %v", s, got, want)
		}
		if got, want := splitContrast(s), contrast.Split(s, -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("splitContrast(%q) = %q, want %q", s, got, want)
		}
	}
}
