package pdftext

import (
	"strings"
	"testing"
)

// TestPredefinedCMaps splits shown strings by the codespace of predefined
// CMaps and decodes them to text.
func TestPredefinedCMaps(t *testing.T) {
	tests := []struct {
		cmap  string
		shown string
		want  string
	}{
		{cmap: "UniJIS-UCS2-H", shown: "\x30\x59\x4e\xba", want: "す人"},
		{cmap: "UniGB-UTF16-H", shown: "\x4e\x2d\xd8\x3d\xde\x00", want: "中😀"},
		{cmap: "UniKS-UTF8-H", shown: "a\xed\x95\x9c", want: "a한"},
		{cmap: "UniCNS-UTF32-H", shown: "\x00\x00\x4e\x2d", want: "中"},
		{cmap: "90ms-RKSJ-H", shown: "A\x93\xfa\x96\x7b\xb1", want: "A日本ｱ"},
		{cmap: "EUC-H", shown: "\xc6\xfc1", want: "日1"},
		{cmap: "H", shown: "\x46\x7c", want: "日"},
		{cmap: "GBK-EUC-H", shown: "\xd6\xd0a", want: "中a"},
		{cmap: "ETen-B5-H", shown: "\xa4\xa4", want: "中"},
		{cmap: "KSCms-UHC-H", shown: "\xc7\xd1", want: "한"},
	}
	for _, tt := range tests {
		t.Run(tt.cmap, func(t *testing.T) {
			e := predefinedCMap(tt.cmap)
			var b strings.Builder
			for _, c := range e.split([]byte(tt.shown), nil) {
				s, ok := e.text(c)
				if !ok {
					s = "\uFFFD"
				}
				b.WriteString(s)
			}
			if b.String() != tt.want {
				t.Errorf("got %q, want %q", b.String(), tt.want)
			}
		})
	}
}

// TestEmbeddedCMap reads an embedded CMap with one- and two-byte
// codespace ranges and maps its codes to CIDs.
func TestEmbeddedCMap(t *testing.T) {
	e := &cidEncoding{cidChar: map[int]int{}}
	e.parse([]byte(`/CIDInit /ProcSet findresource begin 12 dict begin begincmap
2 begincodespacerange <00> <7F> <8000> <FFFF> endcodespacerange
1 begincidrange <00> <7F> 0 endcidrange
1 begincidchar <8004> 300 endcidchar
endcmap end end`))
	codes := e.split([]byte("A\x80\x04B"), nil)
	var cids []int
	for _, c := range codes {
		cid, ok := e.cid(c)
		if !ok {
			t.Fatalf("code %x has no CID", c)
		}
		cids = append(cids, cid)
	}
	if len(cids) != 3 || cids[0] != 'A' || cids[1] != 300 || cids[2] != 'B' {
		t.Errorf("got CIDs %v, want [65 300 66]", cids)
	}
}
