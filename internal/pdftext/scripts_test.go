package pdftext

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// sized lays out text like words, at size 10, but at the given size and
// glyph width.
func sized(x, y, size, w float64, text string) []glyph {
	var gs []glyph
	for _, r := range text {
		gs = append(gs, glyph{x: x, y: y, w: w, size: size, s: string(r), known: true})
		x += w
	}
	return gs
}

func TestScripts(t *testing.T) {
	page := [4]float64{0, 0, 595, 842}
	tests := []struct {
		name string
		gs   [][]glyph
		want []string
	}{{
		name: "superscript after a letter joins its line",
		gs:   [][]glyph{words(100, 700, "areal 25 m"), sized(150, 704, 7, 3.5, "2"), words(153.5, 700, " per ansatt")},
		want: []string{"areal 25 m2 per ansatt"},
	}, {
		name: "subscript after a letter joins its line",
		gs:   [][]glyph{words(100, 700, "CO"), sized(110, 697.5, 7, 3.5, "2"), words(113.5, 700, "-utslipp")},
		want: []string{"CO2-utslipp"},
	}, {
		name: "a limit under an operator stays a line of its own",
		gs:   [][]glyph{words(100, 700, "sum Σ x"), sized(125, 694, 7, 3.5, "i=1")},
		want: []string{"sum Σ x", "i=1"},
	}, {
		name: "small text of the same size as its neighbour is no script",
		gs:   [][]glyph{sized(100, 700, 7, 3.5, "fotnote"), sized(124.5, 703, 7, 3.5, "1")},
		want: []string{"1", "fotnote"},
	}, {
		name: "a small line well below is no script",
		gs:   [][]glyph{words(100, 700, "Tekst"), sized(125, 690, 7, 3.5, "merknad")},
		want: []string{"Tekst", "merknad"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var gs []glyph
			for _, g := range tt.gs {
				gs = append(gs, g...)
			}
			if got := texts(buildLines(1, gs, page)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDenseColumns(t *testing.T) {
	page := [4]float64{0, 0, 595, 842}
	var index, attendance, sparse []glyph
	var wantIndex []string
	for i := 0; i < 12; i++ {
		y := 760 - 12*float64(i)
		index = append(index, words(50, y, fmt.Sprintf("venstre %d", i))...)
		index = append(index, words(300, y, fmt.Sprintf("høyre %d", i))...)
		sparse = append(sparse, words(140, y, fmt.Sprintf("Navn Navnesen %d", i))...)
	}
	for i := 0; i < 12; i++ {
		wantIndex = append(wantIndex, fmt.Sprintf("venstre %d", i))
	}
	for i := 0; i < 12; i++ {
		wantIndex = append(wantIndex, fmt.Sprintf("høyre %d", i))
	}
	attendance = append(append(attendance, words(50, 760, "Til stede")...), sparse...)
	attendance = append(attendance, words(50, 760-12*12, "Forfall")...)
	attendance = append(attendance, words(140, 760-12*12, "Ola Hansen")...)
	wantAttendance := []string{"Til stede | Navn Navnesen 0"}
	for i := 1; i < 12; i++ {
		wantAttendance = append(wantAttendance, fmt.Sprintf("Navn Navnesen %d", i))
	}
	wantAttendance = append(wantAttendance, "Forfall | Ola Hansen")
	var grid []glyph
	var wantGrid []string
	for i := 0; i < 12; i++ {
		var cells []string
		for k := 0; k < 6; k++ {
			c := fmt.Sprintf("0x%d%d", i%10, k)
			grid = append(grid, words(50+60*float64(k), 760-17*float64(i), c)...)
			cells = append(cells, c)
		}
		wantGrid = append(wantGrid, strings.Join(cells, CellSeparator))
	}
	tests := []struct {
		name string
		gs   []glyph
		want []string
	}{
		{name: "dense columns of short entries: column by column", gs: index, want: wantIndex},
		{name: "a grid whose rows are set wide apart stays rows", gs: grid, want: wantGrid},
		{name: "labels over many values stay rows", gs: attendance, want: wantAttendance},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := texts(buildLines(1, tt.gs, page)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestSplitBands(t *testing.T) {
	// Two index tables, one above the other, with columns at different
	// places: each is read column by column, the upper one first.
	var gs []glyph
	var want []string
	for table, xs := range [][2]float64{{50, 300}, {100, 270}} {
		top := 760 - 260*float64(table)
		for col, x := range xs {
			for i := 0; i < 10; i++ {
				s := fmt.Sprintf("t%d k%d r%d", table, col, i)
				if table == 1 && col == 0 {
					s += " med en lang tekst"
				}
				gs = append(gs, words(x, top-12*float64(i), s)...)
				want = append(want, s)
			}
		}
	}
	if got := texts(buildLines(1, gs, [4]float64{0, 0, 595, 842})); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}
