// Command train fits the built-in topic model (analyze/topicmodel.json)
// to annotated meetings with the built-in taxonomy and prints, leaving one
// meeting out, the topic scores of the rules alone and of the model, and
// the recipe's scores at each threshold of a grid leaving one batch of
// meetings out (one writer's: a6-*, a7-*, ...); the model keeps the
// threshold analyze.ChooseThreshold picks from them. It also fits the
// relation model to the meetings' exchanges, and prints how many
// relations it and the rules name right leaving one batch out:
//
//	go run ./analyze/train -o analyze/topicmodel.json testdata/annotated/train testdata/samples testdata/meetings testdata/annotated/passages
//
// `go generate ./analyze` runs it so. Train only on development sets:
// never on held-out meetings.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/ntlnav/referat/analyze"
)

func main() {
	out := flag.String("o", "", "write the model to this file (default: only print the scores)")
	grid := flag.Bool("sentences", false, "also score, leaving one meeting out, the sentence model's settings grid (slow; default: only the built-in settings)")
	batches := flag.Bool("batches", false, "also score the recipe leaving one batch of meetings out (a6-*, ...: one writer's; default: only leaving one meeting out)")
	misses := flag.Bool("misses", false, "with -batches, print each batch's topic errors (default: only the scores)")
	flag.Parse()
	if err := run(*out, *grid, *batches, *misses, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(out string, grid, batches, misses bool, dirs []string) error {
	if len(dirs) == 0 {
		return fmt.Errorf("name folders of annotated meetings")
	}
	gold, err := analyze.LoadGold(dirs...)
	if err != nil {
		return err
	}
	a := analyze.New(nil, analyze.Options{})
	m, scores := a.BuildTopicModel(gold)
	rules, learned := a.CrossValidateTopics(gold)
	passages := 0
	for _, m := range gold {
		if m.Passage {
			passages++
		}
	}
	fmt.Printf("%d meetings (and %d passages, always trained on), leaving one meeting out\nrules:   %v\nlearned: %v (threshold 0.5)\n", len(gold)-passages, passages, rules, learned)
	fmt.Println("the recipe at each threshold, leaving one batch out (leaving one meeting out, the topic model alone, when there are fewer than two batches):")
	for _, s := range scores {
		fmt.Printf("  threshold %.2f: %v\n", s.Threshold, s.Topics)
	}
	fmt.Printf("chosen threshold: %.2f\n", m.Threshold)
	fmt.Printf("learned with the sentence model (threshold %.2f, veto %.2f) and the case model (%.2f, sentence %.2f): %v\n", m.Sentences.Threshold, m.Sentences.Veto, m.Cases.Threshold, m.Cases.Sentence,
		a.CrossValidateRecipe(gold, m.Threshold))
	if grid {
		for _, s := range a.CrossValidateSentences(gold, m.Threshold, true) {
			fmt.Println(s)
		}
	}
	if batches {
		var all analyze.PRF
		var grid []analyze.ThresholdScore
		for _, b := range a.CrossValidateBatches(gold) {
			if grid == nil {
				grid = make([]analyze.ThresholdScore, len(b.Stack))
			}
			for i, s := range b.Stack {
				grid[i].Threshold = s.Threshold
				grid[i].Topics.TP += s.Topics.TP
				grid[i].Topics.FP += s.Topics.FP
				grid[i].Topics.FN += s.Topics.FN
				fmt.Printf("   stack %.2f: %v\n", s.Threshold, s.Topics)
			}
			fmt.Printf("batch %-4s out (%2d meetings): %v\n", b.Batch, b.Meetings, b.Topics)
			all.TP, all.FP, all.FN = all.TP+b.Topics.TP, all.FP+b.Topics.FP, all.FN+b.Topics.FN
			for _, l := range b.Misses {
				if misses {
					fmt.Println("  ", l)
				}
			}
		}
		fmt.Printf("batches out, pooled: %v\n", all)
		for _, s := range grid {
			fmt.Printf("batches out, pooled, stack threshold %.2f: %v\n", s.Threshold, s.Topics)
		}
	}
	m.Relations = a.TrainRelationModel(gold)
	rs := a.CrossValidateRelations(gold)
	fmt.Printf("relations, leaving one batch out: %d exchanges, rules %.3f, model %.3f\n",
		rs.Exchanges, float64(rs.Rules)/float64(max(rs.Exchanges, 1)), float64(rs.Model)/float64(max(rs.Exchanges, 1)))
	fmt.Printf("model:   %s", m.Marshal())
	if out == "" {
		return nil
	}
	return os.WriteFile(out, m.Marshal(), 0o644)
}
