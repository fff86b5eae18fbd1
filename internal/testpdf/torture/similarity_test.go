package main

import (
	"math"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/ntlnav/referat/internal/textsim"
)

func TestWords(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{name: "punctuation and case", text: "«Hei», sa NTL. (Ja!)", want: []string{"hei", "sa", "ntl", "ja"}},
		{name: "line-end hyphen", text: "organisa-\nsjonen og NAV-\nKontor", want: []string{"organisasjonen", "og", "nav", "kontor"}},
		{name: "ligature", text: "\ufb01nne", want: []string{"finne"}},
		{name: "CJK one word a character", text: "人人生而自由，ok", want: []string{"人", "人", "生", "而", "自", "由", "ok"}},
		{name: "bidi marks and soft hyphens", text: "\u202bכל בני\u202c organi\u00adsasjon", want: []string{"כל", "בני", "organisasjon"}},
		{name: "an embedding between two runs separates them", text: "\u202b\u202a habibi\u202cحبيبي\u202c", want: []string{"habibi", "حبيبي"}},
		{name: "minus sign and hyphens are hyphen-minus", text: "dim Bn\u22121 a\u2010b c\u2011d", want: []string{"dim", "bn-1", "a-b", "c-d"}},
		{name: "symbols only", text: "— • 12", want: []string{"12"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Words(tt.text)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Words(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// naiveLCS is the textbook dynamic programme.
func naiveLCS(a, b []string) int {
	prev := make([]int, len(b)+1)
	for i := range a {
		cur := make([]int, len(b)+1)
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] > cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev = cur
	}
	return prev[len(b)]
}

func TestLCSMatchesDynamicProgramme(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	vocab := []string{"a", "b", "c", "d", "e"}
	for k := 0; k < 300; k++ {
		a := make([]string, rng.Intn(150))
		b := make([]string, rng.Intn(150))
		for i := range a {
			a[i] = vocab[rng.Intn(len(vocab))]
		}
		for i := range b {
			b[i] = vocab[rng.Intn(len(vocab))]
		}
		if got, want := textsim.LCS(a, b), naiveLCS(a, b); got != want {
			t.Fatalf("lcs(%v, %v) = %d, want %d", a, b, got, want)
		}
	}
}

func TestSimilarityCatchesInterleavedColumns(t *testing.T) {
	var left, right []string
	for i := 0; i < 30; i++ {
		left = append(left, "venstre spalte linje nummer "+strings.Repeat("v", i%7+1)+" om budsjett")
		right = append(right, "høyre spalte har andre ord "+strings.Repeat("h", i%5+1)+" om bemanning")
	}
	reading := Words(strings.Join(append(append([]string{}, left...), right...), "\n"))
	var mixed []string
	for i := range left {
		mixed = append(mixed, left[i]+" "+right[i])
	}
	interleaved := Words(strings.Join(mixed, "\n"))
	sim, bag := Similarity(interleaved, reading), BagF1(interleaved, reading)
	if bag != 1 {
		t.Errorf("BagF1 = %v, want 1 (same words)", bag)
	}
	if sim > 0.75 {
		t.Errorf("Similarity of interleaved columns = %.2f, want <= 0.75", sim)
	}
	if s := Similarity(reading, reading); s != 1 {
		t.Errorf("Similarity of a text to itself = %v, want 1", s)
	}
	if s := Similarity(Words("helt andre ord her"), reading); math.Abs(s) > 0.05 {
		t.Errorf("Similarity of unrelated text = %.2f, want about 0", s)
	}
}

func TestFamily(t *testing.T) {
	tests := []struct{ producer, creator, want string }{
		{producer: "pdfTeX-1.40.23", creator: "LaTeX with hyperref", want: "pdfTeX"},
		{producer: "LibreOffice 7.4", creator: "Writer", want: "LibreOffice"},
		{producer: "Microsoft® Word for Microsoft 365", want: "Microsoft Word"},
		{producer: "Skia/PDF m120", creator: "Chromium", want: "Chromium/Skia"},
		{producer: "pdfcpu v0.1.25", creator: "FrameMaker 7.2", want: "Adobe"},
		{producer: "pdfcpu v0.8.1 dev", want: "pdfcpu"},
		{producer: "GPL Ghostscript 10.0", want: "Ghostscript"},
		{producer: "ReportLab PDF Library - www.reportlab.com", want: "reportlab"},
		{producer: "Something Else 1.0", want: "other"},
		{want: "unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.producer+"|"+tt.creator, func(t *testing.T) {
			if got := Family(tt.producer, tt.creator); got != tt.want {
				t.Errorf("Family(%q, %q) = %q, want %q", tt.producer, tt.creator, got, tt.want)
			}
		})
	}
}
