package pdftext

import (
	"reflect"
	"strings"
	"testing"
)

// prose lays out text as glyphs of a proportional font at size 10: i, l,
// t and spaces narrow, m and w wide, the rest 5 points.
func prose(x, y float64, text string) []glyph {
	var gs []glyph
	for _, r := range text {
		w := 5.0
		switch r {
		case 'i', 'l', 't', ' ', ',', '.':
			w = 2.5
		case 'm', 'w':
			w = 8
		}
		gs = append(gs, glyph{x: x, y: y, w: w, size: 10, s: string(r), known: true})
		x += w
	}
	return gs
}

func TestBoxesOfRunningText(t *testing.T) {
	// A poster: a column of running text at the left, and beside it a
	// panel of two columns; every row shares its baseline with the rows
	// beside it. Each side is running text (long lines), but the right
	// side's lines fill only half of it.
	line := func(tag string) string { return "running text of a poster column " + tag } // 34 runes, 170 points
	var poster []glyph
	var want []string
	for _, col := range []struct {
		x   float64
		tag string
	}{{40, "L"}, {230, "A"}, {420, "B"}} {
		for i := 0; i < 6; i++ {
			text := line(col.tag + string(rune('1'+i)))
			poster = append(poster, words(col.x, 700-float64(i)*12, text)...)
			want = append(want, text)
		}
	}
	// A table whose right column holds long descriptions beside short
	// labels stays rows: the labels are no running text.
	var table []glyph
	var rows []string
	for i, label := range []string{"Sak 1", "Sak 2", "Sak 3", "Sak 4", "Sak 5", "Sak 6"} {
		desc := "budsjett og bemanning i regionen for " + string(rune('a'+i))
		table = append(table, words(40, 700-float64(i)*12, label)...)
		table = append(table, words(120, 700-float64(i)*12, desc)...)
		rows = append(rows, label+" | "+desc)
	}
	// A code listing beside its text, line for line: the listing side is
	// a column of its own.
	var slide []glyph
	var text, code []string
	for i := 0; i < 6; i++ {
		y := 700 - float64(i)*12
		p := "a slide with words set in a proportional font " + string(rune('1'+i))
		c := strings.Repeat(" ", i%3) + "fmt.Println(strings.ToUpper(x" + string(rune('1'+i)) + "))"
		slide = append(slide, prose(40, y, p)...)
		slide = append(slide, words(300, y, c)...)
		text = append(text, p)
		code = append(code, strings.TrimSpace(c))
	}
	tests := []struct {
		name string
		gs   []glyph
		want []string
	}{
		{name: "column beside a panel of two columns", gs: poster, want: want},
		{name: "labels beside long descriptions stay rows", gs: table, want: rows},
		{name: "listing beside its text", gs: slide, want: append(text, code...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(buildLines(1, tt.gs, [4]float64{0, 0, 842, 595}))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}
