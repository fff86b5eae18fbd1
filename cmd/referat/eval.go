package main

import (
	"context"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/ntlnav/referat/analyze"
)

// evalOptions are the options of `referat eval`.
type evalOptions struct {
	taxonomy string // default "": the built-in taxonomy
	misses   bool   // list every error; default false
	stdout   io.Writer
}

func evalCommand() *cli.Command {
	return &cli.Command{
		Name:      "eval",
		Usage:     "score topic and statement analysis against annotated meetings",
		ArgsUsage: "MEETING.json|DIR...",
		Description: `Reads annotated meetings (testdata/samples/FORMAT.md), analyses their cases and
prints precision, recall and F1 for topics (a case's gold topics), for
statements (a statement counts when its sentence and its actor are right) and,
where the gold has exchanges (testdata/annotated), for exchange pairs (NTL's
sentence paired with the same employer sentence, or unanswered in both) and
the share of pairs found with the right relation. --misses adds a per-topic
summary (tp/fp/fn, and which topics were predicted in place of a missed one)
and every error.`,
		Flags: []cli.Flag{
			taxonomyFlag,
			&cli.BoolFlag{Name: "misses", Usage: "list every error, after a per-topic confusion summary"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("eval needs annotated meetings: files or folders of *.json")
			}
			return runEval(c.Context, evalOptions{taxonomy: c.String("taxonomy"), misses: c.Bool("misses"), stdout: c.App.Writer}, c.Args().Slice())
		},
	}
}

func runEval(ctx context.Context, opts evalOptions, paths []string) error {
	a, err := newAnalyzer(opts.taxonomy)
	if err != nil {
		return err
	}
	gold, err := analyze.LoadGold(paths...)
	if err != nil {
		return err
	}
	if len(gold) == 0 {
		return usagef("no annotated meetings in %v", paths)
	}
	cases := 0
	for _, m := range gold {
		cases += len(m.Cases)
	}
	ev := a.Evaluate(gold)
	fmt.Fprintf(opts.stdout, "%d meetings, %d cases, taxonomy %s\n", len(gold), cases, a.Taxonomy().Version)
	fmt.Fprintf(opts.stdout, "topics:      %v\n", ev.Topics)
	fmt.Fprintf(opts.stdout, "statements:  %v\n", ev.Statements)
	if ev.Exchanges.TP+ev.Exchanges.FP+ev.Exchanges.FN > 0 {
		fmt.Fprintf(opts.stdout, "exchanges:   %v, relation right %d/%d (%.3f)\n", ev.Exchanges, ev.RelationsRight, ev.RelationsCompared, ev.RelationAccuracy())
	}
	if opts.misses {
		fmt.Fprintln(opts.stdout, "topics by error count (tp/fp/fn; for misses, the topics predicted in the same case instead):")
		for _, l := range ev.ConfusionSummary() {
			fmt.Fprintln(opts.stdout, "  "+l)
		}
		for _, m := range ev.Misses {
			fmt.Fprintln(opts.stdout, "  "+m)
		}
	}
	return nil
}
