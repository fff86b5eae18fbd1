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
		"\x7f", "a\x7f b", "\v", "a\vb", "\xc2\x85", "\xc2", " \xc2\xa0 a\u3000b\u200bc ",
		"ab  cd", "abc ", "abc\x01d e", "Sak 12/24 Vedtak: ok.", "a!~\x7f b\x80c",
	} {
		if got, want := collapse(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapse(%q) = %q, want %q", s, got, want)
		}
		if got, want := isCollapsed(s), strings.Join(strings.Fields(s), " ") == s; got != want {
			t.Errorf("isCollapsed(%q) = %v, want %v", s, got, want)
		}
		if got, want := wordCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
		}
	}
}

// FuzzCollapse holds collapse and wordCount to strings.Fields.
func FuzzCollapse(f *testing.F) {
	f.Add("a  b\u00a0c\xff")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapse(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapse(%q) = %q, want %q", s, got, want)
		}
		if got, want := isCollapsed(s), strings.Join(strings.Fields(s), " ") == s; got != want {
			t.Errorf("isCollapsed(%q) = %v, want %v", s, got, want)
		}
		if got, want := wordCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
		}
	})
}
