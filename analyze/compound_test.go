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

func TestBatchOf(t *testing.T) {
	tests := []struct{ name, want string }{
		{name: "a6-2021-04-22-fylkes-mba", want: "a6"},
		{name: "t4-2016-06-16-etats-mba", want: "t4"},
		{name: "2023-09-21-hamu", want: ""},
		{name: "seed-000", want: ""},
		{name: "2019-12-12", want: ""},
	}
	for _, tt := range tests {
		if got := BatchOf(tt.name); got != tt.want {
			t.Errorf("BatchOf(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
