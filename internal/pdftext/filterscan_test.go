package pdftext

import (
	"bytes"
	"math/rand"
	"os"
	"testing"
)

// TestIndexPatternMatchesIndex holds indexPattern to bytes.Index: for
// every pattern mayHaveOddFilters and isEncrypted look for, over every test PDF (whole,
// and cut at random places) and over random bytes from a small alphabet
// that spells the patterns' beginnings and the patterns themselves, at
// the start, the end, overlapping and cut short.
func TestIndexPatternMatchesIndex(t *testing.T) {
	pats := []string{"HexDecode", "AHx", "LZW", "RunLength", "A85", "Predictor", "/Encrypt"}
	check := func(t *testing.T, name string, data []byte) {
		t.Helper()
		for _, p := range pats {
			if got, want := indexPattern(data, p), bytes.Index(data, []byte(p)); got != want {
				t.Fatalf("%s: indexPattern(%q) = %d, bytes.Index = %d", name, p, got, want)
			}
		}
	}
	rng := rand.New(rand.NewSource(1))
	for _, file := range testPDFs() {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		check(t, file, data)
		for range 5 {
			i := rng.Intn(len(data) + 1)
			j := i + rng.Intn(len(data)-i+1)
			check(t, file, data[i:j])
		}
	}
	pieces := append([]string{"H", "A", "L", "R", "P", "/", "/E", "/Encryp", "He", "AH", "LZ", "A8", "Pred", "Predicto", "HexDecod", "RunLengt", "x", "\x00", " "}, pats...)
	for n := range 20000 {
		var b []byte
		for range rng.Intn(12) {
			b = append(b, pieces[rng.Intn(len(pieces))]...)
		}
		check(t, "random", b)
		if n == 0 {
			check(t, "empty", nil)
		}
	}
}
