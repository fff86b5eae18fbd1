package analyze

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/ntlnav/referat"
)

// relationClasses are the relations a RelationModel chooses among, in
// the order of its weights: no_answer is not among them, since an
// exchange without an employer statement has no answer to read.
var relationClasses = []string{referat.RelationAnswered, referat.RelationAgreed, referat.RelationRejected, referat.RelationDeferred}

// A RelationModel says how the employer answered NTL's point in an
// exchange (answered, agreed, rejected or deferred): a multinomial
// logistic regression over what the exchange rules read of it (their
// relation, the kinds of the point and of the answer) and the words of
// the answer (relationFeatures), trained by TrainRelationModel on the
// exchanges of the annotated training meetings. The rules pair the
// statements; the model only names each exchange's relation.
type RelationModel struct {
	// Relations are the relations in the order of Bias and of each
	// feature's weights.
	Relations []string  `json:"relations"`
	Bias      []float64 `json:"bias"`
	// Weights are, per feature (see relationFeatures), its weight for
	// each relation.
	Weights map[string][]float64 `json:"weights"`
}

// check reports a model whose relations are not this version's.
func (m *RelationModel) check() error {
	if !slices.Equal(m.Relations, relationClasses) || len(m.Bias) != len(relationClasses) {
		return fmt.Errorf("topic model: relations %v, want %v: run go generate ./analyze", m.Relations, relationClasses)
	}
	for f, ws := range m.Weights {
		if len(ws) != len(relationClasses) {
			return fmt.Errorf("topic model: relations: feature %q has %d weights, want %d", f, len(ws), len(relationClasses))
		}
	}
	return nil
}

// marshalTo writes the model as the JSON value of TopicModel's
// "relations" key (see marshalLinear).
func (m *RelationModel) marshalTo(b *strings.Builder) {
	marshalLinear(b, "relations", m.Relations, "", m.Bias, m.Weights)
}

// relationFeatures are what a RelationModel weighs of an exchange: the
// rules' relation ("rule=rejected"), the kinds of NTL's point and of the
// first answering statement ("point=request", "answer=explanation", and
// the two joined with the rules' relation), the stems of the first
// answering statement's words, stop words included ("w:ikk"), and of each
// pair of words in a row ("b:vil_komm"), the stems of the later
// answering statements' words ("n:tilbak") and those of the point's
// words ("p:krevd"). Each feature is counted once; the features are
// sorted.
func (a *Analyzer) relationFeatures(point referat.Statement, answers []referat.Statement, rule string) []string {
	f := []string{"rule=" + rule, "point=" + point.Kind, "answer=" + answers[0].Kind,
		"rule_answer=" + rule + "_" + answers[0].Kind, "rule_point=" + rule + "_" + point.Kind}
	prev := ""
	for _, w := range relationWords(answers[0].Text) {
		st := a.stem.Stem(w)
		f = append(f, "w:"+st)
		if prev != "" {
			f = append(f, "b:"+prev+"_"+st)
		}
		prev = st
	}
	for _, s := range answers[1:] {
		for _, w := range relationWords(s.Text) {
			f = append(f, "n:"+a.stem.Stem(w))
		}
	}
	for _, w := range relationWords(point.Text) {
		f = append(f, "p:"+a.stem.Stem(w))
	}
	slices.Sort(f)
	return slices.Compact(f)
}

// relationWords are the lower-case words of s: its runs of letters.
func relationWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) })
}

// relation returns the model's relation for an exchange with these
// features: the one of the highest logit (the first of equals).
func (m *RelationModel) relation(feats []string) string {
	z := m.logits(feats)
	best := 0
	for k := range z {
		if z[k] > z[best] {
			best = k
		}
	}
	return m.Relations[best]
}

// logits returns the model's logit of each relation.
func (m *RelationModel) logits(feats []string) []float64 {
	z := slices.Clone(m.Bias)
	for _, f := range feats {
		for k, w := range m.Weights[f] {
			z[k] += w
		}
	}
	return z
}

// relabel sets the relation of each exchange that has an employer
// statement from the analyzer's RelationModel, when it has one; the
// pairing stays the rules'.
func (a *Analyzer) relabel(stmts []referat.Statement, exs []referat.Exchange) {
	m := a.model.Relations
	if m == nil {
		return
	}
	for i := range exs {
		if e := &exs[i]; len(e.Employer) > 0 {
			e.Relation = m.relation(a.exchangeFeatures(stmts, e))
		}
	}
}

// exchangeFeatures are relationFeatures of an exchange with an employer
// statement: its first point (NTL's, else another union's) and its
// answering statements, with the relation it has.
func (a *Analyzer) exchangeFeatures(stmts []referat.Statement, e *referat.Exchange) []string {
	var point referat.Statement
	switch {
	case len(e.NTL) > 0:
		point = stmts[e.NTL[0]]
	case len(e.Others) > 0:
		point = stmts[e.Others[0]]
	}
	answers := make([]referat.Statement, len(e.Employer))
	for k, j := range e.Employer {
		answers[k] = stmts[j]
	}
	return a.relationFeatures(point, answers, e.Relation)
}

// fitRelations fits a RelationModel's biases and weights to examples
// (each its features and its relation's index in relationClasses): a
// multinomial logistic regression over the features in at least
// relMinCount examples (the rules' features always), by full-batch
// AdaGrad from zero weights with an L2 penalty: deterministic.
func fitRelations(ex []relExample) *RelationModel {
	count := map[string]int{}
	for _, e := range ex {
		for _, f := range e.feats {
			count[f]++
		}
	}
	var names []string
	for f, n := range count {
		if n >= relMinCount || strings.HasPrefix(f, "rule") {
			names = append(names, f)
		}
	}
	slices.Sort(names)
	index := make(map[string]int, len(names))
	for i, f := range names {
		index[f] = i
	}
	ids := make([][]int, len(ex))
	for k, e := range ex {
		for _, f := range e.feats {
			if i, ok := index[f]; ok {
				ids[k] = append(ids[k], i)
			}
		}
	}
	n := len(relationClasses)
	w, gw, hw := make([]float64, len(names)*n), make([]float64, len(names)*n), make([]float64, len(names)*n)
	bias, gb, hb := make([]float64, n), make([]float64, n), make([]float64, n)
	p := make([]float64, n)
	for r := 0; r < relRounds; r++ {
		clear(gw)
		clear(gb)
		for k, e := range ex {
			copy(p, bias)
			for _, i := range ids[k] {
				for c := range n {
					p[c] += w[i*n+c]
				}
			}
			softmax(p)
			for c := range n {
				d := p[c]
				if c == e.class {
					d--
				}
				gb[c] += d
				for _, i := range ids[k] {
					gw[i*n+c] += d
				}
			}
		}
		for c, g := range gb {
			hb[c] += g * g
			if hb[c] > 0 {
				bias[c] -= relRate * g / math.Sqrt(hb[c])
			}
		}
		for j, g := range gw {
			g += relL2 * w[j]
			hw[j] += g * g
			if hw[j] > 0 {
				w[j] -= relRate * g / math.Sqrt(hw[j])
			}
		}
	}
	m := &RelationModel{Relations: slices.Clone(relationClasses), Bias: make([]float64, n), Weights: map[string][]float64{}}
	for c := range n {
		m.Bias[c] = math.Round(bias[c]*1000) / 1000
	}
	for i, f := range names {
		ws, zero := make([]float64, n), true
		for c := range n {
			ws[c] = math.Round(w[i*n+c]*1000) / 1000
			zero = zero && ws[c] == 0
		}
		if !zero {
			m.Weights[f] = ws
		}
	}
	return m
}

// Settings of the relation model (see fitRelations), chosen leaving one
// batch of the training meetings out (CrossValidateRelations), before the
// point's words were features: with L2 0.3 it named 0.782 of the
// relations right, with 1.0 0.787; at either, 100 or 400 rounds and
// features in one or three examples did no better (0.773 to 0.792). The
// point's words raised 0.787 to 0.801 (dev/ 0.734 either way); a count
// of the content stems the answer shares with the point did not (0.778
// without them, 0.796 with). Training starts from zero weights and takes every
// example in every round: there is no randomness, hence no seed.
const (
	relRounds   = 200
	relRate     = 0.3
	relL2       = 1.0
	relMinCount = 2
)

// softmax turns logits into probabilities in place.
func softmax(z []float64) {
	top := slices.Max(z)
	sum := 0.0
	for k := range z {
		z[k] = math.Exp(z[k] - top)
		sum += z[k]
	}
	for k := range z {
		z[k] /= sum
	}
}
