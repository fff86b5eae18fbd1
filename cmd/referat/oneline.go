package main

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// oneLine returns s fit for one line of a terminal or a log: control
// characters (a newline in a file name) escaped as Go does (\n, \t,
// \x1b), bytes that are not UTF-8 (a Latin-1 name) as \xNN, and the rest
// as it is.
func oneLine(s string) string {
	clean := true
	for i, r := range s {
		if r == utf8.RuneError || unicode.IsControl(r) {
			_, size := utf8.DecodeRuneInString(s[i:])
			clean = clean && r == utf8.RuneError && size > 1
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unicode.IsControl(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
