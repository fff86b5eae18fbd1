package pdftext

import "testing"

func TestDecodeTextString(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "UTF-16BE with BOM, surrogate pair", in: "\xfe\xff\xd8\x3c\xdd\xf3\xd8\x3c\xdd\xf4", want: "🇳🇴"},
		{name: "UTF-8 with BOM", in: "\xef\xbb\xbfbl\xc3\xa5", want: "blå"},
		{name: "PDFDocEncoding Latin-1 part", in: "M\xf8te", want: "Møte"},
		{name: "PDFDocEncoding marks", in: "\x84\x85\x93", want: "—–ﬁ"},
		{name: "PDFDocEncoding accents", in: "\x1a", want: "ˆ"},
		{name: "empty", in: "", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := decodeTextString([]byte(tt.in)); got != tt.want {
				t.Errorf("decodeTextString(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDictString(t *testing.T) {
	tests := []struct {
		name string
		dict string
		want string
		ok   bool
	}{
		{name: "literal", dict: "<< /ActualText (fi) >>", want: "fi", ok: true},
		{name: "hex after other keys", dict: "<</Lang (en-US)/MCID 3/ActualText <FEFF0041>>>", want: "\xfe\xff\x00A", ok: true},
		{name: "nested dictionary skipped", dict: "<< /X << /ActualText (no) >> /Y 1 >>", ok: false},
		{name: "a name as a value is no key", dict: "<< /S /ActualText /T (no) >>", ok: false},
		{name: "unterminated", dict: "<< /ActualText (abc", want: "abc", ok: true},
		{name: "not a string", dict: "<< /ActualText 5 >>", ok: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := dictString([]byte(tt.dict), "ActualText")
			if ok != tt.ok || string(got) != tt.want {
				t.Errorf("dictString(%q) = %q, %v; want %q, %v", tt.dict, got, ok, tt.want, tt.ok)
			}
		})
	}
}
