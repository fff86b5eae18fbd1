package main

import (
	"fmt"
	"io"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/ntlnav/referat/index/store"
)

// storeCommand is `referat store check|rebuild`.
func storeCommand() *cli.Command {
	return &cli.Command{
		Name:  "store",
		Usage: "check the local store, or rebuild it from the PDFs",
		Subcommands: []*cli.Command{
			{
				Name:  "check",
				Usage: "verify the local store: its pages (bbolt's check) and referat's own invariants",
				Description: `Reads every record, document and pending delete of the store, checks that they
decode and agree (a recorded file's document exists, the paths of a content
agree with the records, pending deletes are well formed), then checks the
database pages. Prints what it found; exit status 4 when the store is damaged.`,
				Flags: append(storeFlags(), &cli.BoolFlag{Name: "json", Usage: "print the report as JSON"}),
				Action: func(c *cli.Context) error {
					return runStoreCheck(c.String("store"), lockTimeout(c), c.Bool("json"), c.App.Writer)
				},
			},
			{
				Name:      "rebuild",
				Usage:     "make a new store from the PDFs, keeping the old file aside",
				ArgsUsage: "[FILE|DIR|GLOB...]",
				Description: `Renames the store file to referat.db.damaged-TIME (it is never deleted), then
ingests again the files recorded in the old store (as far as it or its snapshot
can be read) and the paths given, into a new store. Takes the options of ingest.`,
				Flags: ingestCommand().Flags,
				Action: func(c *cli.Context) error {
					return runStoreRebuild(c, c.Args().Slice())
				},
			},
		},
	}
}

func runStoreCheck(dir string, wait time.Duration, asJSON bool, w io.Writer) error {
	st, err := store.Open(dir, store.Options{ReadOnly: true, LockTimeout: wait})
	if err != nil {
		return err
	}
	defer st.Close()
	r, err := st.Check()
	if err != nil {
		return err
	}
	if asJSON {
		if err := writeJSON(w, r); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(w, "%s: %d files, %d documents, %d pending deletes\n", r.Path, r.Sources, r.Documents, r.Pending)
		for _, p := range r.Problems {
			fmt.Fprintln(w, "  "+oneLine(p))
		}
		if len(r.Problems) == 0 {
			fmt.Fprintln(w, "no problems found")
		}
	}
	if len(r.Problems) > 0 {
		return &store.DamagedError{Path: r.Path, Detail: fmt.Sprintf("%d problem(s) found; the first: %s", len(r.Problems), r.Problems[0])}
	}
	return nil
}

func runStoreRebuild(c *cli.Context, args []string) error {
	dir, wait := c.String("store"), lockTimeout(c)
	paths, err := store.Salvage(dir, wait)
	if err != nil && len(args) == 0 {
		return fmt.Errorf("no file could be read from the store %s (%w); give the PDFs' folders to rebuild from", dir, err)
	}
	if len(paths) == 0 && len(args) == 0 {
		return usagef("the store %s records no files; give the PDFs' folders to rebuild from", dir)
	}
	aside, err := store.SetAside(dir, wait)
	if err != nil {
		return err
	}
	kept := "there was no store file"
	if aside != "" {
		kept = "the old store is kept as " + oneLine(aside)
	}
	fmt.Fprintf(c.App.ErrWriter, "referat: %s; rebuilding from %d recorded file(s) and %d path(s) given\n", kept, len(paths), len(args))
	return ingestAction(c, append(paths, args...))
}
