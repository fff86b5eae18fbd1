package ocr

import "image"

// Speck removal. A speck is a patch of ink (8-connected pixels darker
// than dark) of at most speckArea pixels at 200 dpi (in proportion to
// the area of a pixel at other resolutions): dust and toner, which
// Tesseract reads as marks (".", ":", "'") or as the ring of an "å". The
// smallest printed marks, a full stop or the dot of an i, cover 9 pixels
// or more at 200 dpi. Pages with fewer than minSpecks specks per million
// pixels are left as they are: a clean scan has 10–20 (stray pixels of
// JPEG noise), the test photocopies 350–500, the speckled scans over
// 1000.
const (
	speckArea = 3
	minSpecks = 100
)

// removeSpecks turns the specks of img, a page at res dpi, to paper when
// there are many, and reports whether it did.
func removeSpecks(img *image.Gray, res float64) bool {
	maxArea := max(1, int(speckArea*res*res/(200*200)+0.5))
	specks := findSpecks(img, maxArea)
	n := 0
	for _, c := range specks {
		if c < 0 {
			n++
		}
	}
	if float64(n)*1e6 < minSpecks*float64(img.Rect.Dx()*img.Rect.Dy()) {
		return false
	}
	w := img.Rect.Dx()
	for _, p := range specks {
		if p >= 0 {
			img.Pix[(p/w)*img.Stride+p%w] = 255
		}
	}
	return true
}

// findSpecks returns the pixels (y·width+x) of every patch of ink of at
// most maxArea pixels, each patch followed by -1.
func findSpecks(img *image.Gray, maxArea int) []int {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	seen := make([]bool, w*h)
	var stack, comp, out []int
	for start := range seen {
		if seen[start] || img.Pix[(start/w)*img.Stride+start%w] >= dark {
			continue
		}
		comp = comp[:0]
		stack = append(stack[:0], start)
		seen[start] = true
		for len(stack) > 0 {
			p := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if len(comp) <= maxArea {
				comp = append(comp, p)
			}
			x, y := p%w, p/w
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					xx, yy := x+dx, y+dy
					if xx < 0 || yy < 0 || xx >= w || yy >= h {
						continue
					}
					q := yy*w + xx
					if !seen[q] && img.Pix[yy*img.Stride+xx] < dark {
						seen[q] = true
						stack = append(stack, q)
					}
				}
			}
		}
		if len(comp) <= maxArea {
			out = append(append(out, comp...), -1)
		}
	}
	return out
}
