package ocr

import (
	"image"
	"math"
)

// orient returns img transposed when swap, then mirrored left to right
// when flipX and top to bottom when flipY.
func orient(img *image.Gray, swap, flipX, flipY bool) *image.Gray {
	if !swap && !flipX && !flipY {
		return img
	}
	w, h := img.Rect.Dx(), img.Rect.Dy()
	ow, oh := w, h
	if swap {
		ow, oh = h, w
	}
	out := image.NewGray(image.Rect(0, 0, ow, oh))
	for y := 0; y < oh; y++ {
		yy := y
		if flipY {
			yy = oh - 1 - y
		}
		row := out.Pix[y*out.Stride:]
		for x := 0; x < ow; x++ {
			xx := x
			if flipX {
				xx = ow - 1 - x
			}
			if swap {
				row[x] = img.Pix[xx*img.Stride+yy]
			} else {
				row[x] = img.Pix[yy*img.Stride+xx]
			}
		}
	}
	return out
}

// A tap is what one output pixel takes, along one axis, from the source:
// weights of the source pixels from first on, and the share of white
// (the part outside the source).
type tap struct {
	first int
	w     []float32
	white float32
}

// weights returns the taps of n output pixels along an axis on which the
// source's src pixels occupy [start, start+length) output pixels. An
// output pixel averages the source pixels under it when the source is
// finer; when it is coarser, a window one source pixel wide centred on
// the output pixel interpolates linearly between the two nearest.
func weights(n, src int, start, length float64) []tap {
	out := make([]tap, n)
	k := float64(src) / length // source pixels per output pixel
	for o := range out {
		a, b := (float64(o)-start)*k, (float64(o)+1-start)*k
		if b-a < 1 {
			c := (a + b) / 2
			a, b = c-0.5, c+0.5
			if a < 0 && a > -0.5 { // the edge pixel, not white, at the border
				a, b = 0, 1
			}
			if b > float64(src) && b < float64(src)+0.5 {
				a, b = float64(src)-1, float64(src)
			}
		}
		span := b - a
		t := tap{first: max(0, int(math.Floor(a)))}
		inside := 0.0
		for s := t.first; s < src && float64(s) < b; s++ {
			ov := math.Min(b, float64(s+1)) - math.Max(a, float64(s))
			if ov < 0 {
				ov = 0
			}
			t.w = append(t.w, float32(ov/span))
			inside += ov
		}
		t.white = float32(1 - inside/span)
		out[o] = t
	}
	return out
}

// resample draws img through the taps xs (columns) and ys (rows).
func resample(img *image.Gray, xs, ys []tap) *image.Gray {
	w, h := len(xs), len(ys)
	sh := img.Rect.Dy()
	tmp := make([]float32, w*sh)
	for y := 0; y < sh; y++ {
		row := img.Pix[y*img.Stride:]
		t := tmp[y*w : (y+1)*w]
		for x, tp := range xs {
			v := tp.white * 255
			for k, wt := range tp.w {
				v += wt * float32(row[tp.first+k])
			}
			t[x] = v
		}
	}
	out := image.NewGray(image.Rect(0, 0, w, h))
	acc := make([]float32, w)
	for y, tp := range ys {
		for x := range acc {
			acc[x] = tp.white * 255
		}
		for k, wt := range tp.w {
			src := tmp[(tp.first+k)*w : (tp.first+k+1)*w]
			for x := range acc {
				acc[x] += wt * src[x]
			}
		}
		row := out.Pix[y*out.Stride : y*out.Stride+w]
		for x, v := range acc {
			row[x] = uint8(math.Min(255, math.Max(0, float64(v)+0.5)))
		}
	}
	return out
}
