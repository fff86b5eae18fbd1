package ocr

import (
	"math/rand"
	"testing"
)

// TestRemoveSpecks: on a speckled page, patches of ink of a pixel or
// two become paper while the text and a full stop (3×3) stay; a page with
// only a few specks is left as it is.
func TestRemoveSpecks(t *testing.T) {
	for _, tt := range []struct {
		name   string
		specks int
		want   bool
	}{
		{name: "speckled", specks: 2000, want: true},
		{name: "a few specks", specks: 20, want: false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			img := page(1200, 1600)
			dot := func(x, y int) uint8 { return img.Pix[y*img.Stride+x] }
			for y := 40; y < 43; y++ { // a full stop in the top margin
				for x := 100; x < 103; x++ {
					img.Pix[y*img.Stride+x] = 0
				}
			}
			rng := rand.New(rand.NewSource(1))
			var at [][2]int
			for len(at) < tt.specks {
				x, y := 1+rng.Intn(1198), 1+rng.Intn(1598)
				if y >= 55 && y < 1545 || y < 45 {
					continue // specks in the margins, apart from the text
				}
				img.Pix[y*img.Stride+x] = 20
				at = append(at, [2]int{x, y})
			}
			ink := inkShare(img)
			if got := removeSpecks(img, 200); got != tt.want {
				t.Fatalf("removeSpecks = %v, want %v", got, tt.want)
			}
			left := 0
			for _, p := range at {
				if dot(p[0], p[1]) < dark {
					left++
				}
			}
			if tt.want && left > tt.specks/50 {
				t.Errorf("%d of %d specks left", left, tt.specks)
			}
			if !tt.want && left != tt.specks {
				t.Errorf("%d of %d specks left on a page that needs no cleaning", left, tt.specks)
			}
			if dot(101, 41) != 0 || dot(200, 61) != 0 {
				t.Error("the full stop or the text was removed")
			}
			if tt.want && inkShare(img) < ink-float64(tt.specks+10)/float64(1200*1600) {
				t.Errorf("ink share %.4f, from %.4f: more than the specks removed", inkShare(img), ink)
			}
		})
	}
}
