package ingest

import (
	"strings"
	"testing"
)

// TestCollapseMatchesFields checks collapse's shortcut for text that is
// already collapsed against what strings.Fields and Join give.
func TestCollapseMatchesFields(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "a b", "a  b", " a", "a ", "æ ø å", "Økonomi og budsjett",
		"æ\u00a0ø", "a\tb", "a\nb", "a\u2003b", "x\u0085y", "\xff \xfe", "ab cd ef",
	} {
		if got, want := collapse(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapse(%q) = %q, want %q", s, got, want)
		}
	}
}
