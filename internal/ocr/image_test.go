package ocr

import (
	"image"
	"math"
	"math/rand"
	"testing"
)

// page draws text-like rows of ink: bars 3 px high every 30 px.
func page(w, h int) *image.Gray {
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	for y := 60; y < h-60; y += 30 {
		for dy := 0; dy < 3; dy++ {
			for x := 80; x < w-80; x++ {
				if (x/7)%5 != 4 { // gaps between "words"
					img.Pix[(y+dy)*img.Stride+x] = 0
				}
			}
		}
	}
	return img
}

func TestSkewAngle(t *testing.T) {
	for _, tt := range []struct {
		name string
		deg  float64
	}{
		{name: "straight", deg: 0},
		{name: "1.5 degrees", deg: 1.5},
		{name: "-1 degree", deg: -1},
		{name: "2.3 degrees", deg: 2.3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			img := page(1200, 1600)
			if tt.deg != 0 {
				img = rotate(img, -tt.deg) // lines that rise by deg
			}
			got := skewAngle(img, maxSkew)
			if math.Abs(got+tt.deg) > 0.15 && math.Abs(got-tt.deg) > 0.15 {
				t.Fatalf("skew of a page turned %.1f°: %.2f°", tt.deg, got)
			}
			// Turning back by the estimate makes the rows straight again.
			if back := skewAngle(rotate(img, got), maxSkew); math.Abs(back) > 0.15 {
				t.Errorf("after turning back by %.2f°, skew is still %.2f°", got, back)
			}
		})
	}
}

func TestDespeckle(t *testing.T) {
	img := page(600, 400)
	rng := rand.New(rand.NewSource(1))
	for i := range img.Pix {
		if rng.Float64() < 0.003 {
			img.Pix[i] = 0
		}
	}
	if s := speckleShare(img); s <= speckled {
		t.Fatalf("speckled page: lone-ink share %.4f, want above %.4f", s, speckled)
	}
	clean := median3(img)
	if s := speckleShare(clean); s > speckled/10 {
		t.Errorf("after the median filter: lone-ink share %.4f", s)
	}
	if got, want := inkShare(clean), inkShare(page(600, 400)); math.Abs(got-want) > want*0.1 {
		t.Errorf("the median filter changed the text: ink %.4f, want about %.4f", got, want)
	}
}

func TestStrokeWidth(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 100, 20))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	for y := 0; y < 20; y++ {
		for x := 10; x < 13; x++ { // a 3 px stroke
			img.Pix[y*img.Stride+x] = 0
		}
		for x := 50; x < 56; x++ { // a 6 px stroke
			img.Pix[y*img.Stride+x] = 0
		}
	}
	if got := strokeWidth(img, image.Rect(0, 0, 40, 20)); got != 3 {
		t.Errorf("regular stroke: %.1f, want 3", got)
	}
	if got := strokeWidth(img, image.Rect(40, 0, 100, 20)); got != 6 {
		t.Errorf("bold stroke: %.1f, want 6", got)
	}
}

func TestPGMRoundTrip(t *testing.T) {
	img := page(50, 40)
	back, err := decodePGM(encodePGM(img))
	if err != nil {
		t.Fatal(err)
	}
	if back.Rect != img.Rect || string(back.Pix) != string(img.Pix) {
		t.Error("PGM round trip changed the image")
	}
	if _, err := decodePGM([]byte("P5\n10 10\n255\nshort")); err == nil {
		t.Error("a truncated PGM was accepted")
	}
}
