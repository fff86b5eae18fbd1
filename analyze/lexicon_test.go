package analyze

import (
	"testing"
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
