package analyze

import (
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/ntlnav/referat/internal/norsk"
)

// TestShortForms checks the lexicon's table of forms of one and two
// bytes: each holds the word the map holds for the form (the one word
// analysis uses for it), and the forms of other lengths are not in it.
func TestShortForms(t *testing.T) {
	a := New(nil, Options{})
	forms := []string{"i", "I", "og", "Og", "å", "ø", "av", "3", "%", "\xff", "på", "til", "NTL"}
	for _, text := range goldTexts(t) {
		for _, tk := range Tokens(text) {
			forms = append(forms, text[tk.Start:tk.End])
		}
	}
	short := 0
	for _, f := range forms {
		w := a.word(f)
		if w.text != lower(f) {
			t.Fatalf("word(%q) is %q", f, w.text)
		}
		a.lex.mu.Lock()
		inMap, ok := a.lex.dirty[f]
		a.lex.mu.Unlock()
		if !ok {
			inMap = (*a.lex.read.Load())[f]
		}
		if inMap != w {
			t.Fatalf("word(%q) is not the word the map holds", f)
		}
		if n := len(f); n == 1 || n == 2 {
			short++
			if got := a.lex.short[shortIndex(f)].Load(); got != w {
				t.Fatalf("short table for %q holds %v, want the map's word", f, got)
			}
		}
	}
	if short == 0 {
		t.Fatal("no short form")
	}
}

// TestWordModelsAndTerms checks two shortcuts of newWord against what
// they spare, on every word of the annotated meetings and on random
// compounds of the taxonomy's terms: a word's numbers and compound parts
// in the sentence model, taken from the case model's when both weigh the
// same stems, are the sentence model's own; and the terms matcher.compute
// finds, looking up only parts whose first two bytes begin a term, are
// those of every part looked up (computeAll).
func TestWordModelsAndTerms(t *testing.T) {
	a := New(nil, Options{})
	if !a.sameStems {
		t.Fatal("the built-in sentence and case models weigh different stems")
	}
	var forms []string
	for _, text := range goldTexts(t) {
		for _, tk := range Tokens(text) {
			forms = append(forms, strings.ToLower(tk.Text))
		}
	}
	var terms []string
	for term := range a.terms.partial {
		terms = append(terms, term)
	}
	slices.Sort(terms)
	pieces := append(terms, "s", "e", "en", "ene", "ing", "a", "ø", "æ", "x", "lønns", "syke")
	rng := rand.New(rand.NewSource(7))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := 1 + rng.Intn(3); k > 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		forms = append(forms, b.String())
	}
	compounds, found := 0, 0
	for _, f := range forms {
		w := a.word(f)
		if w.is(keywordWord) {
			if id, parts := a.sent.id(w.stem), a.sent.parts(w.stem); w.sentID != id || !slices.Equal(w.sentParts(), parts) {
				t.Fatalf("%q: sentence model %d %v, want %d %v", f, w.sentID, w.sentParts(), id, parts)
			}
			if len(w.sentParts()) > 0 {
				compounds++
			}
		}
		got, want := a.terms.compute(f), a.terms.computeAll(f)
		if !slices.Equal(got, want) {
			t.Fatalf("compute(%q) = %v, every part looked up %v", f, got, want)
		}
		found += len(got)
	}
	if compounds == 0 || found == 0 {
		t.Fatalf("%d compounds, %d terms found: the test tests nothing", compounds, found)
	}
}

// computeAll is matcher.compute as it was, looking up every part.
func (m *matcher) computeAll(w string) []termRef {
	var refs []termRef
	for _, r := range m.forms[w] {
		refs = appendRef(refs, r)
	}
	for _, r := range m.exact[m.stem.Stem(w)] {
		refs = appendRef(refs, r)
	}
	for _, r := range m.exact[w] {
		refs = appendRef(refs, r)
	}
	var at []int
	for i := range w {
		at = append(at, i)
	}
	at = append(at, len(w))
	runes := len(at) - 1
	for ki := 0; ki < runes; ki++ {
		if ki > 0 && ki < 3 {
			continue
		}
		for ji := ki + minPart; ji <= runes; ji++ {
			part := w[at[ki]:at[ji]]
			rs, ok := m.partial[part]
			if !ok {
				continue
			}
			rest := w[at[ji]:]
			restRunes := runes - ji
			long := ji-ki >= 5
			okRest := norsk.IsInflection(rest) ||
				(restRunes >= 3 && (rest[0] == 's' || rest[0] == 'e')) ||
				(long && restRunes >= 3)
			if ki > 0 && !long {
				okRest = okRest && norsk.IsInflection(rest)
			}
			if okRest {
				for _, r := range rs {
					refs = appendRef(refs, r)
				}
			}
		}
	}
	return refs
}
