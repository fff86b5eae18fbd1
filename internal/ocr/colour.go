package ocr

import (
	"image"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// A colourSpace is an image's colour space reduced to what grey levels
// need: its components (1 grey, 3 RGB, 4 CMYK) and, for Indexed, the
// grey level of each index.
type colourSpace struct {
	n       int
	indexed []uint8 // grey of each index; nil when not Indexed
}

// readColourSpace reads the /ColorSpace o. Separation, DeviceN, Lab and
// patterns give errRender.
func readColourSpace(xt *model.XRefTable, o types.Object, depth int) (colourSpace, error) {
	o = deref(xt, o)
	if depth > 2 {
		return colourSpace{}, renderf("colour space nested too deep")
	}
	switch v := o.(type) {
	case types.Name:
		switch v {
		case "DeviceGray", "G", "CalGray":
			return colourSpace{n: 1}, nil
		case "DeviceRGB", "RGB", "CalRGB":
			return colourSpace{n: 3}, nil
		case "DeviceCMYK", "CMYK":
			return colourSpace{n: 4}, nil
		}
		return colourSpace{}, renderf("colour space %s", v)
	case types.Array:
		if len(v) == 0 {
			break
		}
		family, _ := deref(xt, v[0]).(types.Name)
		switch family {
		case "CalGray", "CalRGB", "DeviceGray", "DeviceRGB", "DeviceCMYK":
			return readColourSpace(xt, family, depth+1)
		case "ICCBased":
			if len(v) < 2 {
				break
			}
			sd, _, err := xt.DereferenceStreamDict(v[1])
			if err != nil || sd == nil {
				break
			}
			if n := number(deref(xt, sd.Dict["N"])); n == 1 || n == 3 || n == 4 {
				return colourSpace{n: int(n)}, nil
			}
		case "Indexed", "I":
			return readIndexed(xt, v, depth)
		}
		return colourSpace{}, renderf("colour space %s", family)
	}
	return colourSpace{}, renderf("colour space %v", o)
}

// readIndexed reads [/Indexed base hival lookup] into grey levels.
func readIndexed(xt *model.XRefTable, v types.Array, depth int) (colourSpace, error) {
	if len(v) < 4 {
		return colourSpace{}, renderf("short Indexed colour space")
	}
	base, err := readColourSpace(xt, v[1], depth+1)
	if err != nil || base.indexed != nil {
		return colourSpace{}, renderf("Indexed colour space over %v", v[1])
	}
	hival := int(number(deref(xt, v[2])))
	var lookup []byte
	switch l := deref(xt, v[3]).(type) {
	case types.StringLiteral:
		b, err := types.Unescape(l.Value())
		if err != nil {
			return colourSpace{}, renderf("Indexed lookup: %v", err)
		}
		lookup = b
	case types.HexLiteral:
		b, err := l.Bytes()
		if err != nil {
			return colourSpace{}, renderf("Indexed lookup: %v", err)
		}
		lookup = b
	case types.StreamDict:
		if err := l.Decode(); err != nil {
			return colourSpace{}, renderf("Indexed lookup: %v", err)
		}
		lookup = l.Content
	}
	if hival < 0 || hival > 255 || len(lookup) < (hival+1)*base.n {
		return colourSpace{}, renderf("Indexed lookup of %d bytes for %d colours", len(lookup), hival+1)
	}
	cs := colourSpace{n: 1, indexed: make([]uint8, 256)}
	for i := range cs.indexed {
		j := min(i, hival) * base.n
		cs.indexed[i] = greyOf(lookup[j:j+base.n], base.n)
	}
	return cs, nil
}

// greyOf returns the grey level of one colour of n 8-bit components.
func greyOf(c []byte, n int) uint8 {
	switch n {
	case 3:
		return uint8((299*int(c[0]) + 587*int(c[1]) + 114*int(c[2]) + 500) / 1000)
	case 4:
		k := 255 - int(c[3])
		r, g, b := (255-int(c[0]))*k/255, (255-int(c[1]))*k/255, (255-int(c[2]))*k/255
		return uint8((299*r + 587*g + 114*b + 500) / 1000)
	}
	return c[0]
}

// unpack turns decoded samples into grey levels, by the image's bits per
// component, /Decode, colour space and /ImageMask (a stencil: its
// painted samples, 0 unless /Decode is [1 0], are ink).
func unpack(data []byte, d *imageDict) (*image.Gray, error) {
	switch d.bpc {
	case 1, 2, 4, 8, 16:
	default:
		return nil, renderf("%d bits per component", d.bpc)
	}
	n := d.cs.n
	rowBytes := (d.w*n*d.bpc + 7) / 8
	if len(data) < rowBytes*d.h {
		return nil, renderf("image data of %d bytes for %d rows of %d", len(data), d.h, rowBytes)
	}
	maxV := float64(int(1)<<d.bpc - 1)
	if d.bpc == 16 {
		maxV = 255 // only the high byte is read
	}
	// table[c][v]: component c's sample v as an 8-bit value after /Decode.
	levels := 1 << min(d.bpc, 8)
	table := make([][]uint8, n)
	for c := range table {
		lo, hi := 0.0, 1.0
		if d.cs.indexed != nil {
			hi = maxV
		}
		if len(d.decode) >= 2*(c+1) {
			lo, hi = d.decode[2*c], d.decode[2*c+1]
		}
		table[c] = make([]uint8, levels)
		for v := range levels {
			x := lo + float64(v)*(hi-lo)/maxV
			if d.cs.indexed != nil {
				table[c][v] = d.cs.indexed[clamp(int(x+0.5), 0, 255)]
			} else {
				table[c][v] = uint8(clamp(int(x*255+0.5), 0, 255))
			}
		}
	}
	if d.mask {
		// The stencil paints where the decoded sample is 0.
		for v := range table[0] {
			if table[0][v] != 0 {
				table[0][v] = 255
			}
		}
	}
	g := image.NewGray(image.Rect(0, 0, d.w, d.h))
	comp := make([]byte, n)
	for y := 0; y < d.h; y++ {
		row := data[y*rowBytes : (y+1)*rowBytes]
		out := g.Pix[y*g.Stride : y*g.Stride+d.w]
		bit := 0
		for x := range out {
			for c := 0; c < n; c++ {
				comp[c] = table[c][sampleAt(row, bit, d.bpc)]
				bit += d.bpc
			}
			out[x] = greyOf(comp, n)
		}
	}
	return g, nil
}

// sampleAt returns the sample of bpc bits at bit offset bit of row (the
// high byte of a 16-bit sample).
func sampleAt(row []byte, bit, bpc int) int {
	switch bpc {
	case 8:
		return int(row[bit/8])
	case 16:
		return int(row[bit/8])
	}
	b := row[bit/8]
	shift := 8 - bpc - bit%8
	return int(b>>shift) & (1<<bpc - 1)
}

func clamp(v, lo, hi int) int { return max(lo, min(hi, v)) }
