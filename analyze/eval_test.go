package analyze

import (
	"testing"
)

// TestEvaluateAnnotated scores analysis on the annotated meetings. The
// development sets (../shared/samples, testdata/meetings and
// testdata/annotated/train) were read while writing rules and word lists;
// the held-out sets (testdata/heldout and testdata/annotated/heldout) were
// not, and are the honest check that the rules generalise. The thresholds
// are the measured figures rounded down, so that a change that makes
// analysis worse fails here; statement thresholds are not to be lowered.
func TestEvaluateAnnotated(t *testing.T) {
	sets := []struct {
		name  string
		paths []string
		// minimum topic precision and F1, statement F1, exchange pair F1,
		// relation accuracy (0: the set has no exchanges)
		minTopicP, minTopicF1, minStatem, minPairs, minRelations float64
	}{
		{name: "samples", paths: []string{"../../shared/samples"}, minTopicP: 0.9, minTopicF1: 0.9, minStatem: 0.9},
		{name: "ours", paths: []string{"../testdata/meetings"}, minTopicP: 0.9, minTopicF1: 0.9, minStatem: 0.9},
		{name: "annotated train", paths: []string{"../testdata/annotated/train"},
			minTopicP: 0.85, minTopicF1: 0.85, minStatem: 0.95, minPairs: 0.85, minRelations: 0.9},
		{name: "held out", paths: []string{"../testdata/heldout"}, minTopicP: 0.85, minTopicF1: 0.75, minStatem: 0.9},
		{name: "annotated held out", paths: []string{"../testdata/annotated/heldout"},
			minTopicP: 0.8, minTopicF1: 0.8, minStatem: 0.95, minPairs: 0.85, minRelations: 0.65},
	}
	a := New(nil, Options{})
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			gold, err := LoadGold(set.paths...)
			if err != nil {
				t.Fatal(err)
			}
			if len(gold) == 0 {
				t.Fatalf("no annotated meetings in %v", set.paths)
			}
			ev := a.Evaluate(gold)
			t.Logf("%d meetings: topics %v", len(gold), ev.Topics)
			t.Logf("%d meetings: statements %v", len(gold), ev.Statements)
			t.Logf("%d meetings: exchange pairs %v, relations %d/%d", len(gold), ev.Exchanges, ev.RelationsRight, ev.RelationsCompared)
			if testing.Verbose() {
				for _, l := range ev.ConfusionSummary() {
					t.Log("  ", l)
				}
			}
			if p, f := ev.Topics.Precision(), ev.Topics.F1(); p < set.minTopicP || f < set.minTopicF1 {
				t.Errorf("topic P %.3f (want >= %.2f), F1 %.3f (want >= %.2f)", p, set.minTopicP, f, set.minTopicF1)
			}
			if f := ev.Statements.F1(); f < set.minStatem {
				t.Errorf("statement F1 %.3f, want >= %.2f", f, set.minStatem)
			}
			if set.minPairs > 0 {
				if f, r := ev.Exchanges.F1(), ev.RelationAccuracy(); f < set.minPairs || r < set.minRelations {
					t.Errorf("exchange pair F1 %.3f (want >= %.2f), relation accuracy %.3f (want >= %.2f)", f, set.minPairs, r, set.minRelations)
				}
			}
		})
	}
}
