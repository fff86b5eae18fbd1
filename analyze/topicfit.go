package analyze

import (
	"math"
	"sort"
)

// Settings of the per-topic weights (see fitTopicModel), chosen leaving
// one development meeting out: fixed, so that training is deterministic.
const (
	topicL2     = 0.01  // per example, also on the per-topic bias
	topicMinN   = 3     // a topic weighs a key apart when this many of its examples have it
	topicCutoff = 0.001 // weights nearer 0 are left out of the model
)

// A topicFit holds, while a topic model is fitted, the per-topic weights
// of topicKeys: for each topic of the examples (sorted), the keys found in
// topicMinN or more of its examples.
type topicFit struct {
	topics []string    // sorted
	on     [][]bool    // per topic, whether it weighs each key
	w, g   [][]float64 // per topic, weight and gradient of each key
	of     []int       // per example, its topic's index
	x      [][]float64 // per example, its features
}

func newTopicFit(ex []topicExample) *topicFit {
	f := &topicFit{of: make([]int, len(ex)), x: make([][]float64, len(ex))}
	n := map[string][]int{}
	for _, e := range ex {
		if n[e.topic] == nil {
			n[e.topic] = make([]int, len(topicKeys))
		}
		for i := range topicKeys {
			if e.x[topicKeyAt[i]] != 0 {
				n[e.topic][i]++
			}
		}
	}
	f.topics = sortedKeys(n)
	for _, t := range f.topics {
		on := make([]bool, len(topicKeys))
		for i, c := range n[t] {
			on[i] = c >= topicMinN
		}
		f.on = append(f.on, on)
		f.w = append(f.w, make([]float64, len(topicKeys)))
		f.g = append(f.g, make([]float64, len(topicKeys)))
	}
	for k, e := range ex {
		f.of[k], f.x[k] = sort.SearchStrings(f.topics, e.topic), e.x
	}
	return f
}

func (f *topicFit) zero() {
	for _, g := range f.g {
		clear(g)
	}
}

// sum is the per-topic part of example k's logit.
func (f *topicFit) sum(k int) float64 {
	t, z := f.of[k], 0.0
	for i, on := range f.on[t] {
		if on && f.x[k][topicKeyAt[i]] != 0 {
			z += f.w[t][i]
		}
	}
	return z
}

func (f *topicFit) addGrad(k int, d float64) {
	t := f.of[k]
	for i, on := range f.on[t] {
		if on && f.x[k][topicKeyAt[i]] != 0 {
			f.g[t][i] += d
		}
	}
}

// step moves the weights against the gradient of n examples.
func (f *topicFit) step(n int) {
	for t, w := range f.w {
		for i := range w {
			w[i] -= trainRate * (f.g[t][i]/float64(n) + topicL2*w[i])
		}
	}
}

// weights returns, per topic, its keys' weights rounded to three
// decimals, without those nearer 0 than topicCutoff.
func (f *topicFit) weights() map[string]map[string]float64 {
	out := map[string]map[string]float64{}
	for t, id := range f.topics {
		for i, k := range topicKeys {
			w := math.Round(f.w[t][i]*1000) / 1000
			if !f.on[t][i] || math.Abs(w) < topicCutoff {
				continue
			}
			if out[id] == nil {
				out[id] = map[string]float64{}
			}
			out[id][k] = w
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
