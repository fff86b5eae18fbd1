package analyze

import (
	"reflect"
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
