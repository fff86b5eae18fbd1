package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/ntlnav/referat/index"
	"github.com/urfave/cli/v2"
)

func searchCommand() *cli.Command {
	return &cli.Command{
		Name:      "search",
		Usage:     "find cases and statements; inflected forms and compounds' stems find each other",
		ArgsUsage: "QUERY...",
		Description: `Finds the cases and statements that hold the query's words, by their stems
(inflected forms, and the stems of compounds, find each other), ranked.
Words in quotes are a phrase: their stems must stand together and in that
order, in the title or the text (stop words such as "i" are skipped):

  referat search '"kutt i bemanningen"'
  referat search 'budsjett «flere hender»'`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "topic", Usage: "only cases with topic `ID`", DefaultText: "all"},
			&cli.StringFlag{Name: "actor", Usage: "only statements by `ACTOR` (and cases where it spoke)", DefaultText: "all"},
			&cli.IntFlag{Name: "year", Usage: "only meetings of `YEAR`"},
			&cli.IntFlag{Name: "size", Value: 10, Usage: "`N` hits of each kind"},
			&cli.BoolFlag{Name: "json", Usage: "print JSON"},
		}, backendFlags()...),
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("search needs a query")
			}
			a, _, done, err := backend(c)
			if err != nil {
				return err
			}
			defer done()
			q := index.SearchQuery{Text: strings.Join(c.Args().Slice(), " "), Topic: c.String("topic"), Actor: c.String("actor"), Year: c.Int("year"), Size: c.Int("size")}
			return runSearch(c.Context, a, q, c.Bool("json"), c.App.Writer)
		},
	}
}

func runSearch(ctx context.Context, a index.Analytics, q index.SearchQuery, asJSON bool, w io.Writer) error {
	res, err := a.Search(ctx, q)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(w, res)
	}
	fmt.Fprintf(w, "cases (%d):\n", len(res.Cases))
	for _, h := range res.Cases {
		fmt.Fprintf(w, "  %s  %s  %s\n      %s\n", h.Date, h.ID, h.Title, h.Snippet)
	}
	fmt.Fprintf(w, "statements (%d):\n", len(res.Statements))
	for _, h := range res.Statements {
		fmt.Fprintf(w, "  %s  %-12s %s\n      %s\n", h.Date, h.Actor, h.Title, h.Snippet)
	}
	return nil
}
