package analyze

import (
	"bytes"
	"testing"
)

// devSets are the annotated meetings the built-in topic model is trained
// on: the development sets, never the held-out ones.
var devSets = []string{"../testdata/annotated/train", "../testdata/samples", "../testdata/meetings"}

// TestTopicModelUpToDate trains the topic model on the development sets
// and compares it with the embedded topicmodel.json: a change to the
// features, the taxonomy or the data that changes the model must come
// with the model (go generate ./analyze).
func TestTopicModelUpToDate(t *testing.T) {
	gold, err := LoadGold(devSets...)
	if err != nil {
		t.Fatal(err)
	}
	got := New(nil, Options{}).TrainTopicModel(gold).Marshal()
	if !bytes.Equal(got, defaultTopicModel) {
		t.Errorf("topicmodel.json is out of date: run go generate ./analyze\ntrained:\n%s\nembedded:\n%s", got, defaultTopicModel)
	}
}

// TestCrossValidateTopics: leaving one development meeting out, the
// learned model scores about as the rules do (measured on 36 meetings:
// rules 0.916, learned 0.917; on 42 with the six wave 4 meetings written
// for exchanges, whose topics nothing was tuned on: rules P 0.905 F1
// 0.897, learned P 0.902 F1 0.897), and both stay at what was measured
// (rounded down). These are the figures to trust for new
// meetings, not the in-sample ones of TestEvaluateAnnotated.
func TestCrossValidateTopics(t *testing.T) {
	if testing.Short() {
		t.Skip("trains a model per meeting")
	}
	gold, err := LoadGold(devSets...)
	if err != nil {
		t.Fatal(err)
	}
	rules, learned := New(nil, Options{}).CrossValidateTopics(gold)
	t.Logf("rules %v, learned %v", rules, learned)
	if rules.Precision() < 0.90 || rules.F1() < 0.89 {
		t.Errorf("rules: %v, want P >= 0.90, F1 >= 0.89", rules)
	}
	if learned.Precision() < 0.90 || learned.F1() < 0.89 || learned.F1() < rules.F1()-0.005 {
		t.Errorf("learned: %v, want P >= 0.90, F1 >= 0.89 and no more than one error in 200 below the rules' %.3f", learned, rules.F1())
	}
}

// TestRulesTopicModel: the rules' model gives a topic exactly when the
// rules do.
func TestRulesTopicModel(t *testing.T) {
	m := RulesTopicModel()
	for _, rule := range []bool{false, true} {
		c := topicCandidate{rule: rule, titleOwn: true, strong: 3, support: 4, said: 3, terms: 4, sentences: 4, top: true}
		if !rule {
			c = topicCandidate{support: 1, terms: 1, sentences: 1, top: true, said: 0}
		}
		if got := m.gives(&c); got != rule {
			t.Errorf("rule %v: gives %v", rule, got)
		}
	}
}

func TestPassingMentions(t *testing.T) {
	a := New(nil, Options{})
	tests := []struct {
		name, sentence string
		want           []string // topics the sentence supports
	}{
		{name: "in a period of", sentence: "NTL er uenig i at frikjøpet av tillitsvalgte skal reduseres i en periode med stramme budsjetter.", want: []string{"medbestemmelse"}},
		{name: "limited by", sentence: "Direktøren svarte at mulighetene er begrenset av budsjettet.", want: nil},
		{name: "the matter itself", sentence: "NTL ba om at budsjettet drøftes før det vedtas.", want: []string{"budsjett"}},
		{name: "before the phrase", sentence: "Sykefraværet økte på grunn av influensa.", want: []string{"arbeidsmiljø"}},
		{name: "because of", sentence: "Kontoret stenger tidlig på grunn av sykefravær.", want: nil},
		{name: "nynorsk", sentence: "Fråværet heng saman med arbeidspresset.", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := a.supportedIn(tt.sentence)
			if len(got) != len(tt.want) || len(got) > 0 && got[0] != tt.want[0] {
				t.Errorf("supportedIn(%q) = %v, want %v", tt.sentence, got, tt.want)
			}
		})
	}
}
