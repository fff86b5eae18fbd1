package pdftext

import (
	"bytes"
	"testing"
)

// TestReadCIDWidths checks the /W arrays' two forms, a CID given twice
// (the last width wins), CIDs beyond the pages and negative ones.
func TestReadCIDWidths(t *testing.T) {
	tests := []struct {
		name string
		w    string
		want map[int]float64
	}{
		{name: "list", w: "[1 [500 600] 300 [250]]", want: map[int]float64{1: 500, 2: 600, 300: 250}},
		{name: "range", w: "[10 12 700]", want: map[int]float64{10: 700, 11: 700, 12: 700}},
		{name: "given twice", w: "[10 12 700 11 [400]]", want: map[int]float64{10: 700, 11: 400, 12: 700}},
		{name: "page edges", w: "[255 256 1000 65535 65536 2]", want: map[int]float64{255: 1000, 256: 1000, 65535: 2, 65536: 2}},
		{name: "negative", w: "[-1 [5] 0 [6]]", want: map[int]float64{-1: 5, 0: 6}},
		{name: "unfinished", w: "[1 2]", want: map[int]float64{}},
		{name: "empty", w: "[]", want: map[int]float64{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			b.WriteString("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /W " + tt.w + " >>\nendobj\n")
			b.WriteString("2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n")
			data, err := rebuildXref(b.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			r, err := newReader(data)
			if err != nil {
				t.Fatal(err)
			}
			m := readCIDWidths(r.Trailer().Key("Root").Key("W"))
			if m.n != len(tt.want) {
				t.Errorf("%d CIDs with a width, want %d", m.n, len(tt.want))
			}
			for cid, w := range tt.want {
				if got, ok := m.get(cid); !ok || got != w {
					t.Errorf("width of CID %d: %v, %v; want %v", cid, got, ok, w)
				}
			}
			for _, cid := range []int{-2, 3, 9, 13, 257, 65537, 1 << 20} {
				if _, in := tt.want[cid]; in {
					continue
				}
				if got, ok := m.get(cid); ok {
					t.Errorf("CID %d has width %v, want none", cid, got)
				}
			}
		})
	}
}
