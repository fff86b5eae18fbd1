package analyze

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/ntlnav/referat"
)

// A SentenceModel says how far one sentence is about each topic, from the
// words it holds rather than from the taxonomy's terms: per topic, a
// logistic regression over the sentence's stems (each stem counted once,
// the words Keywords counts: no stop words, numbers, short words, actors'
// names or speech verbs), trained by TrainSentenceModel on annotated
// meetings. A case is given a topic the TopicModel did not give it when a
// sentence of it (or its title) scores Threshold or more for the topic;
// that sentence is the topic's evidence. Topics not in Topics are never
// given so.
type SentenceModel struct {
	Topics []string `json:"topics"` // topic ids, in the order of Bias and each stem's weights
	// Threshold is the probability from which a sentence gives its case
	// the topic.
	Threshold float64 `json:"threshold"`
	// Veto is the probability under which a topic the TopicModel gives
	// is taken away: no sentence of the case (nor its title) is about it.
	// 0: never.
	Veto float64   `json:"veto"`
	Bias []float64 `json:"bias"`
	// Weights are, per stem, its weight for each topic.
	Weights map[string][]float64 `json:"weights"`
}

// marshalTo writes the model as the JSON value of TopicModel's
// "sentences" key (see marshalLinear).
func (s *SentenceModel) marshalTo(b *strings.Builder) {
	marshalLinear(b, "topics", s.Topics, fmt.Sprintf("\"threshold\": %.2f,\n    \"veto\": %.2f", s.Threshold, s.Veto), s.Bias, s.Weights)
}

// marshalLinear writes a linear model of per-class weights of features
// (the sentence and case models: topics and stems; the relation model:
// relations and features) as a JSON object: its classes under key, its
// settings (JSON members written already; none when ""), its biases and
// its weights per feature, features sorted and weights rounded to three
// decimals.
func marshalLinear(b *strings.Builder, key string, classes []string, settings string, bias []float64, weights map[string][]float64) {
	fmt.Fprintf(b, "{\n    %q: [", key)
	for i, t := range classes {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(b, "%q", t)
	}
	b.WriteString("],\n    ")
	if settings != "" {
		b.WriteString(settings + ",\n    ")
	}
	b.WriteString("\"bias\": [")
	writeWeights(b, bias)
	b.WriteString("],\n    \"weights\": {")
	for i, st := range sortedKeys(weights) {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(b, "\n      %q: [", st)
		writeWeights(b, weights[st])
		b.WriteString("]")
	}
	b.WriteString("\n    }\n  }")
}

func writeWeights(b *strings.Builder, ws []float64) {
	for i, w := range ws {
		if i > 0 {
			b.WriteString(",")
		}
		r := math.Round(w*1000) / 1000
		if r == 0 {
			r = 0 // not -0
		}
		b.WriteString(strconv.FormatFloat(r, 'f', -1, 64))
	}
}

// check reports a model whose weights do not fit its topics.
func (s *SentenceModel) check() error {
	if len(s.Bias) != len(s.Topics) {
		return fmt.Errorf("topic model: sentences: %d biases for %d topics", len(s.Bias), len(s.Topics))
	}
	for st, ws := range s.Weights {
		if len(ws) != len(s.Topics) {
			return fmt.Errorf("topic model: sentences: stem %q has %d weights for %d topics", st, len(ws), len(s.Topics))
		}
	}
	return nil
}

// A sentScorer is a SentenceModel compiled for an analyzer's taxonomy:
// each stem's weights by the stem's number (word.sentID), in the order of
// the taxonomy's topics.
type sentScorer struct {
	topics    int       // the taxonomy's topics
	on        []bool    // per taxonomy topic, whether the model scores it
	bias      []float64 // per taxonomy topic
	rows      []float64 // stem i's weights: rows[i*topics:(i+1)*topics]
	index     map[string]int32
	threshold float64 // in logits
	veto      float64 // in logits; -Inf: never
}

// compileSentences compiles s for the taxonomy t; nil when s is nil.
func compileSentences(s *SentenceModel, t *Taxonomy) *sentScorer {
	if s == nil {
		return nil
	}
	n := len(t.Topics)
	at := make([]int, len(s.Topics)) // model topic -> taxonomy topic, or -1
	sc := &sentScorer{topics: n, on: make([]bool, n), bias: make([]float64, n), index: map[string]int32{}}
	for j, id := range s.Topics {
		at[j] = slices.IndexFunc(t.Topics, func(d TopicDef) bool { return d.ID == id })
		if at[j] >= 0 {
			sc.on[at[j]], sc.bias[at[j]] = true, s.Bias[j]
		}
	}
	sc.threshold, sc.veto = logit(s.Threshold), math.Inf(-1)
	if s.Veto > 0 {
		sc.veto = logit(s.Veto)
	}
	for _, st := range sortedKeys(s.Weights) {
		sc.index[st] = int32(len(sc.index))
		row := make([]float64, n)
		for j, w := range s.Weights[st] {
			if at[j] >= 0 {
				row[at[j]] = w
			}
		}
		sc.rows = append(sc.rows, row...)
	}
	return sc
}

// id returns the number of a stem the model weighs, or -1.
func (sc *sentScorer) id(stem string) int32 {
	if sc == nil {
		return -1
	}
	if i, ok := sc.index[stem]; ok {
		return i
	}
	return -1
}

// knows reports whether the model weighs a stem.
func (sc *sentScorer) knows(stem string) bool { return sc.id(stem) >= 0 }

// logits sets z (one per taxonomy topic) to the biases plus the weights
// of the distinct weighed stems of the words ws.
//
// seen is scratch (returned to be passed again): the ids added, each
// marked in mark (len(sc.index)), whose marks are cleared before it
// returns.
func (sc *sentScorer) logits(z []float64, ws []*word, seen []int32, mark []bool) []int32 {
	copy(z, sc.bias)
	seen = seen[:0]
	add := func(id int32) {
		if id < 0 || mark[id] {
			return
		}
		mark[id] = true
		seen = append(seen, id)
		row := sc.rows[int(id)*sc.topics : int(id+1)*sc.topics]
		row = row[:len(z)]
		for i, w := range row {
			z[i] += w
		}
	}
	for _, w := range ws {
		add(w.sentID)
		for _, id := range w.sentParts() {
			add(id)
		}
	}
	for _, id := range seen {
		mark[id] = false
	}
	return seen
}

// parts returns the numbers of the compound parts of a stem among the
// stems the model weighs (see splitCompound).
func (sc *sentScorer) parts(stem string) []int32 {
	if sc == nil || !sentCompounds {
		return nil
	}
	var out []int32
	for _, p := range splitCompound(stem, sc.knows) {
		out = append(out, sc.index[p])
	}
	return out
}

// A sentBest is the unit of a case (its title or a sentence) that scores
// highest for a topic.
type sentBest struct {
	z     float64 // its logit
	z2    float64 // the logit of the second best unit (-Inf when there is none)
	zt    float64 // the title's logit (-Inf without a title)
	title bool
	span  Span
}

// best returns, per taxonomy topic, the unit of the case (its title or
// a sentence) that scores highest; the first of equals: text's scratch,
// valid until text is released or best is called again. With collect, it
// also keeps the case's distinct weighed stems in text.caseIDs, in the
// order they are first met (see caseLogit).
func (sc *sentScorer) best(title, text *caseText, collect bool) []sentBest {
	n := sc.topics
	// z holds the logits of the unit being scored, then per topic the
	// best one's; at, per topic, the best unit: -1 the title, else the
	// sentence's index.
	if cap(text.bestZ) < 4*n {
		text.bestZ, text.bestAt, text.bests = make([]float64, 4*n), make([]int, n), make([]sentBest, n)
	}
	buf := text.bestZ[:4*n]
	z, top, second, tz := buf[:n], buf[n:2*n], buf[2*n:3*n], buf[3*n:]
	at := text.bestAt[:n]
	seen, mark := text.seenIDs[:0], text.marks
	if len(mark) < len(sc.index) {
		mark = make([]bool, len(sc.index))
		text.marks = mark
	}
	defer func() { text.seenIDs = seen[:0] }()
	first := true
	ids, cmark := text.caseIDs[:0], text.caseMarks
	if collect && len(cmark) < len(sc.index) {
		cmark = make([]bool, len(sc.index))
		text.caseMarks = cmark
	}
	consider := func(ws []*word, unit int) {
		seen = sc.logits(z, ws, seen, mark)
		if collect {
			for _, id := range seen {
				if !cmark[id] {
					cmark[id] = true
					ids = append(ids, id)
				}
			}
		}
		if first {
			copy(top, z)
			for i := range at {
				at[i], second[i] = unit, math.Inf(-1)
			}
			first = false
			return
		}
		for i, v := range z {
			if v > top[i] {
				second[i] = top[i]
				top[i], at[i] = v, unit
			} else if v > second[i] {
				second[i] = v
			}
		}
	}
	titled := len(title.whole) > 0
	if titled {
		consider(title.whole, -1)
		copy(tz, z)
	}
	for k, s := range text.sents {
		consider(text.whole[s.w0:s.w1], k)
	}
	if collect {
		for _, id := range ids {
			cmark[id] = false
		}
		text.caseIDs, text.caseIDsOK = ids, true
	}
	if first {
		return nil
	}
	best := text.bests[:n]
	clear(best)
	for i, u := range at {
		best[i].z, best[i].z2, best[i].zt = top[i], second[i], math.Inf(-1)
		if titled {
			best[i].zt = tz[i]
		}
		if u < 0 {
			best[i].title, best[i].span = true, Span{Start: 0, End: len(title.text)}
		} else {
			best[i].span = text.sents[u].Span
		}
	}
	return best
}

// sentenceTopic returns the topic i that the sentence model gives, with
// what the rules found of it (t, or nil): its evidence is the best unit
// b, with the rules' evidence sentences; its score is the rules' plus
// b's probability. The evidence's terms are the words of b that weigh
// most for the topic (see sentScorer.words).
func (a *Analyzer) sentenceTopic(i int, t *topicAcc, b sentBest, title, text *caseText) referat.Topic {
	d := a.tax.Topics[i]
	tp := referat.Topic{ID: d.ID, Label: d.Label, Score: 1 / (1 + math.Exp(-b.z)), Terms: map[string]int{}}
	ws := title.whole
	if !b.title {
		for _, s := range text.sents {
			if s.Span == b.span {
				ws = text.whole[s.w0:s.w1]
			}
		}
	}
	ev := referat.Evidence{Title: b.title, Start: b.span.Start, End: b.span.End, Terms: a.sent.words(ws, i)}
	if t == nil {
		tp.Evidence = []referat.Evidence{ev}
		return tp
	}
	tp.Score += t.score
	tp.Terms = t.termMap()
	tp.Evidence = evidenceWith(t.evidence, ev)
	return tp
}

// evidenceWith returns the evidence es with e in its place (the title
// first, then by offset), unless es holds its sentence already.
func evidenceWith(es []referat.Evidence, e referat.Evidence) []referat.Evidence {
	at := len(es)
	for k, x := range es {
		if x.Title == e.Title && x.Start == e.Start {
			return es
		}
		if at == len(es) && (e.Title && !x.Title || e.Title == x.Title && e.Start < x.Start) {
			at = k
		}
	}
	out := append(append(append([]referat.Evidence(nil), es[:at]...), e), es[at:]...)
	return out
}

// logit is the log-odds of the probability p, kept within (0, 1).
func logit(p float64) float64 {
	p = min(max(p, 1e-9), 1-1e-9)
	return math.Log(p / (1 - p))
}

// maxWords is how many words the evidence of a sentence the sentence
// model gives a topic names.
const maxWords = 3

// words returns the distinct words of ws (lower case) whose stems weigh
// for topic i, the heaviest first (then in order), at most maxWords: what
// made the sentence about the topic.
func (sc *sentScorer) words(ws []*word, i int) []string {
	type wt struct {
		w string
		v float64
	}
	var out []wt
	for _, w := range ws {
		v := 0.0
		if id := w.sentID; id >= 0 {
			v = max(v, sc.rows[int(id)*sc.topics+i])
		}
		for _, id := range w.sentParts() {
			if id >= 0 {
				v = max(v, sc.rows[int(id)*sc.topics+i])
			}
		}
		if v > 0 && !slices.ContainsFunc(out, func(x wt) bool { return x.w == w.text }) {
			out = append(out, wt{w.text, v})
		}
	}
	slices.SortStableFunc(out, func(x, y wt) int { return cmp.Compare(y.v, x.v) })
	terms := []string{}
	for _, x := range out[:min(len(out), maxWords)] {
		terms = append(terms, x.w)
	}
	return terms
}
