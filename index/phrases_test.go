package index

import (
	"reflect"
	"strings"
	"testing"
)

// TestPhrases finds the quoted phrases of a query and matches them in
// fields of stems: together, in order, each in one field.
func TestPhrases(t *testing.T) {
	// A stand-in for the analyzer's stems: lower case, stop word "i"
	// left out.
	stems := func(s string) []string {
		var out []string
		for _, w := range strings.Fields(strings.ToLower(s)) {
			if w != "i" {
				out = append(out, strings.Trim(w, ".,"))
			}
		}
		return out
	}
	tests := []struct {
		name   string
		query  string
		want   [][]string
		fields [][]string
		match  bool
	}{
		{name: "words only", query: "kutt bemanningen", want: nil, fields: [][]string{{"bemanningen"}}, match: true},
		{name: "phrase", query: `"kutt i bemanningen"`, want: [][]string{{"kutt", "bemanningen"}}, fields: [][]string{{"nye", "kutt", "bemanningen"}}, match: true},
		{name: "phrase out of order", query: `"kutt i bemanningen"`, want: [][]string{{"kutt", "bemanningen"}}, fields: [][]string{{"bemanningen", "kutt"}}, match: false},
		{name: "phrase apart", query: `"kutt i bemanningen"`, want: [][]string{{"kutt", "bemanningen"}}, fields: [][]string{{"kutt", "i", "bemanningen"}}, match: false},
		{name: "guillemets and curly quotes, one in each field", query: `«flere hender» budsjett “nye stillinger”`, want: [][]string{{"flere", "hender"}, {"nye", "stillinger"}}, fields: [][]string{{"flere", "hender"}, {"to", "nye", "stillinger"}}, match: true},
		{name: "one phrase missing", query: `«flere hender» “nye stillinger”`, want: [][]string{{"flere", "hender"}, {"nye", "stillinger"}}, fields: [][]string{{"flere", "hender"}}, match: false},
		{name: "one word in quotes is a word", query: `"budsjett"`, want: nil, fields: [][]string{{"x"}}, match: true},
		{name: "a quote left open", query: `"kutt i bemanningen`, want: nil, fields: [][]string{{"x"}}, match: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SearchQuery{Text: tt.query}.Phrases(stems)
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Phrases(%q) = %q, want %q", tt.query, got, tt.want)
			}
			if m := HasPhrases(got, tt.fields...); m != tt.match {
				t.Errorf("HasPhrases(%q, %q) = %v, want %v", got, tt.fields, m, tt.match)
			}
		})
	}
}
