package analyze

import (
	"math/rand"
	"strings"
	"testing"
)

// containsAny is hasAny as it was before cueSet: the reference
// TestCueSetIsContains holds it to.
func containsAny(s string, cues []string) bool {
	for _, c := range cues {
		if strings.Contains(s, c) {
			return true
		}
	}
	return false
}

// firstIndexBefore is firstIndex as it was before cueSet.index: the least
// strings.Index of any cue.
func firstIndexBefore(s string, cues []string) int {
	at := -1
	for _, c := range cues {
		if i := strings.Index(s, c); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at
}

// TestCueSetIsContains checks hasAny against a strings.Contains per cue
// (and firstIndex against the least strings.Index),
// for every cue list of the exchange rules (and lists with cues of one
// byte and none), on the sentences of the annotated meetings in lower
// case and as they stand, and on random strings of the cues' pieces.
func TestCueSetIsContains(t *testing.T) {
	lists := map[string][]string{"rejectCues": rejectCues, "agreeCues": agreeCues, "acceptCues": acceptCues,
		"deferCues": deferCues, "rejectNotWords": rejectNotWords, "negModalWords": negModalWords,
		"short": {"ab", "x", "ø"}, "empty": {"zz", ""}}
	var texts []string
	for _, text := range goldTexts(t) {
		for _, sp := range Sentences(text) {
			texts = append(texts, text[sp.Start:sp.End], strings.ToLower(text[sp.Start:sp.End]))
		}
	}
	var pieces []string
	for _, l := range lists {
		for _, c := range l {
			pieces = append(pieces, c, c[:len(c)/2], c[len(c)/2:])
		}
	}
	pieces = append(pieces, " ", "e", "s", "æ", "\xc3", "x")
	texts = append(texts, randomTexts(rand.New(rand.NewSource(14)), pieces, 50000, 8)...)
	found := map[string]int{}
	for name, l := range lists {
		for _, s := range texts {
			got, want := hasAny(s, l), containsAny(s, l)
			if got != want {
				t.Fatalf("hasAny(%q, %s) = %v, want %v", s, name, got, want)
			}
			if got, want := firstIndex(s, l), firstIndexBefore(s, l); got != want {
				t.Fatalf("firstIndex(%q, %s) = %d, want %d", s, name, got, want)
			}
			if got {
				found[name]++
			}
		}
	}
	for name := range lists {
		if found[name] == 0 || found[name] == len(texts) && name != "empty" {
			t.Errorf("%s: found in %d of %d texts: the test does not tell", name, found[name], len(texts))
		}
	}
	if hasAny("abc", nil) {
		t.Error("hasAny with no cues is true")
	}
}

// BenchmarkHasAny matches the exchange rules' cue lists against the
// sentences of the annotated meetings in lower case: by cueSet, and by a
// strings.Contains per cue.
func BenchmarkHasAny(b *testing.B) {
	gold, err := LoadGold("../testdata/samples", "../testdata/meetings", "../testdata/annotated/train")
	if err != nil || len(gold) == 0 {
		b.Fatalf("no annotated meetings: %v", err)
	}
	var texts []string
	for _, m := range gold {
		for _, c := range m.Cases {
			text := strings.Join(c.Paragraphs, "\n\n")
			for _, sp := range Sentences(text) {
				texts = append(texts, strings.ToLower(text[sp.Start:sp.End]))
			}
		}
	}
	lists := [][]string{rejectCues, agreeCues, deferCues, acceptCues}
	for _, f := range []struct {
		name string
		has  func(string, []string) bool
	}{{"cueSet", hasAny}, {"contains", containsAny}} {
		b.Run(f.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				for _, s := range texts {
					for _, l := range lists {
						f.has(s, l)
					}
				}
			}
		})
	}
}
