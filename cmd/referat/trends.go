package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/ntlnav/referat/index"
	"github.com/urfave/cli/v2"
)

// trendsOptions are the options of `referat trends`.
type trendsOptions struct {
	query  index.TrendQuery
	format string // table (default), csv or json
	stdout io.Writer
}

func trendsCommand() *cli.Command {
	return &cli.Command{
		Name:  "trends",
		Usage: "cases per topic per period, and each topic's share of the period's cases",
		Description: `Counts the cases of each topic per year, quarter or month, with the share of
all cases of the period and a sparkline of the share over time. Reads
Elasticsearch when configured, else the local store (the same answers).`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "by", Value: "year", Usage: "`PERIOD`: year, quarter or month"},
			&cli.StringSliceFlag{Name: "topic", Usage: "only this topic `ID` (repeatable)", DefaultText: "all"},
			&cli.StringFlag{Name: "from", Usage: "first meeting `DATE`, such as 2019-01-01, or a year or month (its first day)", DefaultText: "the first stored"},
			&cli.StringFlag{Name: "to", Usage: "last meeting `DATE`, inclusive, or a year or month (its last day)", DefaultText: "the last stored"},
			&cli.StringFlag{Name: "actor", Usage: "only cases in which `ACTOR` (NTL, arbeidsgiver, andre) made a statement", DefaultText: "all cases"},
			&cli.StringFlag{Name: "format", Value: "table", Usage: "output `FORMAT`: table, csv or json"},
		}, backendFlags()...),
		Action: func(c *cli.Context) error {
			by := c.String("by") // checked by checkOptions, as --format
			a, _, done, err := backend(c)
			if err != nil {
				return err
			}
			defer done()
			return runTrends(c.Context, a, trendsOptions{
				query:  index.TrendQuery{By: by, Topics: c.StringSlice("topic"), From: c.String("from"), To: c.String("to"), Actor: c.String("actor")},
				format: c.String("format"), stdout: c.App.Writer,
			})
		},
	}
}

func runTrends(ctx context.Context, a index.Analytics, opts trendsOptions) error {
	t, err := a.Trends(ctx, opts.query)
	if err != nil {
		return err
	}
	switch opts.format {
	case "json":
		return writeJSON(opts.stdout, t)
	case "csv":
		w := csv.NewWriter(opts.stdout)
		w.Write([]string{"topic", "period", "cases", "share", "period_cases"})
		for _, topic := range t.Topics {
			for _, p := range t.Periods {
				w.Write([]string{topic, p, fmt.Sprint(t.Counts[topic][p]), fmt.Sprintf("%.4f", t.Share(topic, p)), fmt.Sprint(t.Totals[p])})
			}
		}
		w.Flush()
		return w.Error()
	}
	writeTrendsTable(opts.stdout, t)
	return nil
}

// sparkline draws values 0..1 with block characters.
func sparkline(vals []float64) string {
	blocks := []rune("▁▂▃▄▅▆▇█")
	maxv := 0.0
	for _, v := range vals {
		maxv = max(maxv, v)
	}
	var b strings.Builder
	for _, v := range vals {
		if maxv == 0 {
			b.WriteRune(blocks[0])
			continue
		}
		b.WriteRune(blocks[int(v/maxv*float64(len(blocks)-1)+0.5)])
	}
	return b.String()
}

func writeTrendsTable(w io.Writer, t *index.Trends) {
	if len(t.Periods) == 0 {
		fmt.Fprintln(w, "no cases")
		return
	}
	// Show at most the last 12 periods as columns; the sparkline covers all.
	cols := t.Periods
	if len(cols) > 12 {
		cols = cols[len(cols)-12:]
	}
	fmt.Fprintf(w, "%-18s", "topic")
	for _, p := range cols {
		fmt.Fprintf(w, " %8s", p)
	}
	fmt.Fprintf(w, "  share over %s\n", periodRange(t.Periods))
	for _, topic := range t.Topics {
		fmt.Fprintf(w, "%-18s", topic)
		for _, p := range cols {
			fmt.Fprintf(w, " %3d %3.0f%%", t.Counts[topic][p], 100*t.Share(topic, p))
		}
		var shares []float64
		for _, p := range t.Periods {
			shares = append(shares, t.Share(topic, p))
		}
		fmt.Fprintf(w, "  %s\n", sparkline(shares))
	}
	fmt.Fprintf(w, "%-18s", "all cases")
	for _, p := range cols {
		fmt.Fprintf(w, " %8d", t.Totals[p])
	}
	fmt.Fprintln(w)
}

func periodRange(ps []string) string {
	if len(ps) == 1 {
		return ps[0]
	}
	return ps[0] + "–" + ps[len(ps)-1]
}
