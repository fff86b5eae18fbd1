package main

import (
	"context"
	"fmt"
	"io"

	"github.com/ntlnav/referat/index/elastic"
	"github.com/urfave/cli/v2"
)

func indexCommand() *cli.Command {
	return &cli.Command{
		Name:  "index",
		Usage: "manage the Elasticsearch indices",
		Subcommands: []*cli.Command{{
			Name:  "setup",
			Usage: "create the templates, versioned indices and aliases (safe to run again)",
			Description: `Creates the component and index templates and the indices referat-meetings-v1,
referat-cases-v1, referat-statements-v1 and referat-topics-v1 behind the aliases
without the version. Text fields use the cluster's "norwegian" analyzer when it
has one, else "standard"; referat's own stems are indexed beside them.`,
			Flags: esFlags(""),
			Action: func(c *cli.Context) error {
				return runIndexSetup(c.Context, esConfig(c), c.App.Writer)
			},
		}, resyncCommand()},
	}
}

func runIndexSetup(ctx context.Context, cfg elastic.Config, w io.Writer) error {
	if !cfg.Configured() {
		return usagef("index setup needs --es-url or ELASTICSEARCH_URL")
	}
	es, err := elastic.NewClient(cfg)
	if err != nil {
		return err // an elastic.ErrConfig: the usage exit status
	}
	analyzer, err := elastic.Setup(ctx, es)
	if err != nil {
		return fmt.Errorf("setting up %s: %w", cfg.Where(), err)
	}
	for _, a := range elastic.Aliases {
		fmt.Fprintf(w, "%s -> %s\n", a, elastic.Concrete(a))
	}
	fmt.Fprintf(w, "text analyzer: %s (with referat's stems beside it)\n", analyzer)
	return nil
}
