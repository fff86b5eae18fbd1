package pdftext

import "github.com/ledongthuc/pdf"

// readCIDWidths reads the /W array of a CIDFont (§9.7.4.3); a CID
// given twice has the width given last.
func readCIDWidths(w pdf.Value) *cidWidths {
	m := new(cidWidths)
	n := w.Len()
	for i := 0; i < n; {
		first := int(w.Index(i).Int64())
		if i+1 >= n {
			break
		}
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for k := 0; k < next.Len() && k < 65536; k++ {
				m.set(first+k, next.Index(k).Float64())
			}
			i += 2
			continue
		}
		if i+2 >= n {
			break
		}
		last := int(next.Int64())
		width := w.Index(i + 2).Float64()
		for c := first; c <= last && c-first < 65536; c++ {
			m.set(c, width)
		}
		i += 3
	}
	return m
}

// cidWidths holds a Type 0 font's widths by CID: those of CIDs below
// 1<<16 in pages of 256 CIDs, made as they are needed, the others in a
// map. A map of every CID (a /W array often gives thousands) was most
// of what reading a Type 0 font allocated, and two lookups per glyph.
type cidWidths struct {
	pages [256]*cidWidthPage
	other map[int]float64
	n     int // CIDs with a width
}

type cidWidthPage struct {
	w   [256]float64
	has [256]bool
}

func (m *cidWidths) set(cid int, w float64) {
	if cid < 0 || cid >= 1<<16 {
		if m.other == nil {
			m.other = map[int]float64{}
		}
		if _, ok := m.other[cid]; !ok {
			m.n++
		}
		m.other[cid] = w
		return
	}
	p := m.pages[cid>>8]
	if p == nil {
		p = new(cidWidthPage)
		m.pages[cid>>8] = p
	}
	if !p.has[cid&0xFF] {
		p.has[cid&0xFF] = true
		m.n++
	}
	p.w[cid&0xFF] = w
}

// get returns the width of cid, and whether it has one.
func (m *cidWidths) get(cid int) (float64, bool) {
	if cid < 0 || cid >= 1<<16 {
		w, ok := m.other[cid]
		return w, ok
	}
	if p := m.pages[cid>>8]; p != nil && p.has[cid&0xFF] {
		return p.w[cid&0xFF], true
	}
	return 0, false
}
