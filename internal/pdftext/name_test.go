package pdftext

import (
	"bytes"
	"math/rand"
	"testing"
)

// TestNameMatchesWord holds lexer.name to what it read before it looked
// for '#' on its way: the name's bytes as word (or, in a CMap, the loop
// that stops at white space and delimiters only) reads them, unescaped
// when they hold a '#', and the same position after.
func TestNameMatchesWord(t *testing.T) {
	pieces := []string{"F", "1", "#", "#41", "#2", "#zz", " ", "/", "(", "]", "\x00", "\n", "%", "abc", "F930ff416e2fa20e2ceb583d7670964c08b90e0c0", "\xff"}
	rng := rand.New(rand.NewSource(1))
	for range 50000 {
		var b []byte
		for range rng.Intn(6) {
			b = append(b, pieces[rng.Intn(len(pieces))]...)
		}
		for _, cmap := range []bool{false, true} {
			got := lexer{b: b, cmap: cmap}
			var o operand
			got.name(&o)
			// the reference: the name's raw bytes and the end as before
			ref := lexer{b: b, cmap: cmap}
			var raw []byte
			if cmap {
				for ref.pos < len(b) && !endsWord[b[ref.pos]] {
					ref.pos++
				}
				raw = b[:ref.pos]
			} else {
				raw = ref.word()
			}
			want := raw
			if bytes.IndexByte(raw, '#') >= 0 {
				want = []byte(unescapeName(raw))
			}
			if got.pos != ref.pos || !bytes.Equal(got.bytes(&o), want) || o.inScratch != (bytes.IndexByte(raw, '#') >= 0) {
				t.Fatalf("%q (cmap %v): name read %q to %d, want %q to %d", b, cmap, got.bytes(&o), got.pos, want, ref.pos)
			}
		}
	}
}
