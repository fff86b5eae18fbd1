package analyze

import (
	"math"
	"slices"
	"sort"
	"strings"
)

// Settings of the sentence model (see TrainSentenceModel), chosen leaving
// one development meeting out (CrossValidateSentences): fixed, so that
// training is deterministic. Training starts from zero weights and takes
// every example in every round: there is no randomness, hence no seed.
const (
	sentRounds = 150  // rounds of full-batch AdaGrad
	sentRate   = 0.3  // AdaGrad's step
	sentL2     = 0.05 // L2 penalty on the summed loss, not on the biases
	// sentMinMeetings: a stem is weighed only when it is in this many of
	// the training meetings, so that a word of one meeting (a name, a
	// place) cannot stand for its topics.
	sentMinMeetings = 6
	sentCutoff      = 0.0005 // a stem whose weights are all nearer 0 is left out
	// sentThreshold and sentVeto are the built-in model's Threshold and
	// Veto.
	sentThreshold = 0.93
	sentVeto      = 0.07
)

// Sentence labels: which sentences of a case that has a topic are
// examples of it (see sentCorpus.label). Sentences of cases without the
// topic are its negative examples.
const (
	labelTerms = iota // the title and the sentences the rules say support it
	labelAll          // every sentence and the title
	labelShort        // as labelTerms, and every sentence of a case of at most three
	// labelBag: as labelTerms, and a case with the topic but no unit the
	// rules say supports it is a bag: at least one of its units is
	// about the topic (the case's probability is the noisy-or of its
	// units'), which one is learnt.
	labelBag
)

// sentCompounds: the sentence model weighs the parts of compound stems
// too (see splitCompound); chosen leaving one batch out.
const sentCompounds = true

// sentLabel is the labelling the built-in model is trained with. With
// labelBag in place of labelTerms (wave 15), the whole recipe scored,
// leaving one meeting of train/ out, P 0.901 R 0.870 F1 0.885 (was 0.912
// / 0.833 / 0.871); leaving one batch out, pooled, 0.904 / 0.854 / 0.878
// (was 0.906 / 0.854 / 0.879); dev/, never trained on, 0.964 / 0.708 /
// 0.816 (was 0.946 / 0.699 / 0.804); the held-out sets, scored once,
// 0.908 / 0.840 / 0.873 (was 0.906 / 0.836 / 0.870). Bags of every case
// with the topic (its supported units in the bag too) and a bag loss
// weighed three times a unit's did no better leaving one batch out
// (F1 0.877 both).
const sentLabel = labelBag

// A sentUnit is a title or a sentence: its distinct stems (numbers into
// sentCorpus.stems) and the taxonomy topics the rules say it supports.
type sentUnit struct {
	stems    []int32
	supports []bool
	title    bool
}

// A sentCase is a gold case, for the sentence model.
type sentCase struct {
	meeting int
	gold    []bool // per taxonomy topic
	units   []sentUnit
}

// A sentCorpus is the gold cases split into units, with the meetings each
// stem is in.
type sentCorpus struct {
	topics   int
	stems    []string // sorted
	meetings [][]int  // per stem, the meetings it is in, ascending
	cases    []sentCase
}

// sentCorpus splits the cases of the gold meetings.
func (a *Analyzer) sentCorpus(gold []GoldMeeting) *sentCorpus {
	n := len(a.tax.Topics)
	ids := map[string]int32{}
	var raw []sentCase
	var stems []string
	unit := func(ct *caseText, t0, t1 int, topics []topicEntry, title bool) sentUnit {
		u := sentUnit{supports: make([]bool, n), title: title}
		for _, t := range ct.toks[t0:t1] {
			if t.part || !t.w.is(keywordWord) {
				continue
			}
			id, ok := ids[t.w.stem]
			if !ok {
				id = int32(len(stems))
				ids[t.w.stem] = id
				stems = append(stems, t.w.stem)
			}
			if !containsID(u.stems, id) {
				u.stems = append(u.stems, id)
			}
		}
		for _, e := range topics {
			if e.st.supports() {
				u.supports[e.topic] = true
			}
		}
		return u
	}
	for k, m := range gold {
		for _, gc := range m.Cases {
			c := sentCase{meeting: k, gold: make([]bool, n)}
			for _, t := range gc.Topics {
				for i, d := range a.tax.Topics {
					if d.ID == t {
						c.gold[i] = true
					}
				}
			}
			tt, ct := a.split(gc.Title, false), a.split(strings.Join(gc.Paragraphs, "\n\n"), true)
			c.units = append(c.units, unit(tt, 0, len(tt.toks), a.wholeTopics(tt), true))
			for s := range ct.sents {
				c.units = append(c.units, unit(ct, ct.sents[s].t0, ct.sents[s].t1, a.sentenceTopicsAt(ct, s), false))
			}
			tt.release()
			ct.release()
			raw = append(raw, c)
		}
	}
	// Number the stems in sorted order, so that nothing depends on the
	// order they were met in.
	order := make([]int32, len(stems))
	sorted := append([]string(nil), stems...)
	sort.Strings(sorted)
	for i, s := range sorted {
		order[ids[s]] = int32(i)
	}
	co := &sentCorpus{topics: n, stems: sorted, meetings: make([][]int, len(sorted)), cases: raw}
	for ci := range co.cases {
		c := &co.cases[ci]
		for ui := range c.units {
			u := c.units[ui].stems
			for j, id := range u {
				u[j] = order[id]
				ms := co.meetings[u[j]]
				if len(ms) == 0 || ms[len(ms)-1] != c.meeting {
					co.meetings[u[j]] = append(ms, c.meeting)
				}
			}
			sort.Slice(u, func(x, y int) bool { return u[x] < u[y] })
		}
	}
	co.addParts()
	return co
}

// addParts adds to each unit the parts of its compound stems (see
// splitCompound) among the stems in sentMinMeetings meetings or more: the
// stems a model of all the corpus weighs, as the analyzer splits with
// those its model holds.
func (co *sentCorpus) addParts() {
	if !sentCompounds {
		return
	}
	known := func(s string) bool {
		i, ok := slices.BinarySearch(co.stems, s)
		return ok && len(co.meetings[i]) >= sentMinMeetings
	}
	parts := make([][]int32, len(co.stems))
	for s, st := range co.stems {
		for _, p := range splitCompound(st, known) {
			i, _ := slices.BinarySearch(co.stems, p)
			parts[s] = append(parts[s], int32(i))
		}
	}
	for ci := range co.cases {
		for ui := range co.cases[ci].units {
			u := &co.cases[ci].units[ui]
			for _, s := range u.stems {
				for _, p := range parts[s] {
					if !containsID(u.stems, p) {
						u.stems = append(u.stems, p)
					}
				}
			}
			slices.Sort(u.stems)
		}
	}
}

func containsID(xs []int32, x int32) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// label returns, for unit u of case c and taxonomy topic i, 1 when it is
// a positive example, 0 a negative one, -1 none.
func (c *sentCase) label(u, i, scheme int) float64 {
	if !c.gold[i] {
		return 0
	}
	switch {
	case scheme == labelAll:
		return 1
	case c.units[u].supports[i]:
		return 1
	case scheme == labelShort && !c.units[u].title && len(c.units) <= 4:
		return 1
	case scheme == labelBag && !c.supported(i):
		return inBag
	}
	return -1
}

// inBag is the label of a unit of a bag (see labelBag).
const inBag = 2

// supported reports whether a unit of the case supports topic i.
func (c *sentCase) supported(i int) bool {
	for _, u := range c.units {
		if u.supports[i] {
			return true
		}
	}
	return false
}

// sentConfig are the settings of one sentence model fit.
type sentConfig struct {
	label, minMeetings int
	l2                 float64
}

// fitSentences fits a sentence model's biases and weights to the cases
// for which use is true: per taxonomy topic, a logistic regression over
// the stems in at least cfg.minMeetings of their meetings, by full-batch
// AdaGrad; the units of a case labelled inBag for a topic share one
// loss, the noisy-or's (see labelBag). w[s*topics+i] is stem s's weight
// for topic i.
func (co *sentCorpus) fitSentences(use func(c *sentCase) bool, cfg sentConfig) (bias, w []float64) {
	n := co.topics
	var cases []*sentCase
	seen := map[int]bool{}
	for ci := range co.cases {
		if c := &co.cases[ci]; use(c) {
			cases = append(cases, c)
			seen[c.meeting] = true
		}
	}
	on := make([]bool, len(co.stems))
	for s, ms := range co.meetings {
		k := 0
		for _, m := range ms {
			if seen[m] {
				k++
			}
		}
		on[s] = k >= cfg.minMeetings
	}
	type example struct {
		stems []int32
		y     []float64 // per topic: 1, 0, -1 (not an example) or inBag
	}
	groups := make([][]example, len(cases)) // per case, its units' examples
	units := 0
	for k, c := range cases {
		for u := range c.units {
			e := example{y: make([]float64, n)}
			for _, s := range c.units[u].stems {
				if on[s] {
					e.stems = append(e.stems, s)
				}
			}
			for i := range e.y {
				e.y[i] = c.label(u, i, cfg.label)
			}
			groups[k] = append(groups[k], e)
		}
		units = max(units, len(c.units))
	}
	bias, w = make([]float64, n), make([]float64, len(co.stems)*n)
	gb, gw := make([]float64, n), make([]float64, len(w))
	hb, hw := make([]float64, n), make([]float64, len(w))
	p := make([]float64, units*n) // per unit of the case, per topic: the probability
	d := make([]float64, n)
	logQ := make([]float64, n) // per topic, the log of the chance that no unit of the case's bag is about it
	for r := 0; r < sentRounds; r++ {
		clear(gb)
		clear(gw)
		for _, ex := range groups {
			clear(logQ)
			for k, e := range ex {
				z := p[k*n : (k+1)*n]
				copy(z, bias)
				for _, s := range e.stems {
					row := w[int(s)*n : int(s+1)*n]
					for i, v := range row {
						z[i] += v
					}
				}
				for i, y := range e.y {
					if y < 0 {
						continue
					}
					z[i] = 1 / (1 + math.Exp(-z[i]))
					if y == inBag {
						logQ[i] += math.Log(max(1-z[i], 1e-12))
					}
				}
			}
			for k, e := range ex {
				for i, y := range e.y {
					switch {
					case y == inBag:
						q := math.Exp(logQ[i])
						d[i] = -p[k*n+i] * q / max(1-q, 1e-12)
					case y < 0:
						d[i] = 0
					default:
						d[i] = p[k*n+i] - y
					}
					gb[i] += d[i]
				}
				for _, s := range e.stems {
					g := gw[int(s)*n : int(s+1)*n]
					for i, v := range d {
						g[i] += v
					}
				}
			}
		}
		for i, g := range gb {
			hb[i] += g * g
			if hb[i] > 0 {
				bias[i] -= sentRate * g / math.Sqrt(hb[i])
			}
		}
		for j, g := range gw {
			if g == 0 && w[j] == 0 {
				continue
			}
			g += cfg.l2 * w[j]
			hw[j] += g * g
			if hw[j] > 0 {
				w[j] -= sentRate * g / math.Sqrt(hw[j])
			}
		}
	}
	return bias, w
}

// TrainSentenceModel fits the sentence model to the annotated meetings
// with the analyzer's taxonomy (see SentenceModel), with the built-in
// settings, threshold and veto: the same meetings always give the same
// model.
func (a *Analyzer) TrainSentenceModel(gold []GoldMeeting) *SentenceModel {
	co := a.sentCorpus(gold)
	bias, w := co.fitSentences(func(*sentCase) bool { return true }, builtinSentConfig)
	m := co.model(a.tax, bias, w)
	m.Threshold, m.Veto = sentThreshold, sentVeto
	return m
}

// builtinSentConfig are the built-in model's settings.
var builtinSentConfig = sentConfig{label: sentLabel, minMeetings: sentMinMeetings, l2: sentL2}

// model returns the sentence model of fitted weights, rounded to three
// decimals, without the stems whose weights all round to 0.
func (co *sentCorpus) model(t *Taxonomy, bias, w []float64) *SentenceModel {
	n := co.topics
	m := &SentenceModel{Weights: map[string][]float64{}}
	for i, d := range t.Topics {
		m.Topics = append(m.Topics, d.ID)
		m.Bias = append(m.Bias, math.Round(bias[i]*1000)/1000)
	}
	for s, st := range co.stems {
		row := w[s*n : (s+1)*n]
		keep := false
		for _, v := range row {
			keep = keep || math.Abs(v) >= sentCutoff
		}
		if !keep {
			continue
		}
		r := make([]float64, n)
		for i, v := range row {
			r[i] = math.Round(v*1000) / 1000
		}
		m.Weights[st] = r
	}
	return m
}
