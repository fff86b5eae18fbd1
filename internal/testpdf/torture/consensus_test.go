package main

import (
	"reflect"
	"strings"
	"testing"
)

func TestComparePage(t *testing.T) {
	f := strings.Fields
	tests := []struct {
		name         string
		ours, a, b   string
		words, match int
		misses       []Miss
		extra        [][]string
	}{{
		name: "all agree", ours: "a b c d", a: "a b c d", b: "a b c d",
		words: 4, match: 4,
	}, {
		// The references disagree on x (pdftotext's) and y (mutool's):
		// neither is in the consensus, and referat is not blamed.
		name: "references disagree", ours: "a b c", a: "a x b c", b: "a b y c",
		words: 3, match: 3,
	}, {
		name: "referat moves a run", ours: "c d a b", a: "a b c d", b: "a b c d",
		words: 4, match: 2,
		misses: []Miss{{Words: f("a b"), Moved: true}},
	}, {
		name: "referat garbles a word", ours: "a bx c", a: "a b c", b: "a b c",
		words: 3, match: 2,
		misses: []Miss{{Words: f("b"), Before: "a"}},
		extra:  [][]string{f("bx")},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := comparePage(1, f(tt.ours), f(tt.a), f(tt.b))
			if p.Words != tt.words || p.Matched != tt.match {
				t.Errorf("words %d matched %d, want %d %d", p.Words, p.Matched, tt.words, tt.match)
			}
			if !reflect.DeepEqual(p.Misses, tt.misses) {
				t.Errorf("misses %+v, want %+v", p.Misses, tt.misses)
			}
			if !reflect.DeepEqual(p.Extra, tt.extra) {
				t.Errorf("extra %q, want %q", p.Extra, tt.extra)
			}
		})
	}
}
