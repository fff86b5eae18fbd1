package analyze

import (
	"testing"

	"github.com/ntlnav/referat"
)

// caseHandModel is handModel (its sentence model adds at 0.9 only) with a
// case model that weighs words spread over a case's sentences.
func caseHandModel() *TopicModel {
	m := handModel(0.9, 0)
	m.Cases = &CaseModel{
		Topics:    []string{"lønn", "arbeidstid"},
		Threshold: 0.9,
		Sentence:  0.1,
		Bias:      []float64{-3, -3},
		Weights: map[string][]float64{
			"pott":      {3, 0},
			"fordeling": {1, 0},
			"tillegg":   {2, 0},
			"kjernetid": {0, 1},
		},
	}
	return m
}

// TestCaseModelGives: a topic neither the rules nor the sentence model
// give is given when the whole case scores the case model's threshold and
// its best sentence the sentence floor; that sentence is the evidence.
// The case model alone (its best sentence under the floor) gives nothing,
// nor does a case under the threshold.
func TestCaseModelGives(t *testing.T) {
	a := New(nil, Options{TopicModel: caseHandModel()})
	tests := []struct {
		name, title, text string
		want              string // the topic given, or ""
		evidence          string
	}{
		{name: "spread over sentences", title: "Orientering",
			text: "Potten er klar. Fordelingen skjer i mai. Tillegg gis etter søknad.",
			want: "lønn", evidence: "Potten er klar."},
		{name: "under the case threshold", title: "Orientering", text: "Potten er klar. Fordelingen skjer i mai.", want: ""},
		{name: "no sentence at the floor", title: "Orientering", text: "Kjernetiden er uendret. Saken ble lagt fram.", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := referat.Case{Title: tt.title, Text: tt.text}
			a.Case(&c)
			e, ok := oneTopic(t, c, tt.want)
			if ok && c.Text[e.Start:e.End] != tt.evidence {
				t.Errorf("evidence %q, want %q", c.Text[e.Start:e.End], tt.evidence)
			}
		})
	}
	// Without the case model, the sentence model alone gives nothing.
	m := caseHandModel()
	m.Cases = nil
	c := referat.Case{Title: "Orientering", Text: tests[0].text}
	New(nil, Options{TopicModel: m}).Case(&c)
	if len(c.Topics) != 0 {
		t.Errorf("without the case model: got %+v, want no topic", c.Topics)
	}
}

// TestCaseModelRoundTrip: the model reads back what it wrote, and a stem
// with weights that do not fit the topics is an error.
func TestCaseModelRoundTrip(t *testing.T) {
	checkRoundTrip(t, caseHandModel(), `"tillegg": [2,0]`, `"tillegg": [2]`, func(back *TopicModel) bool {
		return back.Cases.Weights["tillegg"][0] == 2 && back.Cases.Sentence == 0.1
	})
}

// TestSentenceModelCompounds: a compound whose parts the sentence model
// weighs counts them ("lønnspotten" is "lønn" and "pott"), so that a
// writer who joins the words is read like one who does not.
func TestSentenceModelCompounds(t *testing.T) {
	m := RulesTopicModel()
	m.Sentences = &SentenceModel{Topics: []string{"lønn"}, Threshold: 0.7, Bias: []float64{-3},
		Weights: map[string][]float64{"lønn": {2}, "pott": {2}}}
	a := New(nil, Options{TopicModel: m})
	for _, tt := range []struct {
		text string
		want int
	}{
		{text: "Lønnspotten ble fordelt.", want: 1},
		{text: "Potten for lønn ble fordelt.", want: 1},
		{text: "Potten ble fordelt.", want: 0},
	} {
		c := referat.Case{Title: "Orientering", Text: tt.text}
		a.Case(&c)
		if len(c.Topics) != tt.want {
			t.Errorf("%q: topics %+v, want %d", tt.text, c.Topics, tt.want)
		}
	}
}
