package analyze

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// TestQuickTests checks that the quick tests pass every text their
// regular expression matches (mayAskWh is whQuestion, the exchanger's
// answersAll is allPoints, submatches is FindAllStringSubmatch), on the
// sentences of the annotated meetings, in lower case and as they stand,
// and on random strings of the words and spaces that matter (and of what
// the guarded expressions match, so that a start left out of a list
// shows); and that they do spare some texts that hold the words they
// look for.
func TestQuickTests(t *testing.T) {
	var texts []string
	for _, text := range goldTexts(t) {
		for _, sp := range Sentences(text) {
			texts = append(texts, text[sp.Start:sp.End], strings.ToLower(text[sp.Start:sp.End]))
		}
	}
	pieces := []string{"begge", "alle", "de", "innspillene", "innspela", "forslagene", "forslaga", "krava", "kravene",
		"punktene", "punkta", "KRAVA", "Punkta", "\u212arava", "innſpela", "FORSLAGA", "InnSpillene", "PİLLENE", "ikke", "ikkje", "ikk", " ", "  ", "\t", "\n", "\v", "\f", "\r", ",", "x", "e", "s", "ø",
		"kan", "kunne", "vil", "ville", "ønsker", "ønsket", "ønskjer", "ynskjer", "har anledning", "hadde anledning", "har",
		"men", "mens", "mener", "sammen", "hv", "hva", "hvordan", "kor", "korleis", "kv", "kva", "når", "nå",
		"spurte", "spør", "spørsmål om", "lurte på", "ville vite", "også", "òg", "vi", "at",
		"bekreftet", "stadfesta", "allerede", "alt", "ba", "be", "om", "krevde", "krav", "kravet", "ingen", "inga", "skal", "skulle",
		"er", "blitt", "tatt noen", "bestemt", "avklart", "avgjort", "besluttet", "vedteke", "vedtatt", "beslutning", "foreløpig",
		"i dag", "no", "ennå", "Nå", "Ikke", "Skal",
		// the other guarded expressions' words, and word characters of \b
		"aktuelt", "mulig", "rom for", "grunnlag for å si", "gis", "dekkes", "innvilges", "bevilges", "det",
		"love", "lova", "lovet", "lover", "lovte", "å", "komme", "tilbake", "før", "må", "får", "avgjøre", "bestemme",
		"drøftes", "gå", "går", "gikk", "imot", "støtte", "være med", "gi", "noe", "svar", "dato", "bad", "ber",
		"1", "_", "Z", "é", "\u00a0",
		// what the guarded expressions match, whole, so that a start left
		// out of a list shows
		"gis ikke", "dekkes det ikke", "innvilges ikke", "bevilges ikkje", "ikke aktuelt", "ikkje noko mogleg",
		"ba om", "bad om", "be om", "ber om", "krevde", "kravde", "kravet om", "krav om", "går imot", "gikk imot",
		"ba om at det ikke", "krevde ingen", "vil ikke støtte", "kan ikkje godta", "ikke vil være med", "kunne ikke gå med",
		"ikke love før", "ikkje lova", "lovet å komme tilbake", "lova å kome tilbake", "lover å komme tilbake",
		"lovte å kome tilbake", "må avgjøre", "skal kommunene bestemme", "får avklare", "skal drøftes", "vil bli drøftes",
		"må drøftast", "grunnlag for å si", "kan ikke gi noe svar", "kunne ikkje gi dato", "ingen skal", "inga skulle",
		"ingen ansatte skal", "skal ikke", "ikkje skulle", "bekreftet at alt", "stadfesta allereie",
		"stadfestet at allerede", "bekrefta alt", "ikke blitt bestemt", "ikkje vorte teke noka avgjerd",
		"alle punkta", "de PUNKTA", "begge punktene", "dei pun\u212ata", "alle Punktene", "de krava", "forslagene"}
	texts = append(texts, randomTexts(rand.New(rand.NewSource(24)), pieces, 100000, 9)...)
	spared := map[string]int{}
	matched := map[*guarded]int{}
	x := exchangers.Get().(*exchanger)
	defer x.release()
	for _, s := range texts {
		if got, want := x.answersAll(s), allPoints.MatchString(s); got != want {
			t.Fatalf("exchanger.answersAll(%q) = %v, allPoints %v", s, got, want)
		}
		if negModal.MatchString(s) && !mayNegModal(s) {
			t.Fatalf("negModal matches %q, mayNegModal is false", s)
		}
		if from := negModalFrom(s); from > 0 {
			if got, want := negModal.FindAllStringSubmatch(s[from:], -1), negModal.FindAllStringSubmatch(s, -1); !reflect.DeepEqual(got, want) {
				t.Fatalf("negModal in %q from %d: %q, in the whole %q", s, from, got, want)
			}
		}
		var all [][]string
		for m := range submatches(negModal, s) {
			all = append(all, m)
		}
		if want := negModal.FindAllStringSubmatch(s, -1); !reflect.DeepEqual(all, want) {
			t.Fatalf("submatches(negModal, %q) = %q, want %q", s, all, want)
		}
		for _, g := range guardedRules {
			if got, want := g.MatchString(s), g.re.MatchString(s); got != want {
				t.Fatalf("guarded %v on %q = %v, the expression %v", g.re, s, got, want)
			}
			if g.MatchString(s) {
				matched[g]++
			}
		}
		if got, want := hasContrast(s), contrast.MatchString(s); got != want {
			t.Fatalf("hasContrast(%q) = %v, contrast %v", s, got, want)
		}
		if got, want := mayAskWh(s), whQuestion.MatchString(s); got != want {
			t.Fatalf("mayAskWh(%q) = %v, whQuestion %v", s, got, want)
		}
		if strings.Contains(s, "ikk") && hasAny(s, negModalWords) && !mayNegModal(s) {
			spared["negModal"]++
		}
		if !hasAny(s, whWords) {
			spared["whQuestion"]++
		}
	}
	for _, g := range guardedRules {
		if matched[g] == 0 {
			t.Errorf("guarded %v: matched no text", g.re)
		}
	}
	for _, name := range []string{"negModal", "whQuestion"} {
		if spared[name] == 0 {
			t.Errorf("%s: no text spared", name)
		}
	}
}

// guardedRules are the guarded expressions TestQuickTests checks.
var guardedRules = []*guarded{alreadyQuick, demandsQuick, promiseNotQuick, notDecidedQuick, forNowQuick,
	rejectNotQuick, demandsNotQuick, notUntilQuick, promiseLaterQuick, deferElsewhereQuick, consultsQuick,
	noGroundToSayQuick, notTellQuick}
