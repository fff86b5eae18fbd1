package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/ntlnav/referat/index"
	htmlreport "github.com/ntlnav/referat/internal/report"
)

func reportCommand() *cli.Command {
	return &cli.Command{
		Name:  "report",
		Usage: "write a self-contained HTML report of topic trends and positions",
		Description: `Writes one HTML page in Norwegian that needs no network and no script to read:
the cases per topic per year as a chart, each topic's share of the cases year
by year, and per topic the statements of NTL and of the employer side by side,
year by year (the first --per-year open, the rest behind "og N til"). The page
reads on a phone as on a desktop.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "html", Value: "report.html", Usage: "output `FILE` (- for stdout)"},
			&cli.IntFlag{Name: "per-year", Value: 4, Usage: "`N` statements shown open per actor and year; the rest fold away"},
		}, backendFlags()...),
		Action: func(c *cli.Context) error {
			if c.Int("per-year") < 1 {
				return usagef("--per-year must be at least 1")
			}
			a, where, done, err := backend(c)
			if err != nil {
				return err
			}
			defer done()
			opts := htmlreport.Options{Source: where, Made: time.Now(), PerYear: c.Int("per-year")}
			// The page is written whole or not at all: a failure leaves
			// no empty or partial file behind.
			var page bytes.Buffer
			d, err := runReport(c.Context, a, opts, &page)
			if err != nil {
				return err
			}
			out := c.String("html")
			if out == "-" {
				_, err = page.WriteTo(c.App.Writer)
				return err
			}
			if err := writeWhole(out, page.Bytes(), 0o644); err != nil {
				return err
			}
			fmt.Fprintf(c.App.Writer, "wrote %s: %s\n", out, reportSummary(d))
			return nil
		},
	}
}

func runReport(ctx context.Context, a index.Analytics, opts htmlreport.Options, w io.Writer) (*htmlreport.Data, error) {
	d, err := htmlreport.Collect(ctx, a)
	if err != nil {
		return nil, err
	}
	return d, htmlreport.Write(w, d, opts)
}

// reportSummary says in one line what a report holds: "30 cases,
// 11 topics, 2019–2024".
func reportSummary(d *htmlreport.Data) string {
	t := d.Trends
	cases := 0
	for _, n := range t.Totals {
		cases += n
	}
	s := fmt.Sprintf("%d cases, %d topics", cases, len(t.Topics))
	switch n := len(t.Periods); {
	case n == 1:
		s += ", " + t.Periods[0]
	case n > 1:
		s += ", " + t.Periods[0] + "–" + t.Periods[n-1]
	}
	return s
}
