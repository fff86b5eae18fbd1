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
// and on random strings of the words and spaces that matter; and that
// they do spare some texts that hold the words they look for.
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
		"i dag", "no", "ennå", "Nå", "Ikke", "Skal"}
	rng := rand.New(rand.NewSource(24))
	for n := 0; n < 100000; n++ {
		var b strings.Builder
		for k := rng.Intn(9); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		texts = append(texts, b.String())
	}
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
var guardedRules = []*guarded{alreadyQuick, demandsQuick, promiseNotQuick, notDecidedQuick, forNowQuick}
