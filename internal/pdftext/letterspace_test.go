package pdftext

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// spacedLine lays out text as glyphs from (x, y) at size: each rune half
// a font size wide, letter em apart within a word; between words a space
// glyph (a quarter em wide, letter em before and after it, as Tc draws
// it) when spaces is true, else a gap of word em. kern lists, by rune
// index, extra em added to the gap before that rune (a kerned pair).
func spacedLine(x, y, size, letter, word float64, spaces bool, text string, kern map[int]float64) []glyph {
	var gs []glyph
	for i, w := range strings.Fields(text) {
		if i > 0 {
			if spaces {
				gs = append(gs, glyph{x: x, y: y, w: size / 4, size: size, s: " ", known: true})
				x += size/4 + letter*size
			} else {
				x += (word - letter) * size
			}
		}
		for _, r := range w {
			x += kern[len(gs)] * size
			gs = append(gs, glyph{x: x, y: y, w: size / 2, size: size, s: string(r), known: true})
			x += size/2 + letter*size
		}
	}
	return gs
}

// overprinted draws every glyph of gs a second time, 0.2 points to the
// right, as a poor man's bold.
func overprinted(gs []glyph) []glyph {
	var out []glyph
	for _, g := range gs {
		c := g
		c.x += 0.2
		out = append(out, g, c)
	}
	return out
}

func TestLetterSpacing(t *testing.T) {
	box := [4]float64{0, 0, 595, 842}
	tests := []struct {
		name string
		gs   []glyph
		want []string
	}{
		{name: "CSS letter-spacing 0.3 em with space glyphs (Chromium, Word)",
			gs:   spacedLine(50, 700, 14, 0.3, 0, true, "REFERAT FRA ETATS-MBA", nil),
			want: []string{"REFERAT FRA ETATS-MBA"}},
		{name: "a kerned pair inside a letter-spaced word",
			gs:   spacedLine(50, 700, 14, 0.3, 0, true, "REFERAT FRA MØTET", map[int]float64{5: -0.08, 6: -0.08}),
			want: []string{"REFERAT FRA MØTET"}},
		{name: "a letter-spaced heading in poor man's bold (every glyph drawn twice)",
			gs:   overprinted(spacedLine(50, 700, 14, 0.3, 0, true, "REFERAT FRA MØTET", nil)),
			want: []string{"REFERAT FRA MØTET"}},
		{name: "letters spaced by TJ, words wider apart, no space glyphs (TeX's \\so)",
			gs:   spacedLine(50, 700, 11, 0.25, 0.8, false, "NTL mener at budsjettet er stramt", nil),
			want: []string{"NTL mener at budsjettet er stramt"}},
		{name: "letter spacing narrower than a word gap: words as before",
			gs:   spacedLine(50, 700, 11, 0.15, 0, true, "Møtet ble holdt i Oslo", nil),
			want: []string{"Møtet ble holdt i Oslo"}},
		{name: "ordinary words placed apart without space glyphs, one-letter words among them",
			gs:   spacedLine(50, 700, 11, 0, 0.33, false, "I am a B", nil),
			want: []string{"I am a B"}},
		{name: "a formula placed apart keeps its spaces",
			gs:   spacedLine(50, 700, 11, 0, 0.33, false, "x = a + b", nil),
			want: []string{"x = a + b"}},
		{name: "digits placed apart keep their spaces",
			gs:   spacedLine(50, 700, 11, 0, 0.33, false, "1 2 3 4", nil),
			want: []string{"1 2 3 4"}},
		{name: "a letter-spaced heading wrapped before its year",
			gs: append(spacedLine(50, 700, 18, 0.3, 0, true, "NYTT FRA MBA", nil),
				spacedLine(50, 676, 18, 0.3, 0, true, "2024", nil)...),
			want: []string{"NYTT FRA MBA", "2024"}},
		{name: "digits under a letter-spaced heading of another size stay apart",
			gs: append(spacedLine(50, 700, 18, 0.3, 0, true, "NYTT FRA MBA", nil),
				spacedLine(50, 676, 11, 0, 0.3, false, "1 2 3 4", nil)...),
			want: []string{"NYTT FRA MBA", "1 2 3 4"}},
		{name: "digits after a formula stay apart",
			gs: append(spacedLine(50, 700, 11, 0, 0.33, false, "x = a + b", nil),
				spacedLine(50, 680, 11, 0, 0.33, false, "1 2 3 4", nil)...),
			want: []string{"x = a + b", "1 2 3 4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := texts(buildLines(1, tt.gs, box)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestLetterSpacedChromium reads a page Chromium printed from
// testdata/letterspaced.html (a meeting report whose headings are set
// with CSS letter-spacing and text-transform: uppercase; the command is
// in testdata/README.md): its headings must read as words.
func TestLetterSpacedChromium(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "letterspaced.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("testdata", "letterspaced.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(t.Context(), data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := docText(doc); got != foldLines(string(want)) {
		t.Errorf("got:\n%s\nwant:\n%s", got, foldLines(string(want)))
	}
}
