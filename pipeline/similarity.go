package pipeline

import (
	"hash/fnv"
	"strings"
	"unicode"

	"github.com/ntlnav/referat"
)

// shingleSize is the number of words in a shingle.
const shingleSize = 3

// A textPrint is the set of word shingles of a document's text: the hashes
// of every run of shingleSize consecutive words.
type textPrint map[uint64]struct{}

// words returns the words of a document's text, lower-cased: the intro,
// then every case's title and paragraphs. Punctuation, layout (line and
// paragraph breaks, hyphenation already undone by ingest) and the meeting
// heading do not count.
func words(d *referat.Document) []string {
	var b strings.Builder
	b.WriteString(d.Intro)
	for _, c := range d.Cases {
		b.WriteByte(' ')
		b.WriteString(c.Title)
		b.WriteByte(' ')
		b.WriteString(c.Text)
	}
	return strings.FieldsFunc(strings.ToLower(b.String()), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// fingerprint returns the shingles of d's text. A text shorter than a
// shingle has one, of all its words.
func fingerprint(d *referat.Document) textPrint {
	w := words(d)
	p := textPrint{}
	for i := 0; i+shingleSize <= len(w) || i == 0 && len(w) > 0; i++ {
		h := fnv.New64a()
		for _, x := range w[i:min(i+shingleSize, len(w))] {
			h.Write([]byte(x))
			h.Write([]byte{0})
		}
		p[h.Sum64()] = struct{}{}
	}
	return p
}

// jaccard returns |a ∩ b| / |a ∪ b|, 1 for two empty sets.
func jaccard(a, b textPrint) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	both := 0
	for h := range a {
		if _, ok := b[h]; ok {
			both++
		}
	}
	return float64(both) / float64(len(a)+len(b)-both)
}
