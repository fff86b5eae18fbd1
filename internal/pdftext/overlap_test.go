package pdftext

import (
	"reflect"
	"testing"
)

func TestOverlappingLines(t *testing.T) {
	// A program's output laid over the end of the code line that prints
	// it, 1.6 points lower: two lines, not one of interleaved letters.
	over := append(words(100, 700, "fmt.Println(buf)"), words(161.5, 698.4, "Hello GPU")...)
	// The same two lines side by side do not overlap and stay one line.
	beside := append(words(100, 700, "fmt.Println(buf)"), words(200, 698.4, "Hello GPU")...)
	// A shadow drawn half a point off its text is not a second line.
	var shadow []glyph
	for _, g := range words(100, 700, "Tittel") {
		shadow = append(shadow, glyph{x: g.x + 0.5, y: g.y - 0.5, w: g.w, size: g.size, s: g.s, known: true}, g)
	}
	tests := []struct {
		name string
		gs   []glyph
		want []string
	}{
		{name: "overlapping", gs: over, want: []string{"fmt.Println(buf)", "Hello GPU"}},
		{name: "side by side", gs: beside, want: []string{"fmt.Println(buf) Hello GPU"}},
		{name: "shadow", gs: shadow, want: []string{"Tittel"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := texts(buildLines(1, tt.gs, [4]float64{0, 0, 595, 842})); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
