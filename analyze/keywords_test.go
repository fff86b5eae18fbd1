package analyze

import (
	"fmt"
	"math/rand"
	"reflect"
	"sort"
	"testing"
)

// keywordsBefore is Keywords as it was before stems were numbered: a map
// of counts, sorted. TestKeywordsAsBefore holds Keywords to it.
func keywordsBefore(a *Analyzer, title, text string) []string {
	counts := map[string]int{}
	for k, s := range []string{title, text} {
		ct := a.split(s, false)
		for _, t := range ct.toks {
			if !t.part && t.w.is(keywordWord) {
				counts[t.w.stem] += 2 - k
			}
		}
		ct.release()
	}
	var stems []string
	for st := range counts {
		stems = append(stems, st)
	}
	sort.Slice(stems, func(i, j int) bool {
		x, y := stems[i], stems[j]
		return counts[x] > counts[y] || counts[x] == counts[y] && x < y
	})
	return stems[:min(len(stems), a.opts.Keywords)]
}

// TestKeywordsAsBefore checks Keywords against keywordsBefore on the
// annotated cases: the first half with stems numbered, the second half
// with the numbers run out (new stems counted by the map), then all
// again, both kinds mixed.
func TestKeywordsAsBefore(t *testing.T) {
	texts := goldTexts(t)
	a := New(nil, Options{})
	for round := 0; round < 3; round++ {
		if round == 1 {
			// Use up the numbers: the stems met from now on have none.
			a.stemIDs.mu.Lock()
			for len(a.stemIDs.m) < maxLexicon {
				a.stemIDs.m[fmt.Sprint("#", len(a.stemIDs.m))] = int32(len(a.stemIDs.m))
			}
			a.stemIDs.mu.Unlock()
		}
		for i := 0; i+1 < len(texts); i += 2 {
			if round == 0 && i >= len(texts)/2 || round == 1 && i < len(texts)/2 {
				continue
			}
			got, want := a.Keywords(texts[i], texts[i+1]), keywordsBefore(a, texts[i], texts[i+1])
			if len(got)+len(want) > 0 && !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d, %q: keywords %q, want %q", round, texts[i], got, want)
			}
		}
	}
	unnumbered := 0
	a.lex.mu.Lock()
	for _, w := range a.lex.dirty {
		if w.stemID < 0 {
			unnumbered++
		}
	}
	a.lex.mu.Unlock()
	if m := a.lex.read.Load(); m != nil {
		for _, w := range *m {
			if w.stemID < 0 {
				unnumbered++
			}
		}
	}
	if unnumbered == 0 {
		t.Error("no word without a stem number: the map was not tried")
	}
}

// TestPrefixKeyOrder checks that prefixKey orders strings as < does
// wherever the keys differ, on the stems of the annotated texts, pairs
// that differ only past eight bytes or by a zero byte, and random bytes.
func TestPrefixKeyOrder(t *testing.T) {
	a := New(nil, Options{})
	var xs []string
	for _, text := range goldTexts(t) {
		xs = append(xs, a.Stems(text)...)
	}
	xs = append(xs, "", "a", "a\x00", "ab", "abcdefgh", "abcdefghi", "abcdefgj", "\xff", "ø", "å", "z")
	rng := rand.New(rand.NewSource(3))
	for n := 0; n < 2000; n++ {
		b := make([]byte, rng.Intn(11))
		for i := range b {
			b[i] = "a\x00\xffz"[rng.Intn(4)]
		}
		xs = append(xs, string(b))
	}
	differ := 0
	for i, x := range xs {
		for _, y := range xs[max(0, i-50):i] {
			kx, ky := prefixKey(x), prefixKey(y)
			if kx != ky {
				differ++
				if (kx < ky) != (x < y) {
					t.Fatalf("prefixKey(%q) %x, prefixKey(%q) %x: not in the strings' order", x, kx, y, ky)
				}
			}
		}
	}
	if differ == 0 {
		t.Fatal("no keys differ")
	}
}
