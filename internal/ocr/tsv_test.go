package ocr

import (
	"testing"
)

const sampleTSV = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
	"1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n" +
	"4\t1\t1\t1\t1\t0\t250\t261\t1262\t57\t-1\t\n" +
	"5\t1\t1\t1\t1\t1\t250\t262\t136\t44\t96.7\tNytt\n" +
	"5\t1\t1\t1\t1\t2\t409\t261\t88\t45\t93.0\tfra\n" +
	"5\t1\t1\t1\t1\t3\t524\t262\t339\t56\t91.6\tetats-MBA\n" +
	"5\t1\t2\t1\t1\t1\t250\t400\t100\t40\t80\tTo\n" +
	"5\t1\t2\t1\t1\t2\t370\t400\t100\t40\t-1\t \n" +
	"5\t1\t2\t1\t1\t3\t490\t400\t100\t40\t70\tord\n"

func TestTSVToLines(t *testing.T) {
	ws, err := parseTSV([]byte(sampleTSV))
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) != 5 {
		t.Fatalf("%d words, want 5 (blank words dropped)", len(ws))
	}
	scale := 72.0 / 300
	ls, words := lines(3, ws, scale, 842)
	if len(ls) != 2 || len(words) != 5 {
		t.Fatalf("%d lines and %d words, want 2 and 5", len(ls), len(words))
	}
	l := ls[0]
	if l.Text() != "Nytt fra etats-MBA" || l.Page != 3 {
		t.Errorf("first line %q on page %d", l.Text(), l.Page)
	}
	// The baseline is the median bottom (306 px), not the descender's.
	if want := 842 - 306*scale; l.Y < want-0.01 || l.Y > want+0.01 {
		t.Errorf("baseline %.2f, want %.2f", l.Y, want)
	}
	if want := 250 * scale; l.X0 != want || l.X1 != (524+339)*scale {
		t.Errorf("line from %.2f to %.2f", l.X0, l.X1)
	}
	if ls[1].Y >= l.Y {
		t.Errorf("lines not top to bottom: %.1f then %.1f", l.Y, ls[1].Y)
	}
	if words[4].Conf != 70 || words[0].Text != "Nytt" {
		t.Errorf("words: %+v", words)
	}
	if _, err := parseTSV([]byte("h\n5\t1\tx\t1\t1\t1\t1\t1\t1\t1\t1\tord\n")); err == nil {
		t.Error("a bad TSV row was accepted")
	}
}

func TestValidLang(t *testing.T) {
	for _, tt := range []struct {
		lang string
		ok   bool
	}{
		{lang: "nor", ok: true},
		{lang: "nor+eng", ok: true},
		{lang: "chi_sim", ok: true},
		{lang: "", ok: false},
		{lang: "nor eng", ok: false},
		{lang: "nor+", ok: false},
		{lang: "../x", ok: false},
		{lang: "NOR", ok: false},
	} {
		if got := ValidLang(tt.lang); got != tt.ok {
			t.Errorf("ValidLang(%q) = %v, want %v", tt.lang, got, tt.ok)
		}
	}
}
