package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/ntlnav/referat/index"
	"github.com/urfave/cli/v2"
)

// compareOptions are the options of `referat compare`.
type compareOptions struct {
	query  index.CompareQuery
	json   bool
	stdout io.Writer
}

func compareCommand() *cli.Command {
	return &cli.Command{
		Name:  "compare",
		Usage: "an actor's statements on a topic, year by year, and what set each year apart",
		Description: `For each year: the statements made in the topic's cases (date, case title, kind,
sentence), counts by kind, and the terms that set that year apart from the others
(weighted log-odds with a prior on our stems in the local store; significant_terms
with the topic's statements as background in Elasticsearch).

  referat compare --topic budsjett --actor NTL --years 2019,2024`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "topic", Usage: "topic `ID` (required)"},
			&cli.StringFlag{Name: "actor", Usage: "NTL, arbeidsgiver or andre (default: all)"},
			&cli.StringFlag{Name: "years", Usage: "comma-separated `YEARS` (default: all)"},
			&cli.BoolFlag{Name: "json", Usage: "print JSON"},
		}, backendFlags()...),
		Action: func(c *cli.Context) error {
			if c.String("topic") == "" {
				return usagef("compare needs --topic (see 'referat taxonomy' for the ids)")
			}
			var years []int
			for _, y := range strings.Split(c.String("years"), ",") {
				if y = strings.TrimSpace(y); y == "" {
					continue
				}
				n, err := strconv.Atoi(y)
				if err != nil {
					return usagef("--years takes years such as 2019,2024, not %q", y)
				}
				years = append(years, n)
			}
			a, _, done, err := backend(c)
			if err != nil {
				return err
			}
			defer done()
			return runCompare(c.Context, a, compareOptions{
				query: index.CompareQuery{Topic: c.String("topic"), Actor: c.String("actor"), Years: years},
				json:  c.Bool("json"), stdout: c.App.Writer,
			})
		},
	}
}

func runCompare(ctx context.Context, a index.Analytics, opts compareOptions) error {
	cmp, err := a.Compare(ctx, opts.query)
	if err != nil {
		return err
	}
	if opts.json {
		return writeJSON(opts.stdout, cmp)
	}
	w := opts.stdout
	who := cmp.Actor
	if who == "" {
		who = "all actors"
	}
	if len(cmp.Years) == 0 {
		fmt.Fprintf(w, "no statements by %s on %s\n", who, cmp.Topic)
		return nil
	}
	for _, y := range cmp.Years {
		fmt.Fprintf(w, "== %d: %d statements by %s on %s (%s)\n", y.Year, len(y.Statements), who, cmp.Topic, kindCounts(y.Kinds))
		if len(y.Terms) > 0 {
			fmt.Fprintf(w, "   sets the year apart: %s\n", strings.Join(y.Terms, ", "))
		}
		for _, s := range y.Statements {
			fmt.Fprintf(w, "   %s  %-12s %-12s %s\n      %s\n", s.Date, s.Actor, s.Kind, s.CaseTitle, s.Text)
		}
		fmt.Fprintln(w)
	}
	return nil
}

func kindCounts(k map[string]int) string {
	names := make([]string, 0, len(k))
	for n := range k {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		return k[names[i]] > k[names[j]] || k[names[i]] == k[names[j]] && names[i] < names[j]
	})
	var parts []string
	for _, n := range names {
		parts = append(parts, fmt.Sprintf("%d %s", k[n], n))
	}
	return strings.Join(parts, ", ")
}
