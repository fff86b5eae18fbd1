package analyze

import (
	"math"
	"strings"
)

// Training settings: fixed, so that training is deterministic.
const (
	trainRounds = 4000
	trainRate   = 0.1
	trainL2     = 0.02 // per example, not on the bias
)

// topicExample is one topic a case holds evidence of, and whether gold
// gives the case that topic.
type topicExample struct {
	x     []float64
	topic string // the topic's id
	is    bool
}

// topicExamples returns the examples of the gold meetings, in the order of
// meetings, cases and taxonomy topics.
func (a *Analyzer) topicExamples(gold []GoldMeeting) []topicExample {
	ex, _ := a.topicExamplesOf(gold)
	return ex
}

// topicExamplesOf is topicExamples, with the number of gold topics that
// have no example (no supporting sentence: never given, always missed).
// Passages give none: the topic model weighs how evidence stands in a
// case (its title, its share of sentences), which an untitled passage of
// a few sentences does not show as a case does; the sentence and case
// models learn from them.
func (a *Analyzer) topicExamplesOf(gold []GoldMeeting) ([]topicExample, int) {
	var out []topicExample
	unseen := 0
	for _, m := range gold {
		if m.Passage {
			continue
		}
		for _, gc := range m.Cases {
			text := strings.Join(gc.Paragraphs, "\n\n")
			accs, cands := a.topicCandidates(gc.Title, text, a.Statements(text))
			want := map[string]bool{}
			for _, t := range gc.Topics {
				want[t] = true
			}
			for i, d := range a.tax.Topics {
				if accs[i] == nil {
					if want[d.ID] {
						unseen++
					}
					continue // no supporting sentence: never given
				}
				out = append(out, topicExample{x: cands[i].features(), topic: d.ID, is: want[d.ID]})
			}
		}
	}
	return out, unseen
}

// TrainTopicModel fits a topic model to the annotated meetings with the
// analyzer's taxonomy: logistic regression by full-batch gradient descent
// from zero weights, a fixed number of rounds, an L2 penalty; the same
// meetings always give the same model.
func (a *Analyzer) TrainTopicModel(gold []GoldMeeting) *TopicModel {
	return fitTopicModel(a.topicExamples(gold))
}

// fitTopicModel fits the weights of a model to the examples; its
// threshold is 0.5. The per-topic weights are fitted with the others
// (see topicFit).
func fitTopicModel(ex []topicExample) *TopicModel {
	m := &TopicModel{Features: topicFeatures, Weights: make([]float64, len(topicFeatures)), Threshold: 0.5}
	if len(ex) == 0 {
		return m
	}
	f := newTopicFit(ex)
	grad := make([]float64, len(m.Weights))
	for r := 0; r < trainRounds; r++ {
		for j := range grad {
			grad[j] = 0
		}
		f.zero()
		for k, e := range ex {
			y := 0.0
			if e.is {
				y = 1
			}
			z := f.sum(k)
			for j, w := range m.Weights {
				z += w * e.x[j]
			}
			d := 1/(1+math.Exp(-z)) - y
			for j, v := range e.x {
				grad[j] += d * v
			}
			f.addGrad(k, d)
		}
		for j := range m.Weights {
			g := grad[j] / float64(len(ex))
			if j > 0 {
				g += trainL2 * m.Weights[j]
			}
			m.Weights[j] -= trainRate * g
		}
		f.step(len(ex))
	}
	m.PerTopic = f.weights()
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
		if gold[k].Passage {
			continue // always trained on, never scored
		}
		rest := append(append([]GoldMeeting(nil), gold[:k]...), gold[k+1:]...)
		opts.TopicModel = a.TrainTopicModel(rest)
		ev := New(a.tax, opts).Evaluate(gold[k : k+1])
		learned.add(ev.Topics)
	}
	return rules, learned
}

// thresholdGrid are the thresholds ChooseThreshold tries.
var thresholdGrid = []float64{0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8}

// A ThresholdScore is the leave-one-meeting-out topic score of the
// learned model at one threshold.
type ThresholdScore struct {
	Threshold float64
	Topics    PRF
}

// CrossValidateThresholds scores, leaving one meeting out, the learned
// model at each threshold of a fixed grid (0.35 to 0.80): for each
// meeting, a model trained on the others weighs its candidate topics,
// and a topic is given when its probability reaches the threshold. Gold
// topics without a supporting sentence count as missed at every
// threshold. The score at 0.5 is CrossValidateTopics' learned score.
func (a *Analyzer) CrossValidateThresholds(gold []GoldMeeting) []ThresholdScore {
	per := make([][]topicExample, len(gold))
	unseen := 0
	for k := range gold {
		ex, u := a.topicExamplesOf(gold[k : k+1])
		per[k], unseen = ex, unseen+u
	}
	out := make([]ThresholdScore, len(thresholdGrid))
	for i, t := range thresholdGrid {
		out[i] = ThresholdScore{Threshold: t, Topics: PRF{FN: unseen}}
	}
	for k := range gold {
		if len(per[k]) == 0 {
			continue // nothing to score (a passage gives no examples)
		}
		var rest []topicExample
		for j := range per {
			if j != k {
				rest = append(rest, per[j]...)
			}
		}
		m := fitTopicModel(rest)
		for _, e := range per[k] {
			p := m.probabilityOf(e.x, e.topic)
			for i := range out {
				given := p >= out[i].Threshold
				switch {
				case given && e.is:
					out[i].Topics.TP++
				case given:
					out[i].Topics.FP++
				case e.is:
					out[i].Topics.FN++
				}
			}
		}
	}
	return out
}

// ChooseThreshold returns the threshold of the scores whose F1 is within
// 0.005 of the best and whose precision is highest (on a tie, the highest
// threshold): of the equally good, the most precise.
func ChooseThreshold(scores []ThresholdScore) float64 {
	best := 0.0
	for _, s := range scores {
		best = max(best, s.Topics.F1())
	}
	t, p := 0.5, -1.0
	for _, s := range scores {
		if s.Topics.F1() >= best-0.005 && s.Topics.Precision() >= p {
			t, p = s.Threshold, s.Topics.Precision()
		}
	}
	return t
}

// BuildTopicModel is the built-in model's recipe: TrainTopicModel on the
// meetings, the sentence model TrainSentenceModel and the case model
// TrainCaseModel fit to them, and the threshold ChooseThreshold picks
// from the recipe's scores leaving one batch out
// (CrossValidateBatchThresholds: new writers), or, when the meetings hold
// fewer than two batches, from CrossValidateThresholds' scores leaving
// one meeting out. It returns the scores the threshold was chosen from.
func (a *Analyzer) BuildTopicModel(gold []GoldMeeting) (*TopicModel, []ThresholdScore) {
	m := a.TrainTopicModel(gold)
	m.Sentences = a.TrainSentenceModel(gold)
	m.Cases = a.TrainCaseModel(gold)
	folds := a.batchFolds(gold)
	scores := a.foldThresholds(folds)
	if scores == nil {
		scores = a.CrossValidateThresholds(gold)
	}
	m.Threshold = ChooseThreshold(scores)
	if folds != nil && stackOn {
		m.Stack = a.trainStack(gold, folds, m.Threshold)
	}
	return m, scores
}
