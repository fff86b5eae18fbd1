package analyze

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// stackFeatures are the names of what the StackModel weighs for a topic
// of a case, in the order of StackModel.Weights. They are the first
// stage's outputs, never words, so that the model holds for any
// taxonomy the sentence model scores:
//
//	bias        1
//	first       1 when the first stage (the topic, sentence and case models) gives the topic
//	evidence    1 when the rules found a supporting sentence (or the title)
//	rule        1 when the rules give the topic
//	topic       the topic model's logit, within ±6, over 2 (0 without evidence)
//	sentence    the best unit's logit in the sentence model, within [-12, 8], over 4
//	second      the second best unit's logit, the same way
//	case        the case model's logit, the same way
//	support     supporting sentences, at most 4, over 2
//	others      other topics the first stage gives the case, at most 3
//	length      the natural log of 1 plus the case's sentences
//	title       the title's logit in the sentence model, the same way as sentence
//	with        of the other topics the first stage gives, the highest share of
//	            training cases with that topic that also have this one
//	said        1 when the sentence model's best unit is an actor's statement
var stackFeatures = []string{"bias", "first", "evidence", "rule", "topic", "sentence", "second", "case",
	"support", "others", "length", "title", "with", "said"}

const nStack = 14

// A StackModel is the second stage of the topic decision: per topic the
// sentence model scores, a logistic regression over the first stage's
// outputs for the case (stackFeatures) with a bias per topic, trained by
// BuildTopicModel on the first stage's outputs for meetings it was not
// trained on (leaving one batch out). A topic is given when its
// probability reaches Threshold: the first stage's evidence when the
// first stage gave it, else the sentence model's best unit.
type StackModel struct {
	Features []string  `json:"features"`
	Weights  []float64 `json:"weights"`
	// TopicBias are, per topic id, a bias added to the weights' sum.
	TopicBias map[string]float64 `json:"topic_bias,omitempty"`
	// With are, per topic id, per other topic id, the share of the
	// training cases with the other topic that have the topic too.
	With      map[string]map[string]float64 `json:"with,omitempty"`
	Threshold float64                       `json:"threshold"`
}

// check reports a model whose features are not this version's.
func (s *StackModel) check() error {
	if strings.Join(s.Features, ",") != strings.Join(stackFeatures, ",") || len(s.Weights) != nStack {
		return fmt.Errorf("topic model: stack: features %v, want %v: run go generate ./analyze", s.Features, stackFeatures)
	}
	return nil
}

// marshalTo writes the model as the JSON value of TopicModel's "stack"
// key, weights rounded to four decimals.
func (s *StackModel) marshalTo(b *strings.Builder) {
	b.WriteString("{\n    \"features\": [")
	for i, f := range s.Features {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(b, "%q", f)
	}
	b.WriteString("],\n    \"weights\": [")
	for i, w := range s.Weights {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(b, "%.4f", w)
	}
	b.WriteString("],\n    \"topic_bias\": {")
	for i, t := range sortedKeys(s.TopicBias) {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(b, "%q: %.4f", t, s.TopicBias[t])
	}
	b.WriteString("},\n    \"with\": {")
	for i, t := range sortedKeys(s.With) {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(b, "\n      %q: {", t)
		for j, u := range sortedKeys(s.With[t]) {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(b, "%q: %.3f", u, s.With[t][u])
		}
		b.WriteString("}")
	}
	fmt.Fprintf(b, "\n    },\n    \"threshold\": %.2f\n  }", s.Threshold)
}

// A stackScorer is a StackModel compiled for an analyzer's taxonomy.
type stackScorer struct {
	w         []float64
	bias      []float64   // per taxonomy topic
	with      [][]float64 // per taxonomy topic, per other (see StackModel.With)
	threshold float64     // in logits
}

func compileStack(s *StackModel, t *Taxonomy) *stackScorer {
	if s == nil {
		return nil
	}
	sc := &stackScorer{w: s.Weights, bias: make([]float64, len(t.Topics)), threshold: logit(s.Threshold)}
	for i, d := range t.Topics {
		sc.bias[i] = s.TopicBias[d.ID]
		row := make([]float64, len(t.Topics))
		for j, e := range t.Topics {
			row[j] = s.With[d.ID][e.ID]
		}
		sc.with = append(sc.with, row)
	}
	return sc
}

// A stackInput is what the first stage says of one topic of a case.
type stackInput struct {
	first, evidence, rule bool
	said                  bool // the best unit is an actor's statement
	topic, z1, z2, zc, zt float64
	with, length          float64 // length: log(1 + the case's sentences)
	support, others       int
}

// stackClip is how a logit of the sentence or the case model is weighed.
func stackClip(z float64) float64 { return min(max(z, -12), 8) / 4 }

// stackCase is the index of "case" in stackFeatures.
const stackCase = 7

// features returns the input's stackFeatures.
func (in *stackInput) features() [nStack]float64 {
	b := func(x bool) float64 {
		if x {
			return 1
		}
		return 0
	}
	topic := 0.0
	if in.evidence {
		topic = min(max(in.topic, -6), 6) / 2
	}
	return [nStack]float64{1, b(in.first), b(in.evidence), b(in.rule), topic, stackClip(in.z1), stackClip(in.z2), stackClip(in.zc),
		float64(min(in.support, 4)) / 2, float64(min(in.others, 3)), in.length, stackClip(in.zt), in.with, b(in.said)}
}

// logit is the model's logit for topic i with input in.
func (sc *stackScorer) logit(i int, in *stackInput) float64 {
	x := in.features()
	z := sc.bias[i]
	for j, w := range sc.w {
		z += w * x[j]
	}
	return z
}

// stackInput returns what the first stage says of topic i of the case
// (its decisions how, the rules' findings and the best units; the
// case's text, and length, the natural log of 1 plus its sentences),
// all but the case model's logit: zc is -12, the least there is.
func (a *Analyzer) stackInput(i int, how []int, accs []*topicAcc, cands []*topicCandidate, best []sentBest, text *caseText, length float64) stackInput {
	in := stackInput{first: how[i] != notGiven, evidence: accs[i] != nil, z1: best[i].z, z2: best[i].z2, zt: best[i].zt, zc: -12, length: length}
	if !best[i].title {
		_, in.said = slices.BinarySearch(text.said, best[i].span.Start)
	}
	if c := cands[i]; c != nil && in.evidence {
		in.rule, in.support = c.rule, c.support
		in.topic = c.z // set by gives in firstStage
	}
	for j, h := range how {
		if j != i && h != notGiven {
			in.others++
			if a.stack != nil {
				in.with = max(in.with, a.stack.with[i][j])
			}
		}
	}
	return in
}

// stackDecide sets how for each topic the sentence model scores from the
// stack model's decision: a topic the first stage gave keeps its
// evidence, one it did not is given with the best unit's. The case
// model's logit of a topic is worked out only when the decision depends
// on it: otherwise the case term's least or greatest value decides
// alike. A taxonomy of more than 64 topics is left to the first stage.
func (a *Analyzer) stackDecide(how []int, accs []*topicAcc, cands []*topicCandidate, best []sentBest, caseZ *[]float64, title, text *caseText) {
	var z [64]float64 // per topic, the logit without the case term
	n := len(how)
	if n > len(z) {
		return
	}
	th, cw := a.stack.threshold, a.stack.w[stackCase]
	least := cw * stackClip(-12)
	lo, hi := least, cw*stackClip(8) // the case term's range
	if lo > hi {
		lo, hi = hi, lo
	}
	length := math.Log1p(float64(len(text.sents)))
	for i := range how {
		if a.sent.on[i] {
			in := a.stackInput(i, how, accs, cands, best, text, length)
			z[i] = a.stack.logit(i, &in) - least
		}
	}
	for i := range how {
		if !a.sent.on[i] {
			continue
		}
		switch {
		case a.cases == nil || !a.cases.on[i]:
			z[i] += least
		case z[i]+lo >= th:
			z[i] += lo
		case z[i]+hi < th:
			z[i] += hi
		default:
			z[i] += cw * stackClip(a.caseLogit(i, caseZ, title, text))
		}
		switch {
		case z[i] < th:
			how[i] = notGiven
		case how[i] == notGiven:
			how[i] = bySentence
		}
	}
}
