package main

import (
	"github.com/urfave/cli/v2"

	"github.com/ntlnav/referat/analyze"
)

// taxonomyFlag is the --taxonomy option that every analysing command has.
var taxonomyFlag = &cli.StringFlag{
	Name:  "taxonomy",
	Usage: "YAML `FILE` of topics, actors and speech verbs (default: the built-in one; see 'referat taxonomy')",
}

// newAnalyzer returns an analyzer for the taxonomy at path, or for the
// built-in one when path is "". A bad file is a usage error.
func newAnalyzer(path string) (*analyze.Analyzer, error) {
	if path == "" {
		return analyze.New(nil, analyze.Options{}), nil
	}
	t, err := analyze.LoadTaxonomy(path)
	if err != nil {
		return nil, usagef("%v", err)
	}
	return analyze.New(t, analyze.Options{}), nil
}
