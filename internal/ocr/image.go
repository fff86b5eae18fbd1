package ocr

import (
	"bytes"
	"fmt"
	"image"
	"math"
	"strconv"
)

// dark is the grey level below which a pixel counts as ink.
const dark = 128

// decodePGM reads a binary 8-bit PGM (P5), as pdftoppm -gray writes.
func decodePGM(b []byte) (*image.Gray, error) {
	var fields []int
	i := 2
	if !bytes.HasPrefix(b, []byte("P5")) {
		return nil, fmt.Errorf("%w: the page image is not a PGM", ErrFailed)
	}
	for len(fields) < 3 && i < len(b) {
		switch c := b[i]; {
		case c == '#':
			for i < len(b) && b[i] != '\n' {
				i++
			}
		case c >= '0' && c <= '9':
			j := i
			for j < len(b) && b[j] >= '0' && b[j] <= '9' {
				j++
			}
			n, _ := strconv.Atoi(string(b[i:j]))
			fields = append(fields, n)
			i = j
			continue
		}
		i++
	}
	if len(fields) < 3 || fields[2] != 255 {
		return nil, fmt.Errorf("%w: the page image has a bad PGM header", ErrFailed)
	}
	i++ // the one white-space character after the maximum value
	w, h := fields[0], fields[1]
	if w <= 0 || h <= 0 || len(b)-i < w*h {
		return nil, fmt.Errorf("%w: the page image is truncated", ErrFailed)
	}
	img := image.NewGray(image.Rect(0, 0, w, h))
	copy(img.Pix, b[i:i+w*h])
	return img, nil
}

// encodePGM writes img as a binary PGM.
func encodePGM(img *image.Gray) []byte {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	var b bytes.Buffer
	fmt.Fprintf(&b, "P5\n%d %d\n255\n", w, h)
	for y := 0; y < h; y++ {
		b.Write(img.Pix[y*img.Stride : y*img.Stride+w])
	}
	return b.Bytes()
}

// inkShare returns the share of pixels that are ink.
func inkShare(img *image.Gray) float64 {
	n := 0
	for _, p := range img.Pix {
		if p < dark {
			n++
		}
	}
	return float64(n) / float64(len(img.Pix)+1)
}

// speckleShare returns the share of ink pixels that stand alone: no ink
// among their eight neighbours. Print has almost none; a speckled scan
// many.
func speckleShare(img *image.Gray) float64 {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	ink, lone := 0, 0
	for y := 1; y < h-1; y++ {
		row := img.Pix[y*img.Stride:]
		for x := 1; x < w-1; x++ {
			if row[x] >= dark {
				continue
			}
			ink++
			alone := true
			for dy := -1; dy <= 1 && alone; dy++ {
				r := img.Pix[(y+dy)*img.Stride:]
				for dx := -1; dx <= 1; dx++ {
					if (dx != 0 || dy != 0) && r[x+dx] < dark {
						alone = false
						break
					}
				}
			}
			if alone {
				lone++
			}
		}
	}
	if ink == 0 {
		return 0
	}
	return float64(lone) / float64(ink)
}

// median3 returns img through a 3×3 median filter, which removes specks
// of a pixel or two and keeps strokes.
func median3(img *image.Gray) *image.Gray {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	out := image.NewGray(image.Rect(0, 0, w, h))
	copy(out.Pix, img.Pix)
	var v [9]uint8
	for y := 1; y < h-1; y++ {
		for x := 1; x < w-1; x++ {
			k := 0
			for dy := -1; dy <= 1; dy++ {
				r := img.Pix[(y+dy)*img.Stride+x-1:]
				v[k], v[k+1], v[k+2] = r[0], r[1], r[2]
				k += 3
			}
			// Insertion sort of nine values; only the fifth is needed.
			for i := 1; i < 9; i++ {
				for j := i; j > 0 && v[j] < v[j-1]; j-- {
					v[j], v[j-1] = v[j-1], v[j]
				}
			}
			out.Pix[y*out.Stride+x] = v[4]
		}
	}
	return out
}

// skewAngle estimates the angle (degrees, counter-clockwise positive) by
// which the text lines of img are rotated, from projection profiles: the
// ink of a page rotated back by the right angle falls into sharp rows, so
// the sum of squared row counts peaks there. It looks within ±maxSkew.
func skewAngle(img *image.Gray, maxSkew float64) float64 {
	const step = 4 // sample every 4th pixel: enough for text lines
	w, h := img.Rect.Dx(), img.Rect.Dy()
	type pt struct{ x, y float64 }
	var pts []pt
	for y := 0; y < h; y += step {
		row := img.Pix[y*img.Stride:]
		for x := 0; x < w; x += step {
			if row[x] < dark {
				pts = append(pts, pt{float64(x), float64(y)})
			}
		}
	}
	if len(pts) < 200 {
		return 0
	}
	score := func(deg float64) float64 {
		s, c := math.Sincos(deg * math.Pi / 180)
		bins := map[int]int{}
		for _, p := range pts {
			bins[int(math.Floor((p.y*c-p.x*s)/step))]++
		}
		var sum float64
		for _, n := range bins {
			sum += float64(n) * float64(n)
		}
		return sum
	}
	best, bestScore := 0.0, score(0)
	for _, res := range []float64{0.5, 0.1} {
		lo, hi := best-5*res, best+5*res
		if res == 0.5 {
			lo, hi = -maxSkew, maxSkew
		}
		for a := lo; a <= hi+1e-9; a += res {
			if sc := score(a); sc > bestScore*1.0005 {
				best, bestScore = a, sc
			}
		}
	}
	return best
}

// rotate returns img rotated by deg degrees about its centre (bilinear,
// white outside), undoing a skew of -deg.
func rotate(img *image.Gray, deg float64) *image.Gray {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	out := image.NewGray(image.Rect(0, 0, w, h))
	s, c := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(w)/2, float64(h)/2
	for y := 0; y < h; y++ {
		dy := float64(y) - cy
		for x := 0; x < w; x++ {
			dx := float64(x) - cx
			// Source of (x, y): rotate back.
			sx := c*dx - s*dy + cx
			sy := s*dx + c*dy + cy
			out.Pix[y*out.Stride+x] = sample(img, sx, sy)
		}
	}
	return out
}

func sample(img *image.Gray, x, y float64) uint8 {
	x0, y0 := int(math.Floor(x)), int(math.Floor(y))
	w, h := img.Rect.Dx(), img.Rect.Dy()
	if x0 < 0 || y0 < 0 || x0+1 >= w || y0+1 >= h {
		return 255
	}
	fx, fy := x-float64(x0), y-float64(y0)
	p := img.Pix[y0*img.Stride+x0:]
	q := img.Pix[(y0+1)*img.Stride+x0:]
	v := (float64(p[0])*(1-fx)+float64(p[1])*fx)*(1-fy) + (float64(q[0])*(1-fx)+float64(q[1])*fx)*fy
	return uint8(v + 0.5)
}

// strokeWidth returns the mean length of horizontal runs of ink inside
// r: the thickness of vertical strokes, which sets bold type apart.
func strokeWidth(img *image.Gray, r image.Rectangle) float64 {
	r = r.Intersect(img.Rect)
	runs, total := 0, 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := img.Pix[y*img.Stride:]
		in := false
		for x := r.Min.X; x < r.Max.X; x++ {
			if row[x] < dark {
				total++
				if !in {
					runs++
					in = true
				}
			} else {
				in = false
			}
		}
	}
	if runs == 0 {
		return 0
	}
	return float64(total) / float64(runs)
}
