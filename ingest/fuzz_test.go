package ingest

import (
	"strings"
	"testing"
)

// FuzzSegment feeds arbitrary paragraphs to the segmenter: it must not
// panic, every case must have a title, and no text may be lost or made up.
func FuzzSegment(f *testing.F) {
	f.Add("Nytt fra etats-MBA 14. desember 2023\nLinjevise budsjetter for 2024. Arbeidsgiver la fram fordelingen av budsjettet for neste år i møtet.\nDet er bra.", "Linjevise budsjetter for 2024.", true)
	f.Add("Hvordan? Hva. 1. oktober\n\n«Sitat.» Vi mente det.", "", false)
	f.Fuzz(func(t *testing.T, text, bold string, fonts bool) {
		var blocks []block
		for i, p := range strings.Split(text, "\n") {
			b := block{Text: p, HasFonts: fonts, Pages: []int{i/3 + 1}}
			if i%2 == 1 && strings.HasPrefix(p, bold) {
				b.Bold = bold
			}
			blocks = append(blocks, b)
		}
		s := segment(blocks)
		out := strings.Fields(s.heading + " " + strings.Join(s.intro, " "))
		for _, c := range s.cases {
			if c.Title == "" && strings.TrimSpace(strings.Join(c.Paragraphs, "")) != "" {
				// a title made of punctuation only is allowed to clean to ""
				if strings.Trim(collapse(c.Title), ".:") != "" {
					t.Fatalf("case without title: %+v", c)
				}
			}
			out = append(out, strings.Fields(c.Title+" "+c.Text)...)
		}
		in := strings.Fields(text)
		if len(out) > len(in) {
			t.Fatalf("segmentation made up words: %d in, %d out", len(in), len(out))
		}
	})
}
