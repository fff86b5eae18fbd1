package analyze

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// TestExchangerStems checks what Case's exchanges rest on: the content
// stems of each statement taken from the case's one split are those of
// the statement split alone, every statement is found among the
// sentences, and the exchanges are those Exchanges gives from the
// statements alone.
func TestExchangerStems(t *testing.T) {
	a := New(nil, Options{})
	for _, text := range goldTexts(t) {
		ct := a.split(text, true)
		stmts := a.statements(ct)
		x := exchangers.Get().(*exchanger)
		x.Analyzer = a
		if n := x.seed(stmts, ct); n != len(stmts) {
			t.Fatalf("%q: %d of %d statements seeded", text, n, len(stmts))
		}
		for _, st := range stmts {
			alone := a.split(st.Text, false)
			var want []string
			for _, tk := range alone.toks {
				if !tk.part && tk.w.is(contentWord) {
					want = append(want, tk.w.stem)
				}
			}
			alone.release()
			if got := x.stems[st.Text]; len(got)+len(want) > 0 && !reflect.DeepEqual(got, want) {
				t.Errorf("statement %q: stems %q, alone %q", st.Text, got, want)
			}
		}
		x.release()
		if got, want := a.exchanges(stmts, ct), a.Exchanges(stmts); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: exchanges\n%v\nalone\n%v", text, got, want)
		}
		ct.release()
	}
}

// TestToLowerIsStrings checks toLower against strings.ToLower on the
// annotated texts and on random strings of ASCII, Norwegian and other
// letters that change in lower case, and bytes that are not UTF-8.
func TestToLowerIsStrings(t *testing.T) {
	texts := goldTexts(t)
	pieces := []string{"A", "z", "Æ", "ø", "Å", "İ", "\u212a", "ẞ", "Σ", "ǅ", "\xff", "\xed\xa0\x80", "\xc3", " ", "NTL", "Ab"}
	texts = append(texts, randomTexts(rand.New(rand.NewSource(9)), pieces, 50000, 8)...)
	for _, s := range texts {
		if got, want := toLower(s), strings.ToLower(s); got != want {
			t.Fatalf("toLower(%q) = %q, want %q", s, got, want)
		}
	}
}
