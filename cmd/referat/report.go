package main

import (
	"bytes"
	"context"
	"io"
	"os"
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
			if err := runReport(c.Context, a, opts, &page); err != nil {
				return err
			}
			if out := c.String("html"); out != "-" {
				return os.WriteFile(out, page.Bytes(), 0o644)
			}
			_, err = page.WriteTo(c.App.Writer)
			return err
		},
	}
}

func runReport(ctx context.Context, a index.Analytics, opts htmlreport.Options, w io.Writer) error {
	d, err := htmlreport.Collect(ctx, a)
	if err != nil {
		return err
	}
	return htmlreport.Write(w, d, opts)
}
