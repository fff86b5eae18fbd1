package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"

	"github.com/urfave/cli/v2"

	"github.com/ntlnav/referat/index"
)

// threadsOptions are the options of `referat threads`.
type threadsOptions struct {
	query  index.CaseQuery // Topic and Year filter the threads' cases; InThread is set
	json   bool            // default false
	stdout io.Writer
}

// A threadRow is one thread: its id and its cases, oldest first.
type threadRow struct {
	Thread string          `json:"thread"`
	Cases  []index.CaseRow `json:"cases"`
}

func threadsCommand() *cli.Command {
	return &cli.Command{
		Name:  "threads",
		Usage: "list matters that recur across meetings (threads) with their cases, oldest first",
		Description: `A thread links cases of different meetings about the same matter: similar titles
(stems, compounds' heads such as budsjett in budsjettfordelingen, names and codes
such as BN0/BN1), the same or a fitting year, at most five years apart. Threads
are set by 'referat ingest' over every stored case; the id is the first case's
title and year. Threads are listed by their first meeting, newest first.

--json prints [{"thread", "cases": [{"id", "date", "body", "title", "topics", "thread"}]}].`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "topic", Usage: "only threads with a case of topic `ID`", DefaultText: "all"},
			&cli.IntFlag{Name: "year", Usage: "only threads with a case in `YEAR`", DefaultText: "all"},
			&cli.BoolFlag{Name: "json", Usage: "print JSON, not text"},
		}, backendFlags()...),
		Action: func(c *cli.Context) error {
			a, _, done, err := backend(c)
			if err != nil {
				return err
			}
			defer done()
			return runThreads(c.Context, a, threadsOptions{query: index.CaseQuery{Topic: c.String("topic"), Year: c.Int("year")},
				json: c.Bool("json"), stdout: c.App.Writer})
		},
	}
}

func runThreads(ctx context.Context, a index.Analytics, opts threadsOptions) error {
	all, err := a.Cases(ctx, index.CaseQuery{InThread: true})
	if err != nil {
		return err
	}
	byThread := map[string][]index.CaseRow{}
	wanted := map[string]bool{}
	for _, r := range all {
		byThread[r.Thread] = append(byThread[r.Thread], r)
		if opts.query.Match(yearOf(r.Date), r.Topics, r.Thread) {
			wanted[r.Thread] = true
		}
	}
	rows := []threadRow{}
	for id := range wanted {
		rows = append(rows, threadRow{Thread: id, Cases: index.ThreadOthers(byThread[id], "")})
	}
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i].Cases[0].Date, rows[j].Cases[0].Date
		return a > b || a == b && rows[i].Thread < rows[j].Thread
	})
	if opts.json {
		return writeJSON(opts.stdout, rows)
	}
	for _, t := range rows {
		fmt.Fprintf(opts.stdout, "%s (%d cases)\n", t.Thread, len(t.Cases))
		for _, c := range t.Cases {
			fmt.Fprintf(opts.stdout, "   %s  %-36s  %-11s %s\n", c.Date, c.ID, c.Body, c.Title)
		}
	}
	return nil
}

// yearOf returns the year of an ISO date, or 0.
func yearOf(date string) int {
	if len(date) < 4 {
		return 0
	}
	y, err := strconv.Atoi(date[:4])
	if err != nil {
		return 0
	}
	return y
}
