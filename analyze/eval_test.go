package analyze

import (
	"testing"
)

// TestEvaluateAnnotated scores analysis on the annotated meetings in
// testdata/samples (the project's shared samples, copied into the
// repository), on our own in testdata/meetings (written after the first
// rules, then used while improving them), and on testdata/heldout,
// written last and never tuned on: the honest check that the rules
// generalise, with a lower bar for topics.
func TestEvaluateAnnotated(t *testing.T) {
	sets := []struct {
		name                string
		paths               []string
		minTopic, minStatem float64
	}{
		{name: "samples", paths: []string{"../testdata/samples"}, minTopic: 0.9, minStatem: 0.9},
		{name: "ours", paths: []string{"../testdata/meetings"}, minTopic: 0.9, minStatem: 0.9},
		{name: "held out", paths: []string{"../testdata/heldout"}, minTopic: 0.8, minStatem: 0.9},
	}
	a := New(nil, Options{})
	for _, set := range sets {
		gold, err := LoadGold(set.paths...)
		if err != nil {
			t.Fatal(err)
		}
		if len(gold) == 0 {
			t.Fatalf("%s: no annotated meetings in %v", set.name, set.paths)
		}
		ev := a.Evaluate(gold)
		t.Logf("%s (%d meetings): topics %v", set.name, len(gold), ev.Topics)
		t.Logf("%s (%d meetings): statements %v", set.name, len(gold), ev.Statements)
		for _, m := range ev.Misses {
			t.Log("  ", m)
		}
		if ev.Topics.F1() < set.minTopic || ev.Statements.F1() < set.minStatem {
			t.Errorf("%s: topic F1 %.3f (want >= %.2f), statement F1 %.3f (want >= %.2f)", set.name, ev.Topics.F1(), set.minTopic, ev.Statements.F1(), set.minStatem)
		}
	}
}
