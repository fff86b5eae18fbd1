package analyze

import (
	"fmt"
	"math"
	"strings"
)

// sentGrid are the sentence thresholds CrossValidateSentences tries.
var sentGrid = []float64{0.5, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97}

// vetoGrid are the probabilities under which the best sentence of a topic
// the topic model gives takes it away (0: never).
var vetoGrid = []float64{0, 0.03, 0.05, 0.07, 0.1}

// Ways a sentence model may add a topic (see sentAdds).
const (
	addOne  = iota // one sentence (or the title) at the threshold
	addTwo         // two sentences at it
	addCand        // one, in a case where the rules found some term of the topic
)

var addNames = []string{"one sentence", "two sentences", "one, with a term"}

// A SentenceScore is the leave-one-meeting-out topic score of the topic
// model with a sentence model added one way at one threshold.
type SentenceScore struct {
	Config    string
	Threshold float64
	Topics    PRF
}

func (s SentenceScore) String() string {
	return fmt.Sprintf("%-40s %.2f: %v", s.Config, s.Threshold, s.Topics)
}

// A sentOutcome is what leaving one meeting out gives one case: per
// taxonomy topic whether the topic model gives it and whether the rules
// found any term of it, and the two highest logits of its units.
type sentOutcome struct {
	c          *sentCase
	given, any []bool
	z1, z2     []float64
}

// CrossValidateSentences scores, leaving one meeting out, the topic model
// (at threshold caseThreshold) with and without a sentence model: for
// each meeting, both are trained on the other meetings. It tries the
// label schemes, L2 penalties and stem floors of a small grid, each with
// every way and threshold of sentGrid; the first score is the topic model
// alone. Deterministic; slow (a model per meeting and setting).
func (a *Analyzer) CrossValidateSentences(gold []GoldMeeting, caseThreshold float64, all bool) []SentenceScore {
	co := a.sentCorpus(gold)
	base := a.baseOutcomes(gold, co, caseThreshold)
	var out []SentenceScore
	var alone PRF
	for _, o := range base {
		alone.add(o.score(nil, 0))
	}
	out = append(out, SentenceScore{Config: "topic model alone", Threshold: caseThreshold, Topics: alone})
	cfgs := []sentConfig{builtinSentConfig}
	if all {
		cfgs = nil
		for _, lb := range []int{labelTerms, labelAll, labelShort, labelBag} {
			for _, mm := range []int{4, 6, 8} {
				for _, l2 := range []float64{0.02, 0.05, 0.1, 0.5} {
					cfgs = append(cfgs, sentConfig{label: lb, minMeetings: mm, l2: l2})
				}
			}
		}
	}
	for _, cfg := range cfgs {
		a.sentOutcomes(gold, co, base, cfg)
		for way := range addNames {
			for _, th := range sentGrid {
				for _, veto := range vetoGrid {
					if way == addTwo && veto > 0 {
						continue
					}
					var s PRF
					for _, o := range base {
						s.add(o.score(func(i int) bool { return o.adds(i, way, th) }, veto))
					}
					name := fmt.Sprintf("label %d, stems in %d, L2 %.2f, %s, veto %.2f", cfg.label, cfg.minMeetings, cfg.l2, addNames[way], veto)
					out = append(out, SentenceScore{Config: name, Threshold: th, Topics: s})
				}
			}
		}
	}
	return out
}

// adds reports whether the sentence model adds topic i the given way at
// threshold th.
func (o *sentOutcome) adds(i, way int, th float64) bool {
	z := math.Log(th / (1 - th))
	switch way {
	case addTwo:
		return o.z2[i] >= z
	case addCand:
		return o.any[i] && o.z1[i] >= z
	}
	return o.z1[i] >= z
}

// score is the case's topic score with the topics the topic model gives
// and those add adds (none when nil), without those given whose best
// sentence scores under veto.
func (o *sentOutcome) score(add func(i int) bool, veto float64) PRF {
	var s PRF
	for i, want := range o.c.gold {
		got := o.given[i] || (add != nil && add(i))
		if got && veto > 0 && o.z1 != nil && o.z1[i] < math.Log(veto/(1-veto)) {
			got = false
		}
		switch {
		case got && want:
			s.TP++
		case got:
			s.FP++
		case want:
			s.FN++
		}
	}
	return s
}

// baseOutcomes returns, per case of co, what the topic model trained
// without its meeting gives.
func (a *Analyzer) baseOutcomes(gold []GoldMeeting, co *sentCorpus, th float64) []*sentOutcome {
	per := make([][]topicExample, len(gold))
	for k := range gold {
		per[k] = a.topicExamples(gold[k : k+1])
	}
	var out []*sentOutcome
	ci := 0
	for k, m := range gold {
		if m.Passage {
			ci += len(m.Cases) // always trained on, never scored
			continue
		}
		var rest []topicExample
		for j := range per {
			if j != k {
				rest = append(rest, per[j]...)
			}
		}
		tm := fitTopicModel(rest)
		tm.Threshold = th
		for _, gc := range m.Cases {
			o := &sentOutcome{c: &co.cases[ci], given: make([]bool, co.topics), any: make([]bool, co.topics)}
			ci++
			text := strings.Join(gc.Paragraphs, "\n\n")
			accs, cands := a.topicCandidates(gc.Title, text, a.Statements(text))
			for i, c := range cands {
				o.any[i] = true
				o.given[i] = accs[i] != nil && tm.gives(c)
			}
			out = append(out, o)
		}
	}
	return out
}

// sentOutcomes sets the logits of the outcomes, leaving each meeting out
// of the sentence model that scores it.
func (a *Analyzer) sentOutcomes(gold []GoldMeeting, co *sentCorpus, outs []*sentOutcome, cfg sentConfig) {
	n := co.topics
	// Each fold sets the outcomes of its own meeting's cases only.
	eachFold(len(gold), func(k int) {
		if gold[k].Passage {
			return // no outcomes: never scored
		}
		bias, w := co.fitSentences(func(c *sentCase) bool { return c.meeting != k }, cfg)
		for _, o := range outs {
			if o.c.meeting != k {
				continue
			}
			o.z1, o.z2 = make([]float64, n), make([]float64, n)
			for i := range o.z1 {
				o.z1[i], o.z2[i] = math.Inf(-1), math.Inf(-1)
			}
			for _, u := range o.c.units {
				for i := range n {
					z := bias[i]
					for _, s := range u.stems {
						z += w[int(s)*n+i]
					}
					if z > o.z1[i] {
						o.z1[i], o.z2[i] = z, o.z1[i]
					} else if z > o.z2[i] {
						o.z2[i] = z
					}
				}
			}
		}
	})
}

// CrossValidateRecipe scores, leaving one meeting out, the built-in
// model's recipe in full: for each meeting, a topic model (at threshold
// caseThreshold), a sentence model and a case model trained on the other
// meetings analyse it as referat does. Its figure is the one to trust
// for new meetings of writers the training meetings share; for new
// writers see CrossValidateBatches.
func (a *Analyzer) CrossValidateRecipe(gold []GoldMeeting, caseThreshold float64) PRF {
	return a.crossValidateRecipe(gold, caseThreshold, true)
}

// crossValidateRecipe is CrossValidateRecipe, without the case model when
// cases is false: then it equals the built-in row of
// CrossValidateSentences.
func (a *Analyzer) crossValidateRecipe(gold []GoldMeeting, caseThreshold float64, cases bool) PRF {
	per := make([]PRF, len(gold))
	eachFold(len(gold), func(k int) {
		if gold[k].Passage {
			return // always trained on, never scored
		}
		rest := append(append([]GoldMeeting(nil), gold[:k]...), gold[k+1:]...)
		m := a.TrainTopicModel(rest)
		m.Threshold = caseThreshold
		m.Sentences = a.TrainSentenceModel(rest)
		if cases {
			m.Cases = a.TrainCaseModel(rest)
		}
		opts := a.opts
		opts.TopicModel = m
		per[k] = New(a.tax, opts).Evaluate(gold[k : k+1]).Topics
	})
	var out PRF
	for _, s := range per {
		out.add(s)
	}
	return out
}
