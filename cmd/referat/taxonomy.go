package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/ntlnav/referat/analyze"
)

func taxonomyCommand() *cli.Command {
	return &cli.Command{
		Name:      "taxonomy",
		Usage:     "print the built-in taxonomy to edit, or check a taxonomy file",
		ArgsUsage: "[FILE.yaml]",
		Description: `Without a file, prints the built-in taxonomy (topics with their terms, actors,
speech verbs) as YAML: save it, edit it, and pass it with --taxonomy FILE.
With a file, checks it and prints its topics and version; a mistake is
reported with its line.`,
		Action: func(c *cli.Context) error {
			if c.NArg() > 1 {
				return usagef("taxonomy checks one file at a time, not %d", c.NArg())
			}
			if c.NArg() == 0 {
				_, err := c.App.Writer.Write(analyze.DefaultTaxonomyYAML())
				return err
			}
			return checkTaxonomy(c.Args().First(), c.App.Writer)
		},
	}
}

func checkTaxonomy(path string, w io.Writer) error {
	t, err := analyze.LoadTaxonomy(path)
	if err != nil {
		return usagef("%v", err)
	}
	fmt.Fprintf(w, "%s: version %s, %d topics, %d actors, %d kinds of statement\n", path, t.Version, len(t.Topics), len(t.Actors), len(t.Kinds))
	for _, tp := range t.Topics {
		fmt.Fprintf(w, "  %-18s %3d terms, %3d weak  %s / %s\n", tp.ID, len(tp.Terms), len(tp.Weak), tp.Label, tp.LabelEN)
	}
	return nil
}
