package analyze

import (
	"slices"
	"testing"

	"github.com/ntlnav/referat"
)

// stackHandModel is handModel (the rules decide; a sentence model that
// weighs a few stems for lønn and arbeidstid, at a threshold it never
// reaches alone) with a stack model that weighs the best sentence alone.
func stackHandModel() *TopicModel {
	m := handModel(0.999, 0)
	m.Weights[0], m.Weights[1] = -5, 10 // the rules' decision
	w := make([]float64, nStack)
	w[0], w[5] = -1, 8 // bias, sentence
	m.Stack = &StackModel{Features: stackFeatures, Weights: w, Threshold: 0.5,
		With: map[string]map[string]float64{"lønn": {"arbeidstid": 0.2}}}
	return m
}

// orientation analyses a case titled "Orientering" with text, and returns
// it and its topics' ids in the order given.
func orientation(a *Analyzer, text string) (referat.Case, []string) {
	c := referat.Case{Title: "Orientering", Text: text}
	a.Case(&c)
	var ids []string
	for _, tp := range c.Topics {
		ids = append(ids, tp.ID)
	}
	return c, ids
}

// TestStackModelDecides: the stack model makes the last decision for the
// topics the sentence model scores: it gives one the first stage did not
// (with the best sentence as evidence), takes away one the first stage
// gave, and leaves alone a topic the sentence model does not score.
func TestStackModelDecides(t *testing.T) {
	a := New(nil, Options{TopicModel: stackHandModel()})
	tests := []struct {
		name, text string
		want       []string
		evidence   string // lønn's evidence, when given
	}{
		{name: "given by the stack", text: "Saken ble lagt fram. Partene ble enige om potten og fordelingen. Møtet ble hevet.",
			want: []string{"lønn"}, evidence: "Partene ble enige om potten og fordelingen."},
		{name: "taken away, not scored kept", text: "Vi tok opp lønnsoppgjøret og budsjettet for lønnsmidler. NTL ba om fleksibel arbeidstid og hjemmekontor.",
			want: []string{"budsjett", "lønn"}, evidence: "Vi tok opp lønnsoppgjøret og budsjettet for lønnsmidler."},
		{name: "nothing", text: "Saken ble lagt fram.", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, got := orientation(a, tt.text)
			for _, tp := range c.Topics {
				if len(tp.Evidence) == 0 {
					t.Errorf("topic %s has no evidence", tp.ID)
				}
				if tp.ID == "lønn" {
					e := tp.Evidence[0]
					if e.Title || c.Text[e.Start:e.End] != tt.evidence {
						t.Errorf("lønn's evidence %q, want %q", c.Text[e.Start:e.End], tt.evidence)
					}
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("topics %v, want %v", got, tt.want)
			}
		})
	}
}

// TestStackModelRoundTrip: the model reads back what it wrote, and a
// stack model of other features is an error.
func TestStackModelRoundTrip(t *testing.T) {
	checkRoundTrip(t, stackHandModel(), `"with", "said"]`, `"with"]`, func(back *TopicModel) bool {
		return back.Stack.Weights[5] == 8 && back.Stack.With["lønn"]["arbeidstid"] == 0.2
	})
}

// TestCooccurrence: the share of the cases with one topic that have
// another, over one more case than there are.
func TestCooccurrence(t *testing.T) {
	gold := []GoldMeeting{{Cases: []GoldCase{
		{Topics: []string{"budsjett", "bemanning"}},
		{Topics: []string{"budsjett", "bemanning"}},
		{Topics: []string{"budsjett"}},
		{Topics: []string{"lønn"}},
	}}}
	got := New(nil, Options{}).cooccurrence(gold)
	if got["bemanning"]["budsjett"] != 0.5 || got["budsjett"]["bemanning"] != 0.667 || got["lønn"] != nil {
		t.Errorf("cooccurrence %v, want bemanning with budsjett 2/4, budsjett with bemanning 2/3, lønn with none", got)
	}
}

// TestFitStack: a feature that tells gold's answer gets a positive
// weight, a topic given more often than the others a higher bias, and
// the same examples give the same weights.
func TestFitStack(t *testing.T) {
	var ex []stackExample
	for k := 0; k < 40; k++ {
		is := k%2 == 0
		e := stackExample{topic: k % 4 / 2, is: is || k%4 == 1}
		e.x[0] = 1
		if is {
			e.x[5] = 1
		}
		ex = append(ex, e)
	}
	all := func(*stackExample) bool { return true }
	w, b := fitStack(ex, 2, all)
	if w[5] <= 0 || b[0] <= b[1] {
		t.Errorf("weights %v, biases %v: want the sentence's weight > 0 and topic 0's bias above topic 1's", w, b)
	}
	w2, b2 := fitStack(ex, 2, all)
	if !slices.Equal(w, w2) || !slices.Equal(b, b2) {
		t.Error("two fits of the same examples differ")
	}
}

// TestStackModelSaid: the stack's "said" feature is 1 when the sentence
// model's best unit for the topic is an actor's statement: with a stack
// model that weighs it alone, a topic whose best sentence a party says is
// given, the same sentence as narrative is not, and a topic whose best
// unit is the title never is.
func TestStackModelSaid(t *testing.T) {
	m := stackHandModel()
	m.Stack.Weights = make([]float64, nStack)
	m.Stack.Weights[0], m.Stack.Weights[nStack-1] = -1, 2 // bias, said
	a := New(nil, Options{TopicModel: m})
	tests := []struct {
		name, text string
		want       []string
	}{
		{name: "said", text: "Saken ble lagt fram. NTL mente at potten må fordeles jevnt.", want: []string{"lønn"}},
		{name: "narrative", text: "Saken ble lagt fram. Potten ble fordelt jevnt.", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, got := orientation(a, tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("topics %v, want %v (statements %v)", got, tt.want, c.Statements)
			}
		})
	}
}
