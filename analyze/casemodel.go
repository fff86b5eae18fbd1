package analyze

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Settings of the case model (see TrainCaseModel), chosen leaving one
// batch of meetings out (see CrossValidateBatches): fixed, so that
// training is deterministic.
const (
	caseL2 = 0.3 // L2 penalty on the summed loss, not on the biases
	// caseThreshold and caseSentence are the built-in model's Threshold
	// and Sentence.
	caseThreshold = 0.70
	caseSentence  = 0.5
)

// A CaseModel says how far a whole case is about each topic: per topic, a
// logistic regression over the distinct stems of its title and text
// (with the parts of compound stems, see splitCompound; the stems the
// SentenceModel weighs: in sentMinMeetings training meetings or more),
// trained by TrainCaseModel on annotated meetings with the gold topics of
// each case. Where the sentence model asks whether one sentence is about
// a topic, the case model weighs what the case says in all its
// sentences; it gives a topic neither the TopicModel nor the sentence
// model did when the case scores Threshold or more for it and its best
// sentence (or title) scores Sentence or more in the sentence model:
// two views agree. That sentence is the topic's evidence. It needs the
// sentence model; topics not in Topics are never given so.
type CaseModel struct {
	Topics []string `json:"topics"` // topic ids, in the order of Bias and each stem's weights
	// Threshold is the probability from which a case has a topic.
	Threshold float64 `json:"threshold"`
	// Sentence is the sentence model's probability its best sentence
	// must reach as well.
	Sentence float64   `json:"sentence"`
	Bias     []float64 `json:"bias"`
	// Weights are, per stem, its weight for each topic.
	Weights map[string][]float64 `json:"weights"`
}

// marshalTo writes the model as the JSON value of TopicModel's "cases"
// key (see marshalLinear).
func (c *CaseModel) marshalTo(b *strings.Builder) {
	marshalLinear(b, "topics", c.Topics, fmt.Sprintf("\"threshold\": %.2f,\n    \"sentence\": %.2f", c.Threshold, c.Sentence), c.Bias, c.Weights)
}

// asSentences is the model in the shape of a SentenceModel, to compile.
func (c *CaseModel) asSentences() *SentenceModel {
	if c == nil {
		return nil
	}
	return &SentenceModel{Topics: c.Topics, Threshold: c.Threshold, Bias: c.Bias, Weights: c.Weights}
}

// caseLogits returns, per taxonomy topic, the case model's logit of a
// case: its biases plus the weights of the distinct weighed stems (and
// compound parts) of the title's and the text's words.
func (sc *sentScorer) caseLogits(title, text *caseText) []float64 {
	z := append([]float64(nil), sc.bias...)
	// seen marks the ids added in text.caseMarks (all false between
	// uses), cleared before it returns.
	mark, seen := text.caseMarks, text.caseSeen[:0]
	if len(mark) < len(sc.index) {
		mark = make([]bool, len(sc.index))
		text.caseMarks = mark
	}
	defer func() {
		for _, id := range seen {
			mark[id] = false
		}
		text.caseSeen = seen[:0]
	}()
	add := func(id int32) {
		if id < 0 || mark[id] {
			return
		}
		mark[id] = true
		seen = append(seen, id)
		for i, w := range sc.rows[int(id)*sc.topics : int(id+1)*sc.topics] {
			z[i] += w
		}
	}
	for _, ws := range [][]*word{title.whole, text.whole} {
		for _, w := range ws {
			add(w.caseID)
			for _, id := range w.caseParts() {
				add(id)
			}
		}
	}
	return z
}

// TrainCaseModel fits the case model to the annotated meetings with the
// analyzer's taxonomy (see CaseModel), with the built-in settings: the
// same meetings always give the same model.
func (a *Analyzer) TrainCaseModel(gold []GoldMeeting) *CaseModel {
	co := a.sentCorpus(gold)
	// One unit per case: the distinct stems of its title and sentences.
	for ci := range co.cases {
		c := &co.cases[ci]
		var all []int32
		for _, u := range c.units {
			for _, s := range u.stems {
				if !containsID(all, s) {
					all = append(all, s)
				}
			}
		}
		slices.Sort(all)
		c.units = []sentUnit{{stems: all, supports: make([]bool, co.topics)}}
	}
	bias, w := co.fitSentences(func(*sentCase) bool { return true }, sentConfig{label: labelAll, minMeetings: sentMinMeetings, l2: caseL2})
	s := co.model(a.tax, bias, w)
	return &CaseModel{Topics: s.Topics, Threshold: caseThreshold, Sentence: caseSentence, Bias: s.Bias, Weights: s.Weights}
}

// caseGives reports whether the case model gives topic i to the case of
// title and text: the best sentence's logit sz reaches the sentence floor
// and the case's logit the threshold. *z holds the case's logits, worked
// out as calls need them (see caseLogit).
func (a *Analyzer) caseGives(i int, z *[]float64, sz float64, title, text *caseText) bool {
	if a.cases == nil || !a.cases.on[i] || sz < a.caseSentence {
		return false
	}
	return a.caseLogit(i, z, title, text) >= a.cases.threshold
}

// caseLogit returns the case model's logit of topic i for the case of
// title and text. *z caches the logits: nil at first, NaN for a topic not
// worked out yet. When the sentence model's best (sentScorer.best) has
// collected the case's distinct stems (text.caseIDs: the two models weigh
// the same stems), only topic i's weights are summed; else all topics'
// logits are worked out at once (caseLogits).
func (a *Analyzer) caseLogit(i int, z *[]float64, title, text *caseText) float64 {
	sc := a.cases
	if *z == nil {
		if !text.caseIDsOK {
			*z = sc.caseLogits(title, text)
			return (*z)[i]
		}
		if cap(text.caseZ) < sc.topics {
			text.caseZ = make([]float64, sc.topics)
		}
		*z = text.caseZ[:sc.topics]
		for k := range *z {
			(*z)[k] = math.NaN()
		}
	}
	if v := (*z)[i]; !math.IsNaN(v) {
		return v
	}
	v := sc.bias[i]
	for _, id := range text.caseIDs {
		v += sc.rows[int(id)*sc.topics+i]
	}
	(*z)[i] = v
	return v
}
