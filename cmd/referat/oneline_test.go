package main

import "testing"

func TestOneLine(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{name: "plain", in: "møte 14.12.pdf", want: "møte 14.12.pdf"},
		{name: "Latin-1", in: "\xe6\xf8\xe5.pdf", want: `\xe6\xf8\xe5.pdf`},
		{name: "newline", in: "to\nlinjer.pdf", want: `to\nlinjer.pdf`},
		{name: "escape sequence", in: "a\x1b[31mb", want: `a\x1b[31mb`},
		{name: "replacement character kept", in: "a\uFFFDb", want: "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := oneLine(tt.in); got != tt.want {
				t.Errorf("oneLine(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
