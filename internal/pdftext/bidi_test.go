package pdftext

import "testing"

// visualGlyphs lays out s left to right, one glyph a character, 5 pt
// each, spaces as space glyphs.
func visualGlyphs(s string) []glyph {
	var gs []glyph
	x := 0.0
	for _, r := range s {
		gs = append(gs, glyph{x: x, y: 700, w: 5, size: 10, s: string(r), known: true})
		x += 5
	}
	return gs
}

func TestBidiLine(t *testing.T) {
	tests := []struct {
		name   string
		visual string // as drawn, left to right
		want   string // as read
	}{
		{name: "Hebrew", visual: ".םכלוכל םולש", want: "שלום לכולכם."},
		{name: "Hebrew with a number", visual: ".2024 תנשב", want: "בשנת 2024."},
		{name: "Hebrew with Latin and a number", visual: "NTL םע 2024-ב השיגפ", want: "פגישה ב-2024 עם NTL"},
		{name: "Arabic", visual: "ءاخإلا حورب", want: "بروح الإخاء"},
		{name: "Norwegian with a Hebrew name", visual: "Møtet i ביבא לת ble avlyst.", want: "Møtet i תל אביב ble avlyst."},
		{name: "a number inside a right-to-left run of a left-to-right line", visual: "ab וה 12 גד cd", want: "ab דג 12 הו cd"},
		{name: "Latin only is not reordered", visual: "abc 123 def", want: "abc 123 def"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, ok := new(lineBuilder).makeLine(1, visualGlyphs(tt.visual))
			if !ok {
				t.Fatal("no line")
			}
			if got := l.Text(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestBidiMarks checks that a vowel sign drawn as a glyph of its own over
// its letter follows that letter in reading order.
func TestBidiMarks(t *testing.T) {
	gs := []glyph{
		{x: 0, y: 700, w: 3, size: 10, s: "ا", known: true},
		{x: 4, y: 702, w: 2, size: 10, s: "\u064B", known: true}, // fathatan over the reh
		{x: 3, y: 700, w: 6, size: 10, s: "ر", known: true},
	}
	l, ok := new(lineBuilder).makeLine(1, gs)
	if want := "رًا"; !ok || l.Text() != want {
		t.Errorf("got %q, want %q", l.Text(), want)
	}
}

// TestBidiOnlyWhenRTL checks the test by which makeLine takes the bidi
// path: lines without right-to-left letters keep the plain one.
func TestBidiOnlyWhenRTL(t *testing.T) {
	for s, want := range map[string]bool{"Møte i NTL": false, "כל": true, "سلام": true, "ﻻ": true, "Ωμέγα": false} {
		got := false
		for _, g := range visualGlyphs(s) {
			got = got || isRTLStart(g.s)
		}
		if got != want {
			t.Errorf("isRTLStart over %q = %v, want %v", s, got, want)
		}
	}
}

// TestBidiShapedGlyph checks that a glyph standing for several
// characters (a shaped Arabic word, as WeasyPrint's habibi.pdf maps it)
// keeps its text as the font gives it: pdftotext reverses it.
func TestBidiShapedGlyph(t *testing.T) {
	gs := []glyph{
		{x: 0, y: 700, w: 20, size: 10, s: "حَبيبي", known: true},
		{x: 22, y: 700, w: 2.5, size: 10, s: " ", known: true},
		{x: 24.5, y: 700, w: 30, size: 10, s: "ﻻ", known: true},
	}
	l, ok := new(lineBuilder).makeLine(1, gs)
	if want := "ﻻ حَبيبي"; !ok || l.Text() != want {
		t.Errorf("got %q, want %q", l.Text(), want)
	}
}
