package ingest

import (
	"strings"
	"testing"
)

// isDecisionLabelRE is isDecisionLabel without its length bound.
func isDecisionLabelRE(s string) bool {
	s = strings.TrimSpace(strings.TrimRight(collapse(s), ":. "))
	loc := decisionLabel.FindStringIndex(s + ": ")
	return loc != nil && loc[1] == len(s)+2
}

// TestDecisionLabelBound checks that no text the expression matches whole
// is longer than maxDecisionLabel: every label in its longest case-folded
// form, and texts around them.
func TestDecisionLabelBound(t *testing.T) {
	labels := []string{"vedtak", "konklusjon", "konklusjonar", "konklusjoner", "forslag til vedtak",
		"innstilling", "beslutning", "avgjerd", "avgjørelse"}
	longest := strings.NewReplacer("k", "\u212A", "s", "\u017F", "ø", "Ø", "a", "A")
	for _, l := range labels {
		for _, s := range []string{l, strings.ToUpper(l), longest.Replace(l), longest.Replace(l) + " :. ",
			" " + l + ":", l + " : x", l + l, "\t" + l + "\n", l + strings.Repeat(" ", 100) + ":",
			l + ":" + strings.Repeat(".", 100), strings.Repeat(l+" ", 10)} {
			want := isDecisionLabelRE(s)
			if got := isDecisionLabel(s); got != want {
				t.Errorf("isDecisionLabel(%q) = %v, want %v", s, got, want)
			}
			if c := strings.TrimSpace(strings.TrimRight(collapse(s), ":. ")); want && len(c) > maxDecisionLabel/2 {
				t.Errorf("label %q is %d bytes, near the bound %d", c, len(c), maxDecisionLabel)
			}
		}
	}
}
