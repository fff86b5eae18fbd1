package analyze

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
)

// topicFeatures are the names of what the topic model weighs for a topic
// a case may have, in the order of TopicModel.Weights. They describe how
// the taxonomy's evidence stands in the case, never which words it holds,
// so that the model holds for any taxonomy:
//
//	bias           1
//	rule           1 when the rules give the topic (see Topics)
//	title_own      1 when the title supports the topic
//	title_weak     1 when the title holds only one weak term of it
//	other_title    1 when the title supports another topic, not this one
//	strong         strong sentences, at most 3
//	support        supporting sentences, at most 4
//	said           supporting sentences that are actors' statements, at most 3
//	weak_only      sentences with one weak term only, at most 3
//	first          1 when the first sentence of the text supports it
//	terms          distinct terms in the case, at most 4
//	share          supporting sentences over the case's sentences
//	top            1 when no other topic of the case scores higher
//	said_only      1 when actors' statements are all the evidence, with one term
var topicFeatures = []string{"bias", "rule", "title_own", "title_weak", "other_title", "strong",
	"support", "said", "weak_only", "first", "terms", "share", "top", "said_only"}

// A topicCandidate is what a case says about one topic.
type topicCandidate struct {
	rule, titleOwn, titleWeak, otherTitle, first, top bool
	strong, support, said, weakOnly, terms, sentences int
	topic                                             string  // the topic's id
	z                                                 float64 // the model's logit, set by gives
}

func (c *topicCandidate) features() []float64 {
	b := func(x bool) float64 {
		if x {
			return 1
		}
		return 0
	}
	upTo := func(n, m int) float64 { return float64(min(n, m)) }
	share := 0.0
	if c.sentences > 0 {
		share = float64(c.support) / float64(c.sentences)
	}
	return []float64{1, b(c.rule), b(c.titleOwn), b(c.titleWeak), b(c.otherTitle), upTo(c.strong, 3),
		upTo(c.support, 4), upTo(c.said, 3), upTo(c.weakOnly, 3), b(c.first), upTo(c.terms, 4), share, b(c.top),
		b(!c.titleOwn && c.said == c.support && c.terms == 1)}
}

// A TopicModel decides whether a case has a topic from how the taxonomy's
// evidence stands in it: a logistic regression over topicFeatures, trained
// by TrainTopicModel on annotated meetings. The built-in one
// (topicmodel.json, made by `go generate ./analyze`) is trained on the
// development sets only, its sentence and case models on the labelled
// passages of testdata/annotated/passages as well.
type TopicModel struct {
	Features []string  `json:"features"`
	Weights  []float64 `json:"weights"`
	// Threshold is the probability from which a case has the topic.
	Threshold float64 `json:"threshold"`
	// PerTopic are, per topic id, weights added to those of some features
	// (topicKeys) when the feature is not 0: how far a topic's evidence
	// differs from the other topics' (brukeroppfølging's terms give it more
	// often than gold does, for example). A key not listed weighs 0.
	PerTopic map[string]map[string]float64 `json:"per_topic,omitempty"`
	// Sentences, when set, gives a case topics the weights above did not
	// from how its sentences score (see SentenceModel).
	Sentences *SentenceModel `json:"sentences,omitempty"`
	// Cases, when set with Sentences, gives a case topics neither the
	// weights above nor Sentences did from how the whole case scores
	// (see CaseModel).
	Cases *CaseModel `json:"cases,omitempty"`
	// Stack, when set with Sentences, makes the last decision for the
	// topics the sentence model scores from what the weights above, the
	// sentence model and the case model say (see StackModel).
	Stack *StackModel `json:"stack,omitempty"`
	// Relations, when set, names the relation of each exchange the
	// exchange rules pair (see RelationModel); without it, the rules do.
	// It rides with the topic models so that whatever is given the
	// analyzer's models (a worker process, Analyzer.Version) is given it.
	Relations *RelationModel `json:"relations,omitempty"`
}

// topicKeys are the features a topic may weigh apart (TopicModel.PerTopic),
// each counted 1 when it is not 0.
var topicKeys = []string{"bias", "rule", "title_own", "strong", "said"}

// topicKeyAt are the indexes of topicKeys in topicFeatures.
var topicKeyAt = func() []int {
	out := make([]int, len(topicKeys))
	for i, k := range topicKeys {
		out[i] = slices.Index(topicFeatures, k)
		if out[i] < 0 {
			panic("topic key " + k + " is no feature")
		}
	}
	return out
}()

//go:generate go run ./train -o topicmodel.json ../testdata/annotated/train ../testdata/samples ../testdata/meetings ../testdata/annotated/passages

//go:embed topicmodel.json
var defaultTopicModel []byte

// DefaultTopicModel returns the built-in topic model, a copy of its own
// for the caller to change.
func DefaultTopicModel() *TopicModel {
	m, err := ParseTopicModel(defaultTopicModel)
	if err != nil {
		panic(err) // the embedded file is checked by TestTopicModelUpToDate
	}
	return m
}

// builtinModel is the built-in topic model read once, shared by every
// Analyzer that is given none (an Analyzer never changes its model) and
// by the analysis version: the embedded file is half a megabyte.
var builtinModel = sync.OnceValue(DefaultTopicModel)

// RulesTopicModel returns the model that gives a topic exactly when the
// rules do (see Topics): the analysis without a learned model.
func RulesTopicModel() *TopicModel {
	w := make([]float64, len(topicFeatures))
	w[0], w[1] = -5, 10
	return &TopicModel{Features: topicFeatures, Weights: w, Threshold: 0.5}
}

// ParseTopicModel reads a model written by TopicModel.Marshal; its
// features must be this version's.
func ParseTopicModel(b []byte) (*TopicModel, error) {
	var m TopicModel
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("topic model: %w", err)
	}
	if strings.Join(m.Features, ",") != strings.Join(topicFeatures, ",") || len(m.Weights) != len(topicFeatures) {
		return nil, fmt.Errorf("topic model: features %v, want %v: run go generate ./analyze", m.Features, topicFeatures)
	}
	if m.Sentences != nil {
		if err := m.Sentences.check(); err != nil {
			return nil, err
		}
	}
	if m.Cases != nil {
		if err := m.Cases.asSentences().check(); err != nil {
			return nil, fmt.Errorf("cases: %w", err)
		}
	}
	if m.Stack != nil {
		if err := m.Stack.check(); err != nil {
			return nil, err
		}
	}
	if m.Relations != nil {
		if err := m.Relations.check(); err != nil {
			return nil, err
		}
	}
	return &m, nil
}

// Marshal writes the model as JSON, weights rounded to four decimals, so
// that training on the same data gives the same bytes.
func (m *TopicModel) Marshal() []byte {
	var b strings.Builder
	b.WriteString("{\n  \"features\": [")
	for i, f := range m.Features {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", f)
	}
	b.WriteString("],\n  \"weights\": [")
	for i, w := range m.Weights {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%.4f", w)
	}
	fmt.Fprintf(&b, "],\n  \"threshold\": %.2f", m.Threshold)
	if len(m.PerTopic) > 0 {
		b.WriteString(",\n  \"per_topic\": {")
		for i, t := range sortedKeys(m.PerTopic) {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "\n    %q: {", t)
			sep := ""
			for _, k := range topicKeys {
				if w, ok := m.PerTopic[t][k]; ok {
					fmt.Fprintf(&b, "%s%q: %.3f", sep, k, w)
					sep = ", "
				}
			}
			b.WriteString("}")
		}
		b.WriteString("\n  }")
	}
	if m.Sentences != nil {
		b.WriteString(",\n  \"sentences\": ")
		m.Sentences.marshalTo(&b)
	}
	if m.Cases != nil {
		b.WriteString(",\n  \"cases\": ")
		m.Cases.marshalTo(&b)
	}
	if m.Stack != nil {
		b.WriteString(",\n  \"stack\": ")
		m.Stack.marshalTo(&b)
	}
	if m.Relations != nil {
		b.WriteString(",\n  \"relations\": ")
		m.Relations.marshalTo(&b)
	}
	b.WriteString("\n}\n")
	return []byte(b.String())
}

func (m *TopicModel) probability(x []float64) float64 {
	z := 0.0
	for i, w := range m.Weights {
		z += w * x[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// topicSum is the per-topic part of the topic's logit, with features x.
func (m *TopicModel) topicSum(topic string, x []float64) float64 {
	ws := m.PerTopic[topic]
	if len(ws) == 0 {
		return 0
	}
	z := 0.0
	for i, k := range topicKeys {
		if x[topicKeyAt[i]] != 0 {
			z += ws[k]
		}
	}
	return z
}

// gives reports whether the case of candidate c has its topic, and sets
// c.z to the model's logit. A topic
// the model weighs per topic but has no weights for (one a user added to
// the taxonomy: the model never saw a case of it) is given exactly when
// the rules give it: the shared weights are fitted beside every known
// topic's own and say nothing of a topic without them.
func (m *TopicModel) gives(c *topicCandidate) bool {
	c.z = m.logitOf(c.features(), c.topic)
	if len(m.PerTopic) > 0 && m.PerTopic[c.topic] == nil {
		return c.rule
	}
	return 1/(1+math.Exp(-c.z)) >= m.Threshold
}

// probabilityOf is the probability that a case has the topic, with the
// candidate's features x.
func (m *TopicModel) probabilityOf(x []float64, topic string) float64 {
	return 1 / (1 + math.Exp(-m.logitOf(x, topic)))
}

// logitOf is the log-odds that a case has the topic, with the
// candidate's features x.
func (m *TopicModel) logitOf(x []float64, topic string) float64 {
	z := m.topicSum(topic, x)
	for i, w := range m.Weights {
		z += w * x[i]
	}
	return z
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
