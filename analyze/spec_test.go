package analyze

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/ntlnav/referat"
)

// TestSpec builds an Analyzer from another's Spec, as a worker process
// does, and analyses the annotated development meetings with both: the
// documents must be the same byte for byte, whatever the taxonomy and
// options.
func TestSpec(t *testing.T) {
	gold, err := LoadGold("../testdata/samples", "../testdata/annotated/train")
	if err != nil || len(gold) == 0 {
		t.Fatalf("no annotated meetings: %v", err)
	}
	cases, _ := benchCases(gold)
	edited, err := ParseTaxonomy("edited.yaml", []byte(strings.Replace(string(defaultTaxonomy), "terms: [budsjett,", "terms: [kaffeautomat, budsjett,", 1)))
	if err != nil || edited.Version == DefaultTaxonomy().Version {
		t.Fatalf("the edited taxonomy: %v (version %s)", err, edited.Version)
	}
	tests := []struct {
		name string
		a    *Analyzer
	}{
		{name: "default", a: New(nil, Options{})},
		{name: "rules and options", a: New(nil, Options{TitleWeight: 2.5, MinSentences: 3, Keywords: 4, TopicModel: RulesTopicModel()})},
		{name: "edited taxonomy", a: New(edited, Options{})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec, err := tt.a.Spec()
			if err != nil {
				t.Fatal(err)
			}
			b, err := FromSpec(spec)
			if err != nil {
				t.Fatal(err)
			}
			if b.Taxonomy().Version != tt.a.Taxonomy().Version {
				t.Errorf("taxonomy version %s, want %s", b.Taxonomy().Version, tt.a.Taxonomy().Version)
			}
			want, got := analysed(t, tt.a, cases), analysed(t, b, cases)
			if got != want {
				t.Errorf("the analysis differs (%d bytes, want %d)", len(got), len(want))
			}
		})
	}
}

// analysed returns the JSON of a document of cases analysed by a.
func analysed(t *testing.T, a *Analyzer, cases []referat.Case) string {
	t.Helper()
	d := &referat.Document{Cases: append([]referat.Case(nil), cases...)}
	a.Document(d)
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSpecRefused: options JSON cannot carry (a weight that is not a
// number) give ErrSpec, so that the analysis stays in the process that
// has them; a spec that is not one is refused too.
func TestSpecRefused(t *testing.T) {
	m := RulesTopicModel()
	m.Weights[2] = math.NaN()
	if _, err := New(nil, Options{TopicModel: m}).Spec(); !errors.Is(err, ErrSpec) {
		t.Errorf("a NaN weight: got %v, want ErrSpec", err)
	}
	for _, spec := range []string{"", "{}", `{"Taxonomy":{"Version":"x"}}`, "[1]"} {
		if _, err := FromSpec([]byte(spec)); !errors.Is(err, ErrSpec) {
			t.Errorf("FromSpec(%q): got %v, want ErrSpec", spec, err)
		}
	}
}
