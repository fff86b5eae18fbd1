package main

import (
	"context"
	"fmt"
	"io"
	"sort"
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
		Usage: "what NTL said on a topic, year by year, how the employer answered, and what set each year apart",
		Description: `For each year: a summary line (exchanges on the topic, NTL's requests and how
many were answered, agreed to, rejected, deferred; statements on the topic by
kind), the words that set the year apart (weighted log-odds with a prior over
our stems, each shown in its most frequent form; the same from the store and
from Elasticsearch), and each exchange on the topic with its date, case id,
case title and relation, NTL's statements, other unions' and the employer's
answer. A statement is on the topic when its own sentence is (not merely its
case); an exchange when one of its statements is.

--json prints {"topic", "actor", "years": [{"year", "statements": [...],
"kinds": {kind: n}, "terms": [word], "exchanges": [{"case_id", "date",
"case_title", "relation", "ntl": [statement], "employer": [...], "others":
[...]}], "summary": {"requests", "answered", "agreed", "rejected",
"deferred"}}]}; a statement is {"id", "case_id", "date", "case_title",
"actor", "kind", "text", "topics"}. --actor filters statements, not exchanges.

  referat compare --topic budsjett --actor NTL --years 2019,2024`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "topic", Usage: "topic `ID` (required)"},
			&cli.StringFlag{Name: "actor", Usage: "only statements by `ACTOR`: NTL, arbeidsgiver or andre", DefaultText: "all"},
			&cli.StringFlag{Name: "years", Usage: "`YEARS` and ranges, comma-separated: 2019,2024 or 2016-2019,2024 (default: all)"},
			&cli.BoolFlag{Name: "json", Usage: "print JSON"},
		}, backendFlags()...),
		Action: func(c *cli.Context) error {
			if c.String("topic") == "" {
				return usagef("compare needs --topic (see 'referat taxonomy' for the ids)")
			}
			var years []int // all
			if c.IsSet("years") {
				// Checked and spelled out already (checkYears).
				var err error
				if years, err = yearsOf(c.String("years")); err != nil {
					return badValue("years", options["years"].accepts(nil), c.String("years"), err)
				}
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
		sm := y.Summary
		fmt.Fprintf(w, "== %d: %d exchanges on %s; NTL requests %d, answered %d, agreed %d, rejected %d, deferred %d; %d statements by %s (%s)\n",
			y.Year, len(y.Exchanges), cmp.Topic, sm.Requests, sm.Answered, sm.Agreed, sm.Rejected, sm.Deferred, len(y.Statements), who, kindCounts(y.Kinds))
		switch {
		case len(y.Terms) > 0:
			fmt.Fprintf(w, "   sets the year apart: %s\n", strings.Join(y.Terms, ", "))
		case len(cmp.Years) > 1:
			fmt.Fprintf(w, "   sets the year apart: no word (none used at least twice and clearly more than in the other years)\n")
		}
		for _, e := range y.Exchanges {
			fmt.Fprintf(w, "   %s  %s  %s  [%s]\n", e.Date, e.CaseID, e.CaseTitle, e.Relation)
			for _, group := range []struct {
				who  string
				rows []index.StatementRow
			}{{"NTL", e.NTL}, {"others", e.Others}, {"employer", e.Employer}} {
				for _, s := range group.rows {
					fmt.Fprintf(w, "      %-8s %-12s %s\n", group.who, s.Kind, s.Text)
				}
			}
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
