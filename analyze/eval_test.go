package analyze

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestEvaluateAnnotated scores analysis on the annotated meetings. The
// development sets (also the topic model's training data, so their topic
// figures are in-sample: TestCrossValidateTopics has the honest ones;
// testdata/samples, a copy of the project's shared sample meetings,
// testdata/meetings and
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
		{name: "samples", paths: []string{"../testdata/samples"}, minTopicP: 0.94, minTopicF1: 0.95, minStatem: 0.9},
		// Two meetings, seven cases, trained on: topics P 1.000 R 0.870
		// F1 0.930 until wave 16, whose 3,600 labelled passages outweigh
		// them in the sentence and case models: P 1.000 R 0.783 F1 0.878
		// (bemanning missed in three cases where one sentence says it).
		{name: "ours", paths: []string{"../testdata/meetings"}, minTopicP: 0.95, minTopicF1: 0.85, minStatem: 0.9},
		// Topics measured 0.899 / 0.886 with the six wave 4 meetings
		// written for exchanges and threads (train/r4-*; their topics
		// scored 0.74 F1 before anything, and nothing on topics was tuned
		// on them).
		// Pairs 0.899 before and after the wave-5 pairing rules (another
		// union's view before the answer, decisions, nynorsk names); a
		// rule pairing the ground NTL gives for a request with its answer
		// gave 0.931 here but lowered the held-out sets (0.871 -> 0.837),
		// where annotators leave such grounds unanswered about as often as
		// the training gold does, and was left out.
		{name: "annotated train", paths: trainFiles(t, false),
			minTopicP: 0.89, minTopicF1: 0.88, minStatem: 0.95, minPairs: 0.89, minRelations: 0.93},
		// The wave-4 topic batch (train/t4-*.json): in the topic model's
		// training data, so its topics are in-sample; scored before any
		// tuning: topics P 0.816 R 0.889, pairs F1 0.966, relations 0.738
		// (the relation rules were not tuned on it).
		{name: "wave-4 topic batch", paths: t4Files(t),
			minTopicP: 0.84, minTopicF1: 0.86, minStatem: 0.95, minPairs: 0.9, minRelations: 0.7},
		// The wave-4 batch of an annotator who read no code
		// (train/a5-*.json), scored once before anything was tuned on it:
		// topics P 0.853 R 0.901, statements F1 0.972, pairs F1 0.875,
		// relations 0.643. Its topics are in the model's training data;
		// with per-topic weights (threshold 0.65) P 0.908 R 0.831 F1 0.868.
		// Relations 0.821 with the wave-5 cues (read from its misses).
		// Pairs 0.889 with the wave-5 pairing rules (read from its and
		// a6's misses).
		{name: "wave-4 annotator batch", paths: batchFiles(t, "a5-"),
			minTopicP: 0.9, minTopicF1: 0.86, minStatem: 0.97, minPairs: 0.88, minRelations: 0.8},
		// The wave-5 batch of a second annotator who read no code
		// (train/a6-*.json), scored apart like a5: before anything was
		// tuned on it topics P 0.952 R 0.714 (the model then in main),
		// statements F1 0.973, pairs F1 0.827, relations 0.677; with the
		// wave-5 relation cues (read from its misses and a5's) 0.806.
		// Pairs 0.886 after the wave-5 pairing rules, which were drawn
		// from its misses (in-sample).
		{name: "wave-5 annotator batch", paths: batchFiles(t, "a6-"),
			minTopicP: 0.9, minTopicF1: 0.8, minStatem: 0.97, minPairs: 0.88, minRelations: 0.8},
		// The two wave-6 batches of annotators who read no code
		// (train/a7-*.json, train/a8-*.json), scored apart like a5 and a6;
		// before anything was tuned on them (the model then in main): a7
		// topics P 0.847 R 0.718, statements F1 0.993, pairs F1 0.905,
		// relations 0.677; a8 topics P 0.844 R 0.699, statements 0.982,
		// pairs 0.921, relations 0.757. Their topics are in the model's
		// training data since (in-sample: a7 P 0.903 R 0.765, a8 P 0.870
		// R 0.720).
		{name: "wave-6 annotator batch", paths: batchFiles(t, "a7-"),
			minTopicP: 0.88, minTopicF1: 0.8, minStatem: 0.97, minPairs: 0.88, minRelations: 0.65},
		{name: "wave-6 second annotator batch", paths: batchFiles(t, "a8-"),
			minTopicP: 0.85, minTopicF1: 0.77, minStatem: 0.97, minPairs: 0.9, minRelations: 0.73},
		// The two wave-11 batches of annotators who read no code
		// (train/a11-*.json, train/a12-*.json), written side by side, each
		// scored once before anything was tuned on them (the model and
		// rules of c7fb98c): a11 topics P 0.877 R 0.831, statements F1
		// 0.980, pairs 0.779, relations 0.597; a12 topics P 0.912 R 0.890,
		// statements 0.946, pairs 0.785, relations 0.699. The wave-11
		// statement rules (unit leaders, "ifølge", passive agents, quotes)
		// were read from their misses, and their topics are in the model's
		// training data since: in-sample figures below.
		{name: "wave-11 annotator batch a11", paths: batchFiles(t, "a11-"),
			minTopicP: 0.88, minTopicF1: 0.85, minStatem: 0.97, minPairs: 0.78, minRelations: 0.55},
		{name: "wave-11 annotator batch a12", paths: batchFiles(t, "a12-"),
			minTopicP: 0.9, minTopicF1: 0.88, minStatem: 0.97, minPairs: 0.8, minRelations: 0.65},
		// The wave-8 development batches (dev/a9-*.json, dev/a10-*.json),
		// by two annotators who read no code, asked for varied wording and
		// many secondary topics: scored once before anything was tuned on
		// them (the model of fb71d0a): a9 topics P 0.940 R 0.678,
		// statements 0.986, pairs 0.891, relations 0.634; a10 P 0.906
		// R 0.694, statements 0.975, pairs 0.857, relations 0.643. They are
		// not in the topic model's training data (see dev/README.md).
		// With the wave-9 stack model (threshold 0.40): a9 topics P 0.963
		// R 0.678 F1 0.796, a10 P 0.917 R 0.694 F1 0.790. With the
		// wave-10 stack feature "said": a9 P 0.963 R 0.687 F1 0.802, a10
		// the same.
		{name: "wave-8 development batch a9", paths: devFiles(t, "a9-"),
			minTopicP: 0.92, minTopicF1: 0.78, minStatem: 0.97, minPairs: 0.87, minRelations: 0.6},
		{name: "wave-8 development batch a10", paths: devFiles(t, "a10-"),
			minTopicP: 0.89, minTopicF1: 0.78, minStatem: 0.96, minPairs: 0.84, minRelations: 0.6},
		// One meeting: topics P 1.000 R 0.769 F1 0.870 (tp 10, fn 3) with the
		// wave-9 stack model, P 1.000 R 0.692 F1 0.818 (tp 9, fn 4) with its
		// wave-10 feature "said" (one topic fewer; nothing read from it);
		// P 1.000 R 0.615 F1 0.762 (tp 8, fn 5) with the wave-16 passages,
		// which raise the 74 held-out meetings' F1 from 0.873 to 0.880.
		{name: "held out", paths: []string{"../testdata/heldout"}, minTopicP: 0.9, minTopicF1: 0.75, minStatem: 0.9},
		{name: "annotated held out", paths: []string{"../testdata/annotated/heldout"},
			minTopicP: 0.80, minTopicF1: 0.80, minStatem: 0.95, minPairs: 0.80, minRelations: 0.60},
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

// t4Files returns the wave-4 topic batch's files.
// goldIDs loads the annotated meetings of paths and the set of their ids.
func goldIDs(t *testing.T, paths ...string) ([]GoldMeeting, map[string]bool) {
	t.Helper()
	gold, err := LoadGold(paths...)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, m := range gold {
		ids[m.ID] = true
	}
	return gold, ids
}

func t4Files(t *testing.T) []string { return batchFiles(t, "t4-") }

// batchFiles returns the training meetings of one batch, by file name
// prefix: t4- (wave 4, topics), a5- (wave 4, an annotator who read no
// code), a6- (wave 5, the same way), a7- and a8- (wave 6, two more
// annotators the same way), a11- and a12- (wave 11, two more).
func batchFiles(t *testing.T, prefix string) []string {
	files, err := filepath.Glob("../testdata/annotated/train/" + prefix + "*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no training batch %s: %v", prefix, err)
	}
	return files
}

// devFiles returns the development meetings of one batch
// (testdata/annotated/dev), by file name prefix: a9- and a10- (wave 8).
func devFiles(t *testing.T, prefix string) []string {
	files, err := filepath.Glob("../testdata/annotated/dev/" + prefix + "*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no development batch %s: %v", prefix, err)
	}
	return files
}

// batchPrefixes start the names of the training meetings written in a
// batch of their own (waves 4 to 6 and 11), which the tests score apart: each
// was scored once before anything was tuned on it.
var batchPrefixes = []string{"t4-", "a5-", "a6-", "a7-", "a8-", "a11-", "a12-"}

// inBatch reports whether the file named base belongs to one of the
// batches of batchPrefixes.
func inBatch(base string) bool {
	for _, p := range batchPrefixes {
		if strings.HasPrefix(base, p) {
			return true
		}
	}
	return false
}

// trainFiles returns the files of testdata/annotated/train, with or
// without the batches scored apart (batchPrefixes).
func trainFiles(t *testing.T, wave4 bool) []string {
	files, err := filepath.Glob("../testdata/annotated/train/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no training meetings: %v", err)
	}
	var out []string
	for _, f := range files {
		if b := filepath.Base(f); wave4 || !inBatch(b) {
			out = append(out, f)
		}
	}
	return out
}
