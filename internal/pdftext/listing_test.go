package pdftext

import (
	"reflect"
	"testing"
)

// proportional lays out text as glyphs from (x, y) at size 10 with the
// advances of Helvetica (narrow i, l, t; wide m, w).
func proportional(x, y float64, text string) []glyph {
	widths := map[rune]float64{'i': 2.2, 'l': 2.2, 't': 2.8, 'f': 2.8, 'r': 3.3, 'm': 8.3, 'w': 7.2, ' ': 2.8}
	var gs []glyph
	for _, r := range text {
		w, ok := widths[r]
		if !ok {
			w = 5.6
		}
		gs = append(gs, glyph{x: x, y: y, w: w, size: 10, s: string(r), known: true})
		x += w
	}
	return gs
}

func TestListingLines(t *testing.T) {
	frag := func(gs []glyph) fragment { return newFragment(0, gs) }
	prose := frag(proportional(50, 700, "Arbeidsgiver orienterte om tiltakene"))
	code := frag(words(60, 690, "for _, sak := range saker {")) // every glyph 5 wide: monospaced
	brace := frag(words(60, 680, "}"))
	short := frag(words(60, 670, "x++"))
	guessed := frag(words(60, 660, "for _, sak := range saker {"))
	for i := range guessed.gs {
		guessed.gs[i].known = false
	}
	tests := []struct {
		name  string
		frags []fragment
		want  []bool
	}{
		{name: "prose only", frags: []fragment{prose, prose, prose}, want: nil},
		{name: "a listing in prose: a sure line makes its short lines listing too",
			frags: []fragment{prose, code, brace, short, prose, prose, prose}, want: []bool{false, true, true, true, false, false, false}},
		{name: "short monospaced lines without a sure one are not a listing", frags: []fragment{prose, brace, short, prose}, want: nil},
		{name: "widths that are guesses are no evidence", frags: []fragment{prose, guessed, prose}, want: nil},
		{name: "a page set in a monospaced font has no listing", frags: []fragment{code, code, brace, prose}, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := listingLines(tt.frags); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("listingLines = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestOwnColumns(t *testing.T) {
	// column lays out entries from (x, y) down at pitch, an empty entry a
	// blank line; each entry is a group of its own, numbered from group.
	column := func(x, y, pitch float64, group int, entries ...string) []fragment {
		var out []fragment
		for _, e := range entries {
			if e != "" {
				out = append(out, newFragment(group, words(x, y, e)))
			}
			y -= pitch
			group += 2
		}
		return out
	}
	entries := []string{"Avtale, 7", "AKAN, 3", "", "Drift, 9", "Ferie, 11", "Fullmakt, 2", "Fravær, 8", "Mål, 10", "", "Sak, 3", "Syk, 7", "Turnus, 4"}
	merge := func(a, b []fragment) []fragment { return append(append([]fragment{}, a...), b...) }
	tests := []struct {
		name  string
		frags []fragment
		want  bool
	}{
		{name: "two index columns at their own offsets",
			frags: merge(column(50, 700, 12, 0, entries...), column(300, 694, 12, 1, entries...)), want: true},
		{name: "a label column with its rows far apart (one label over several names)",
			frags: merge(column(50, 700, 48, 0, "Til stede", "Forfall", "Referent", "Sted", "Tid", "Neste", "Kopi", "Vedlegg", "Saker", "Dato"), column(300, 700, 12, 1, entries...)), want: false},
		{name: "labels set one line apart, each beside a value, some values two lines: a table",
			frags: func() []fragment {
				var out []fragment
				labels := []string{"Til stede", "", "Forfall", "Referent", "Sted", "Tid", "", "Neste", "Kopi", "Vedlegg", "Saker", "Dato"}
				for i, l := range labels {
					y := 700 - 12*float64(i)
					if l != "" {
						out = append(out, newFragment(i, words(50, y, l)))
					}
					out = append(out, newFragment(i, words(300, y, "Kari Nordmann")))
				}
				return out
			}(), want: false},
		{name: "too few rows on one side",
			frags: merge(column(50, 700, 12, 0, entries[:5]...), column(300, 694, 12, 1, entries...)), want: false},
		{name: "a side not left aligned (scattered labels of a figure)",
			frags: merge(column(50, 700, 12, 0, entries...), func() []fragment {
				var out []fragment
				for i, e := range entries {
					if e == "" {
						continue
					}
					out = append(out, newFragment(2*i+1, words(250+float64(i%3)*60, 694-12*float64(i), e)))
				}
				return out
			}()), want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ownColumns(sortedTopDown(tt.frags), 240); got != tt.want {
				t.Errorf("ownColumns = %v, want %v", got, tt.want)
			}
		})
	}
}
