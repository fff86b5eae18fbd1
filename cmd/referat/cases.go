package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index"
	"github.com/urfave/cli/v2"
)

func casesCommand() *cli.Command {
	return &cli.Command{
		Name:  "cases",
		Usage: "list meetings' cases, newest first",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "topic", Usage: "only cases with topic `ID`", DefaultText: "all"},
			&cli.StringFlag{Name: "number", Usage: "only cases with agenda number `N` as printed (\"10/23\", \"2\")", DefaultText: "all"},
			&cli.IntFlag{Name: "year", Usage: "only meetings of `YEAR`"},
			&cli.IntFlag{Name: "limit", Value: 50, Usage: "at most `N` cases (0: all)"},
			&cli.BoolFlag{Name: "json", Usage: "print JSON"},
		}, backendFlags()...),
		Action: func(c *cli.Context) error {
			a, _, done, err := backend(c)
			if err != nil {
				return err
			}
			defer done()
			rows, err := a.Cases(c.Context, index.CaseQuery{Topic: c.String("topic"), Number: c.String("number"), Year: c.Int("year"), Limit: c.Int("limit")})
			if err != nil {
				return err
			}
			w := c.App.Writer
			if c.Bool("json") {
				return writeJSON(w, rows)
			}
			for _, r := range rows {
				fmt.Fprintf(w, "%s  %-36s  %s  [%s]\n", r.Date, r.ID, numbered(r.Number, r.Title), strings.Join(r.Topics, ", "))
			}
			return nil
		},
	}
}

func showCommand() *cli.Command {
	return &cli.Command{
		Name:      "show",
		Usage:     "show one case with its topics and their evidence sentences, its thread (cases before and after), statements and exchanges",
		ArgsUsage: "CASE-ID",
		Description: `CASE-ID is an id from 'referat cases', such as 1ec49371dced9249cef1b11c191b56a7-003,
or shortened as git shortens commits: the first 4 or more characters of its
meeting's id, a dash and the case's number (1ec4-3), when no other case id
begins so; otherwise the one line on stderr names the cases it could be.`,
		Flags: append([]cli.Flag{&cli.BoolFlag{Name: "json", Usage: "print JSON"}}, backendFlags()...),
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("show needs one case id (see 'referat cases')")
			}
			a, _, done, err := backend(c)
			if err != nil {
				return err
			}
			defer done()
			return runShow(c.Context, a, c.Args().First(), c.Bool("json"), c.App.Writer)
		},
	}
}

func runShow(ctx context.Context, a index.Analytics, id string, asJSON bool, w io.Writer) error {
	id, err := index.ResolveCaseID(ctx, a, id)
	if errors.Is(err, index.ErrNoCase) || errors.Is(err, index.ErrAmbiguousCase) {
		return usagef("%v", err)
	}
	if err != nil {
		return err
	}
	d, err := a.Case(ctx, id)
	if errors.Is(err, index.ErrNoCase) {
		return usagef("%v", err)
	}
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(w, d)
	}
	c := d.Case
	fmt.Fprintf(w, "%s\n%s, %s (%s)\n", d.ID, d.Meeting.Title, d.Meeting.Date, d.Source)
	writeAttendance(w, d.Meeting)
	fmt.Fprintf(w, "\n== %d. %s (pages %v)\n", c.Seq, numbered(c.Number, c.Title), c.Pages)
	if c.Decision != "" {
		fmt.Fprintf(w, "   decision: %s\n", c.Decision)
	}
	for _, t := range c.Topics {
		terms := make([]string, 0, len(t.Terms))
		for term, n := range t.Terms {
			terms = append(terms, fmt.Sprintf("%s×%d", term, n))
		}
		sort.Strings(terms)
		fmt.Fprintf(w, "   topic %-16s %5.1f  %s\n", t.ID, t.Score, strings.Join(terms, " "))
		for _, e := range t.Evidence {
			fmt.Fprintf(w, "      %s\n", evidenceLine(c, e))
		}
	}
	if c.Thread != "" {
		fmt.Fprintf(w, "   thread %s:\n", c.Thread)
		for _, r := range d.Thread {
			when := "after "
			if r.Date < d.Meeting.Date || r.Date == d.Meeting.Date && r.ID < d.ID {
				when = "before"
			}
			fmt.Fprintf(w, "      %s %s  %s  %s\n", when, r.Date, r.ID, r.Title)
		}
	}
	if len(c.Keywords) > 0 {
		fmt.Fprintf(w, "   keywords: %s\n", strings.Join(c.Keywords, ", "))
	}
	fmt.Fprintln(w)
	for _, p := range c.Paragraphs {
		fmt.Fprintf(w, "%s\n\n", p)
	}
	for i, s := range c.Statements {
		fmt.Fprintf(w, "   %d [%s/%s] %s\n", i, s.Actor, s.Kind, s.Text)
	}
	if len(c.Exchanges) > 0 {
		fmt.Fprintln(w, "\n   exchanges (statement numbers above):")
	}
	for _, e := range c.Exchanges {
		fmt.Fprintf(w, "      NTL %v  employer %v  others %v  %s\n", e.NTL, e.Employer, e.Others, e.Relation)
	}
	return nil
}

// numbered is a case title with its agenda number: "Sak 10/23: Title".
func numbered(number, title string) string {
	if number == "" {
		return title
	}
	return "Sak " + number + ": " + title
}

// writeAttendance prints the meeting's attendance lines that are known.
func writeAttendance(w io.Writer, m referat.Meeting) {
	for _, f := range []struct{ label, value string }{
		{"til stede", strings.Join(m.Attendees, "; ")}, {"forfall", strings.Join(m.Absent, "; ")},
		{"referent", m.MinutesTaker}, {"møteleder", m.Chair}, {"sted", m.Place}, {"tid", m.Time},
	} {
		if f.value != "" {
			fmt.Fprintf(w, "   %s: %s\n", f.label, f.value)
		}
	}
}

// evidenceLine is one evidence sentence of a topic, strong ones marked.
func evidenceLine(c referat.Case, e referat.Evidence) string {
	src, where := c.Text, "text"
	if e.Title {
		src, where = c.Title, "title"
	}
	mark := " "
	if e.Strong {
		mark = "*"
	}
	sent := ""
	if e.Start >= 0 && e.End <= len(src) && e.Start <= e.End {
		sent = src[e.Start:e.End]
	}
	return fmt.Sprintf("%s %-5s %s  [%s]", mark, where, sent, strings.Join(e.Terms, ", "))
}
