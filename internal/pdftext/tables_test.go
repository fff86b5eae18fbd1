package pdftext

import "testing"

// TestLexerTables holds the lookup tables of the lexer and of makeLine
// to the functions they stand for, byte by byte.
func TestLexerTables(t *testing.T) {
	for c := range 256 {
		b := byte(c)
		if white[b] != isWhite(b) {
			t.Errorf("white[%#x] = %v, isWhite %v", b, white[b], isWhite(b))
		}
		v, ok := hexDigit(b)
		if got := hexValue[b]; ok && got != v || !ok && got <= 0xF {
			t.Errorf("hexValue[%#x] = %#x, hexDigit %#x %v", b, got, v, ok)
		}
		// makeLine skips a glyph whose text starts with a plainStart
		// byte: no text that starts so may be an accent or
		// right-to-left.
		if plainStart[b] {
			for _, s := range []string{string([]byte{b}), string([]byte{b, 'a'}), string([]byte{b, 0x80}), string([]byte{b, 0xA0, 0x80})} {
				if mayBeAccent(s) || isRTLStart(s) {
					t.Errorf("plainStart[%#x], but %q may be an accent or right-to-left", b, s)
				}
			}
		} else if b < 0xC4 && b != '`' && b != '^' && b != '~' && b != ' ' {
			t.Errorf("plainStart[%#x] is false", b)
		}
	}
}
