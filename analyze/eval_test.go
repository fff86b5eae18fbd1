package analyze

import (
	"testing"
)

// TestEvaluateAnnotated scores analysis on the annotated meetings in
// ../shared/samples and on our own in testdata/meetings, which were
// written after the rules, to check that they generalise.
func TestEvaluateAnnotated(t *testing.T) {
	sets := []struct {
		name  string
		paths []string
	}{
		{name: "samples", paths: []string{"../../shared/samples"}},
		{name: "ours", paths: []string{"../testdata/meetings"}},
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
		if ev.Topics.F1() < 0.9 || ev.Statements.F1() < 0.9 {
			t.Errorf("%s: topic F1 %.3f, statement F1 %.3f; want >= 0.90 for both", set.name, ev.Topics.F1(), ev.Statements.F1())
		}
	}
}
