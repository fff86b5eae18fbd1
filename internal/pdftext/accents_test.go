package pdftext

import "testing"

func TestAttachAccents(t *testing.T) {
	g := func(s string, x, w float64) glyph { return glyph{x: x, y: 700, w: w, size: 10, s: s, known: true} }
	tests := []struct {
		name string
		gs   []glyph
		want string
	}{
		{name: "ring drawn after its letter", gs: []glyph{g("f", 0, 3), g("a", 3, 5), g(" \u030A", 4, 3), g("r", 8, 3)}, want: "får"},
		{name: "acute drawn before its letter", gs: []glyph{g(" \u0301", 0.5, 3), g("e", 1, 5)}, want: "é"},
		{name: "no precomposed character: the mark follows", gs: []glyph{g("ı", 0, 3), g(" \u0308", 0, 3)}, want: "ı\u0308"},
		{name: "a backquote beside a letter stays", gs: []glyph{g("`", 0, 3), g("x", 4, 5), g("`", 10, 3)}, want: "`x`"},
		{name: "circumflex modifier over a letter", gs: []glyph{g("o", 0, 5), g("ˆ", 1, 3)}, want: "ô"},
		{name: "an accent over a digit stays", gs: []glyph{g("1", 0, 5), g(" \u0301", 1, 3)}, want: "1 \u0301"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, ok := new(lineBuilder).makeLine(1, tt.gs)
			if !ok || l.Text() != tt.want {
				t.Errorf("got %q, want %q", l.Text(), tt.want)
			}
		})
	}
}
