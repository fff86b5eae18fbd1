package analyze

import (
	"slices"
	"testing"
)

func TestSplitCompound(t *testing.T) {
	vocab := map[string]bool{"lønn": true, "forhandling": true, "handling": true, "budsjett": true,
		"notat": true, "syk": true, "fravær": true, "oppfølging": true, "sykefravær": true, "arbeid": true,
		"miljø": true, "utvalg": true, "arbeidsmiljø": true, "sak": true, "behandling": true}
	known := func(s string) bool { return vocab[s] }
	tests := []struct {
		stem string
		want []string
	}{
		{stem: "budsjettnotat", want: []string{"budsjett", "notat"}},
		{stem: "lønnsforhandling", want: []string{"lønn", "forhandling"}},                            // linking -s-, not "lønnsfor|handling"
		{stem: "sykefraværsoppfølging", want: []string{"syk", "fravær", "sykefravær", "oppfølging"}}, // head split again, -e- and -s-
		{stem: "arbeidsmiljøutvalg", want: []string{"arbeid", "miljø", "arbeidsmiljø", "utvalg"}},
		{stem: "saksbehandling", want: []string{"sak", "behandling"}},
		{stem: "forhandling", want: nil}, // "for" is not known: no compound
		{stem: "budsjett", want: nil},    // a known stem alone
		{stem: "lønnsnotatx", want: nil}, // the tail is not known
		{stem: "xyznotat", want: nil},    // the head is not known
	}
	for _, tt := range tests {
		t.Run(tt.stem, func(t *testing.T) {
			got := splitCompound(tt.stem, known)
			if len(got) == 0 && len(tt.want) == 0 {
				return
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("splitCompound(%q) = %q, want %q", tt.stem, got, tt.want)
			}
		})
	}
}
