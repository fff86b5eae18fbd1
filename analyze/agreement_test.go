package analyze

import (
	"path/filepath"
	"testing"
)

// TestAnnotatorAgreement compares the held-out sets' topics with a second,
// blind annotation of the same cases (testdata/agreement: another
// annotator saw only FORMAT.md's topic list and each meeting's titles and
// paragraphs, never the first annotation nor any program output). It says
// how well defined the topics are: the program's held-out figures are to
// be read against this ceiling, not against 1.0. Measured at the first
// run: P 0.951, R 0.955, F1 0.953 over 122 cases (second annotator scored
// against the first). With heldout5 to heldout8, second-annotated blind
// in wave 11 by two more annotators: P 0.955, R 0.966, F1 0.961 over 310
// cases (heldout5 1.000, heldout6 0.964, heldout7 0.950, heldout8 0.957,
// where the program scores 0.81-0.87: the gap is the program's, not the
// topics' definition). The test fails when a held-out meeting's cases no
// longer match their second annotation, or agreement falls below 0.9
// (an annotation edited without the other).
func TestAnnotatorAgreement(t *testing.T) {
	var all PRF
	cases := 0
	for _, set := range []string{"heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8"} {
		first, err := LoadGold(filepath.Join("../testdata/annotated", set))
		if err != nil {
			t.Fatal(err)
		}
		second, err := LoadGold(filepath.Join("../testdata/agreement", set))
		if err != nil {
			t.Fatal(err)
		}
		if len(first) == 0 || len(first) != len(second) {
			t.Fatalf("%s: %d meetings, %d second annotations", set, len(first), len(second))
		}
		var s PRF
		for i, m := range first {
			o := second[i]
			if o.ID != m.ID || len(o.Cases) != len(m.Cases) {
				t.Fatalf("%s: meeting %s (%d cases) has second annotation %s (%d cases)", set, m.ID, len(m.Cases), o.ID, len(o.Cases))
			}
			for k, c := range m.Cases {
				if o.Cases[k].Title != c.Title {
					t.Fatalf("%s %s case %d: title %q, second annotation's %q", set, m.ID, k, c.Title, o.Cases[k].Title)
				}
				s.add(topicAgreement(c.Topics, o.Cases[k].Topics))
				cases++
			}
		}
		t.Logf("%s: second annotator against the first: %v", set, s)
		all.add(s)
	}
	t.Logf("all held-out sets, %d cases: %v", cases, all)
	if all.F1() < 0.9 {
		t.Errorf("annotators agree at F1 %.3f, want >= 0.9: %v", all.F1(), all)
	}
}

// topicAgreement counts the topics of got against those of want.
func topicAgreement(want, got []string) PRF {
	w := map[string]bool{}
	for _, t := range want {
		w[t] = true
	}
	var s PRF
	for _, t := range got {
		if w[t] {
			s.TP++
			delete(w, t)
		} else {
			s.FP++
		}
	}
	s.FN = len(w)
	return s
}
