package ingest

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// prefilterCases returns strings that test the expressions' shortcuts:
// every character below U+0250 and the case-folding ones alone, before
// a page number and before a label, and random mixes of the pieces the
// expressions look for.
func prefilterCases() []string {
	var out []string
	firsts := []string{"ſ", "K", "–", "—", "\u00A0", "\v", "\xff"}
	for c := rune(0); c < 0x250; c++ {
		firsts = append(firsts, string(c))
	}
	for _, f := range firsts {
		out = append(out, f, f+"3", f+" 3", f+"ide 2 av 4", f+"age 2", f+". 2", f+"il stede: Kari", f+"øtende: Ola",
			f+"ato: 1. mars", f+"opi: alle", f+"ted: Oslo", f+"ef.: Per", f+"eder: Kari", f+"id | 10.00")
	}
	pieces := []string{" ", "\t", "\n", "-", "–", "Side", "side", "PAGE", "s.", "ſ.", "3", "12", "av", "of", "/", "Til stede", "tilstede", "Møtende", "Referent", "ref.", ":", "|", "Kopi", "K", "x", "å", "\xff"}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 30000; i++ {
		var b strings.Builder
		for n := rng.Intn(6); n >= 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		out = append(out, b.String())
	}
	return out
}

// TestPrefiltersMatchExpressions holds isPageNumber and matchLabel to
// the expressions they try only when the first character allows.
func TestPrefiltersMatchExpressions(t *testing.T) {
	matched, labels := 0, 0
	for _, s := range prefilterCases() {
		if got, want := isPageNumber(s), pageNumber.MatchString(s); got != want {
			t.Fatalf("isPageNumber(%q) = %v, the expression says %v", s, got, want)
		}
		if got, want := matchLabel(s), attendanceLabel.FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Fatalf("matchLabel(%q) = %q, the expression says %q", s, got, want)
		}
		if pageNumber.MatchString(s) {
			matched++
		}
		if attendanceLabel.MatchString(s) {
			labels++
		}
	}
	if matched < 100 || labels < 100 {
		t.Fatalf("only %d page numbers and %d labels among the cases: the test tests little", matched, labels)
	}
}
