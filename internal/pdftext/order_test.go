package pdftext

import (
	"reflect"
	"testing"
)

// words lays out text as glyphs from (x, y), one glyph per rune, each
// 5 points wide at size 10, with spaces as glyphs.
func words(x, y float64, text string) []glyph {
	var gs []glyph
	for _, r := range text {
		gs = append(gs, glyph{x: x, y: y, w: 5, size: 10, s: string(r), known: true})
		x += 5
	}
	return gs
}

func texts(lines []Line) []string {
	var out []string
	for _, l := range lines {
		out = append(out, l.Text())
	}
	return out
}

func TestReadingOrder(t *testing.T) {
	col := "aaaa bbbb cccc dddd eeee ffff" // 29 runes, 145 points
	var twoCols []glyph
	twoCols = append(twoCols, words(50, 800, "Overskrift som går over begge spaltene i bladet")...)
	for i := 0; i < 4; i++ {
		y := 770 - float64(i)*12
		twoCols = append(twoCols, words(50, y, col[:len(col)-1]+string(rune('1'+i)))...)
		twoCols = append(twoCols, words(220, y, col[:len(col)-1]+string(rune('5'+i)))...)
	}
	var table []glyph
	for i, row := range [][2]string{{"Til stede", "Kari Nordmann (NTL)"}, {"Forfall", "Ola Hansen (Parat)"}, {"Referent", "Siv Engen"}, {"Sted", "Møterom 6A"}} {
		y := 700 - float64(i)*12
		table = append(table, words(50, y, row[0])...)
		table = append(table, words(140, y, row[1])...)
	}
	table = append(table, words(50, 650, "Sak 1/23 Budsjett og bemanning i NAV Vest for neste år")...)
	tests := []struct {
		name string
		gs   []glyph
		want []string
	}{{
		name: "two columns under a heading across both",
		gs:   twoCols,
		want: []string{
			"Overskrift som går over begge spaltene i bladet",
			"aaaa bbbb cccc dddd eeee fff1", "aaaa bbbb cccc dddd eeee fff2", "aaaa bbbb cccc dddd eeee fff3", "aaaa bbbb cccc dddd eeee fff4",
			"aaaa bbbb cccc dddd eeee fff5", "aaaa bbbb cccc dddd eeee fff6", "aaaa bbbb cccc dddd eeee fff7", "aaaa bbbb cccc dddd eeee fff8",
		},
	}, {
		name: "table rows stay whole, cells set apart",
		gs:   table,
		want: []string{"Til stede | Kari Nordmann (NTL)", "Forfall | Ola Hansen (Parat)", "Referent | Siv Engen", "Sted | Møterom 6A", "Sak 1/23 Budsjett og bemanning i NAV Vest for neste år"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(buildLines(1, tt.gs, [4]float64{0, 0, 595, 842}))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestRotatedRun(t *testing.T) {
	// "Utkast" drawn upwards at the left edge, beside an upright line.
	gs := words(100, 700, "Referat fra møtet")
	for i, r := range "Utkast" {
		gs = append(gs, glyph{x: 30, y: 400 + float64(i)*5, w: 5, size: 10, s: string(r), known: true, rot: 1})
	}
	got := texts(buildLines(1, gs, [4]float64{0, 0, 595, 842}))
	if want := []string{"Referat fra møtet", "Utkast"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestOverprintAndDoubleLetters(t *testing.T) {
	// "Alle" with its bold faked by drawing every glyph twice, 0.4 pt
	// apart: the copies go, the real double l stays.
	var gs []glyph
	for _, g := range words(100, 700, "Alle") {
		gs = append(gs, g, glyph{x: g.x + 0.4, y: g.y, w: g.w, size: g.size, s: g.s, known: true})
	}
	lines := buildLines(1, gs, [4]float64{0, 0, 595, 842})
	if len(lines) != 1 || lines[0].Text() != "Alle" {
		t.Errorf("got %q", texts(lines))
	}
	if got := texts(buildLines(1, words(100, 700, "Alle"), [4]float64{0, 0, 595, 842})); got[0] != "Alle" {
		t.Errorf("plain: got %q", got)
	}
}
