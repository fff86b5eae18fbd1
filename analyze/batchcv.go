package analyze

import (
	"sort"
	"strings"
)

// BatchOf returns the batch of an annotated meeting's file name (without
// ".json"): the prefix a later batch writes before the date ("a6" of
// "a6-2021-03-11-hamu"), or "" for a meeting of no batch (a name that
// begins with the date, or whose prefix is not followed by one:
// "seed-000").
func BatchOf(name string) string {
	p, rest, ok := strings.Cut(name, "-")
	if !ok || p == "" || p[0] >= '0' && p[0] <= '9' || len(rest) < 5 || rest[4] != '-' {
		return ""
	}
	for _, r := range rest[:4] {
		if r < '0' || r > '9' {
			return ""
		}
	}
	return p
}

// A BatchScore is the topic score of one batch of meetings analysed by
// the built-in recipe trained without the batch.
type BatchScore struct {
	Batch    string
	Meetings int
	Topics   PRF
	// Misses are the topic errors, one line each (see Evaluation.Misses).
	Misses []string
	// Stack are the batch's topic scores at each threshold of
	// stackGrid given to the second stage (none without one).
	Stack []ThresholdScore
}

// stackGrid are the second stage's thresholds CrossValidateBatches
// scores each batch at besides the model's own.
var stackGrid = []float64{0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6}

// CrossValidateBatches scores the built-in recipe (BuildTopicModel: the
// topic model, its threshold chosen leaving one batch out of the
// training meetings, the sentence and the case model) leaving one batch out: for each batch of the meetings
// (GoldMeeting.Batch; meetings of no batch are always trained on), a model
// trained on every other meeting analyses the batch's. One batch is one
// writer's work, so this imitates meetings of writers and matters the
// model never saw better than leaving one meeting out does. Batches are
// returned sorted; deterministic.
func (a *Analyzer) CrossValidateBatches(gold []GoldMeeting) []BatchScore {
	byBatch := map[string][]GoldMeeting{}
	for _, m := range gold {
		if b := m.Batch; b != "" {
			byBatch[b] = append(byBatch[b], m)
		}
	}
	names := make([]string, 0, len(byBatch))
	for b := range byBatch {
		names = append(names, b)
	}
	sort.Strings(names)
	opts := a.opts
	var out []BatchScore
	for _, b := range names {
		var rest []GoldMeeting
		for _, m := range gold {
			if m.Batch != b {
				rest = append(rest, m)
			}
		}
		opts.TopicModel, _ = a.BuildTopicModel(rest)
		ev := New(a.tax, opts).Evaluate(byBatch[b])
		var misses []string
		for _, l := range ev.Misses {
			if strings.Contains(l, ": topic ") {
				misses = append(misses, l)
			}
		}
		bs := BatchScore{Batch: b, Meetings: len(byBatch[b]), Topics: ev.Topics, Misses: misses}
		if st := opts.TopicModel.Stack; st != nil {
			for _, t := range stackGrid {
				mt, s := *opts.TopicModel, *st
				s.Threshold, mt.Stack = t, &s
				o := opts
				o.TopicModel = &mt
				bs.Stack = append(bs.Stack, ThresholdScore{Threshold: t, Topics: New(a.tax, o).Evaluate(byBatch[b]).Topics})
			}
		}
		out = append(out, bs)
	}
	return out
}

// CrossValidateBatchThresholds scores the recipe leaving one batch out
// at each threshold of the topic model's grid (0.35 to 0.80): for each
// batch, a topic model, a sentence model and a case model trained on
// the other meetings analyse the batch's meetings at every threshold;
// the scores are pooled over the batches. It returns nil when the
// meetings hold fewer than two batches. Deterministic.
func (a *Analyzer) CrossValidateBatchThresholds(gold []GoldMeeting) []ThresholdScore {
	return a.foldThresholds(a.batchFolds(gold))
}

// A batchFold is one batch of meetings and the first stage's models
// (topic, sentence and case model, threshold unset) trained on the other
// meetings.
type batchFold struct {
	meetings, rest []GoldMeeting
	model          *TopicModel
}

// batchFolds returns the folds of the meetings' batches, sorted by
// batch, or nil when they hold fewer than two.
func (a *Analyzer) batchFolds(gold []GoldMeeting) []batchFold {
	byBatch := map[string][]GoldMeeting{}
	for _, m := range gold {
		if m.Batch != "" {
			byBatch[m.Batch] = append(byBatch[m.Batch], m)
		}
	}
	if len(byBatch) < 2 {
		return nil
	}
	var out []batchFold
	for _, b := range sortedKeys(byBatch) {
		var rest []GoldMeeting
		for _, m := range gold {
			if m.Batch != b {
				rest = append(rest, m)
			}
		}
		m := a.TrainTopicModel(rest)
		m.Sentences, m.Cases = a.TrainSentenceModel(rest), a.TrainCaseModel(rest)
		out = append(out, batchFold{meetings: byBatch[b], rest: rest, model: m})
	}
	return out
}

// foldThresholds scores the folds' first stages at each threshold of the
// grid, pooled over the folds; nil without folds.
func (a *Analyzer) foldThresholds(folds []batchFold) []ThresholdScore {
	if folds == nil {
		return nil
	}
	out := make([]ThresholdScore, len(thresholdGrid))
	for i, t := range thresholdGrid {
		out[i].Threshold = t
	}
	opts := a.opts
	for _, f := range folds {
		for i, t := range thresholdGrid {
			mt := *f.model
			mt.Threshold = t
			opts.TopicModel = &mt
			out[i].Topics.add(New(a.tax, opts).Evaluate(f.meetings).Topics)
		}
	}
	return out
}
