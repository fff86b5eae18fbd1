package analyze

import "strings"

// Training settings: fixed, so that training is deterministic.
const (
	trainRounds = 4000
	trainRate   = 0.1
	trainL2     = 0.02 // per example, not on the bias
)

// topicExample is one topic a case holds evidence of, and whether gold
// gives the case that topic.
type topicExample struct {
	x  []float64
	is bool
}

// topicExamples returns the examples of the gold meetings, in the order of
// meetings, cases and taxonomy topics.
func (a *Analyzer) topicExamples(gold []GoldMeeting) []topicExample {
	var out []topicExample
	for _, m := range gold {
		for _, gc := range m.Cases {
			text := strings.Join(gc.Paragraphs, "\n\n")
			accs, cands := a.topicCandidates(gc.Title, text, a.Statements(text))
			want := map[string]bool{}
			for _, t := range gc.Topics {
				want[t] = true
			}
			for i, d := range a.tax.Topics {
				if accs[i] == nil {
					continue // no supporting sentence: never given
				}
				out = append(out, topicExample{x: cands[i].features(), is: want[d.ID]})
			}
		}
	}
	return out
}

// TrainTopicModel fits a topic model to the annotated meetings with the
// analyzer's taxonomy: logistic regression by full-batch gradient descent
// from zero weights, a fixed number of rounds, an L2 penalty; the same
// meetings always give the same model.
func (a *Analyzer) TrainTopicModel(gold []GoldMeeting) *TopicModel {
	ex := a.topicExamples(gold)
	m := &TopicModel{Features: topicFeatures, Weights: make([]float64, len(topicFeatures)), Threshold: 0.5}
	if len(ex) == 0 {
		return m
	}
	grad := make([]float64, len(m.Weights))
	for r := 0; r < trainRounds; r++ {
		for j := range grad {
			grad[j] = 0
		}
		for _, e := range ex {
			y := 0.0
			if e.is {
				y = 1
			}
			d := m.probability(e.x) - y
			for j, v := range e.x {
				grad[j] += d * v
			}
		}
		for j := range m.Weights {
			g := grad[j] / float64(len(ex))
			if j > 0 {
				g += trainL2 * m.Weights[j]
			}
			m.Weights[j] -= trainRate * g
		}
	}
	return m
}

// CrossValidateTopics scores topics leaving one meeting out: for each
// meeting, a model trained on the other meetings analyses it. It returns
// the topic scores of the rules alone and of the learned models, summed
// over the meetings: the honest estimate of how the model does on meetings
// it was not trained on.
func (a *Analyzer) CrossValidateTopics(gold []GoldMeeting) (rules, learned PRF) {
	opts := a.opts
	opts.TopicModel = RulesTopicModel()
	r := New(a.tax, opts)
	ev := r.Evaluate(gold)
	rules = ev.Topics
	for k := range gold {
		rest := append(append([]GoldMeeting(nil), gold[:k]...), gold[k+1:]...)
		opts.TopicModel = a.TrainTopicModel(rest)
		ev := New(a.tax, opts).Evaluate(gold[k : k+1])
		learned.add(ev.Topics)
	}
	return rules, learned
}
