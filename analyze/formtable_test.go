package analyze

import (
	"encoding/binary"
	"math/rand"
	"strings"
	"testing"
)

// TestKeyOf checks keyOf against the key made of the form's bytes, padded
// with zeros, its length in the last: for every length, on random bytes.
func TestKeyOf(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	for n := 0; n < 20000; n++ {
		b := make([]byte, 1+n%maxTableForm)
		for i := range b {
			b[i] = byte(rng.Intn(256))
		}
		raw := string(b)
		var k [16]byte
		copy(k[:maxTableForm], raw)
		k[maxTableForm] = byte(len(raw))
		want := formKey{lo: binary.LittleEndian.Uint64(k[:8]), hi: binary.LittleEndian.Uint64(k[8:])}
		if got := keyOf(raw); got != want {
			t.Fatalf("keyOf(%q) = %x, want %x", raw, got, want)
		}
	}
}

// TestFormTable checks that a formTable gives each form of 1 to 15 bytes
// of its map the map's word, and nothing for forms it does not hold:
// longer ones, those of another length that share its bytes ("ab" and
// "ab\x00"), and others.
func TestFormTable(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	m := map[string]*word{}
	var absent []string
	alphabet := "abcdeæøå\x00 -"
	for len(m) < 5000 {
		var b strings.Builder
		for k := 1 + rng.Intn(17); k > 0; k-- {
			b.WriteByte(alphabet[rng.Intn(len(alphabet))])
		}
		f := b.String()
		if rng.Intn(4) == 0 {
			absent = append(absent, f)
			continue
		}
		m[f] = &word{text: f}
	}
	absent = append(absent, "ab", "ab\x00", strings.Repeat("a", 15), strings.Repeat("a", 16))
	tab := newFormTable(m)
	held := 0
	for f, w := range m {
		got := tab.get(f[:min(len(f), maxTableForm)])
		switch {
		case len(f) <= maxTableForm && got != w:
			t.Fatalf("get(%q) = %v, want the map's word", f, got)
		case len(f) > maxTableForm && got != nil && got.text != f[:maxTableForm]:
			t.Fatalf("get(%q) = %q, a longer form's word", f[:maxTableForm], got.text)
		}
		if len(f) <= maxTableForm {
			held++
		}
	}
	for _, f := range absent {
		if _, ok := m[f]; ok || len(f) > maxTableForm {
			continue
		}
		if got := tab.get(f); got != nil {
			t.Fatalf("get(%q) = %q, a form the map does not hold", f, got.text)
		}
	}
	if held < 1000 {
		t.Fatalf("only %d forms held", held)
	}
}
