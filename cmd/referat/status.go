package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/ntlnav/referat/index/store"
	"github.com/ntlnav/referat/pipeline"
)

// statusOptions are the options of `referat status` (and --store,
// --lock-timeout: storeFlags).
type statusOptions struct {
	json   bool // the report as JSON; default false
	stdout io.Writer
}

func statusCommand() *cli.Command {
	return &cli.Command{
		Name:  "status",
		Usage: "how complete the archive is: meetings per year and body, failed files, duplicates, pending, gaps",
		Description: `Reports on the local store, reading only (while an ingest writes it, the
snapshot that ingest left is read): the meetings it holds per year and
meeting body, the files that failed and why, the files that repeat a stored
meeting (duplicates), what Elasticsearch has not confirmed, the files an older
extractor read, and the gaps: months in which a body that meets regularly (its
cadence inferred from its meeting dates) held no meeting.`,
		Flags: append(storeFlags(), &cli.BoolFlag{Name: "json", Usage: "print the report as JSON"}),
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("status takes no arguments, not %q", c.Args().First())
			}
			st, err := openReadOnly(c)
			if err != nil {
				return err
			}
			defer st.Close()
			return runStatus(st, statusOptions{json: c.Bool("json"), stdout: c.App.Writer})
		},
	}
}

func runStatus(st *store.Store, opts statusOptions) error {
	s, err := pipeline.ReadStatus(st)
	if err != nil {
		return err
	}
	if opts.json {
		return writeJSON(opts.stdout, s)
	}
	return writeStatus(opts.stdout, s)
}

// writeStatus prints the report for a person.
func writeStatus(w io.Writer, s *pipeline.Status) error {
	var b strings.Builder
	fmt.Fprintf(&b, "store %s: %d meetings; files: %d ok, %d failed, %d duplicates\n", s.Store, s.Meetings,
		s.Files["ok"], s.Files["failed"], s.Files["duplicate"])
	for _, y := range s.Years {
		year := fmt.Sprint(y.Year)
		if y.Year == 0 {
			year = "no date"
		}
		fmt.Fprintf(&b, "\n%s: %d meetings\n", year, y.Meetings)
		for _, body := range y.Bodies {
			name := body.Body
			if name == "" {
				name = "(no body)"
			}
			fmt.Fprintf(&b, "  %-14s %2d  %s\n", name, len(body.Dates), strings.Join(body.Dates, " "))
		}
	}
	section(&b, "gaps", len(s.Gaps))
	for _, g := range s.Gaps {
		fmt.Fprintf(&b, "  %s (every %d month(s)): no meeting in %s, between %s and %s\n", g.Body, g.CadenceMonths, strings.Join(g.Missing, ", "), g.After, g.Before)
	}
	section(&b, "failed files", len(s.Failed))
	for _, f := range s.Failed {
		fmt.Fprintf(&b, "  %s: %s (%s)\n", f.Path, f.Error, f.Cause)
	}
	section(&b, "duplicates", len(s.Duplicates))
	for _, d := range s.Duplicates {
		fmt.Fprintf(&b, "  %s: the meeting of %s (similarity %.3f)\n", d.File, d.DuplicateOf, d.Similarity)
	}
	section(&b, "read by an older extractor (the next ingest reads them again)", len(s.Outdated))
	for _, o := range s.Outdated {
		fmt.Fprintf(&b, "  %s (extractor version %d)\n", o.Path, o.ExtractorVersion)
	}
	fmt.Fprintf(&b, "\nelasticsearch: %d file(s) and %d delete(s) not confirmed\n", s.Pending.Files, s.Pending.Deletes)
	_, err := io.WriteString(w, b.String())
	return err
}

// section starts a section of n entries, or says there are none.
func section(b *strings.Builder, title string, n int) {
	if n == 0 {
		fmt.Fprintf(b, "\n%s: none\n", title)
		return
	}
	fmt.Fprintf(b, "\n%s: %d\n", title, n)
}
