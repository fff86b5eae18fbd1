package main

import (
	"encoding/json"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/ntlnav/referat/analyze"
	"github.com/ntlnav/referat/index"
	"github.com/ntlnav/referat/index/elastic"
	"github.com/ntlnav/referat/index/store"
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

// backendFlags select where analysts' commands read from.
func backendFlags() []cli.Flag {
	return append(append(storeFlags(), &cli.BoolFlag{Name: "local", Usage: "read the local store even when Elasticsearch is configured"},
		taxonomyFlag), esFlags("none: the local store")...)
}

// backend opens what a query command reads: Elasticsearch when configured
// (and not --local), else the local store. close releases it.
func backend(c *cli.Context) (a index.Analytics, where string, close func(), err error) {
	an, err := newAnalyzer(c.String("taxonomy"))
	if err != nil {
		return nil, "", nil, err
	}
	cfg := esConfig(c)
	if cfg.Configured() && !c.Bool("local") {
		es, err := elastic.NewClient(cfg)
		if err != nil {
			return nil, "", nil, usagef("%v", err)
		}
		return &elastic.Remote{Client: es, Stems: an.Stems, Words: an.TermStems}, cfg.Where(), func() {}, nil
	}
	st, err := openReadOnly(c)
	if err != nil {
		return nil, "", nil, err
	}
	return &store.Local{Store: st, Stems: an.Stems, Words: an.TermStems}, c.String("store"), func() { st.Close() }, nil
}

// writeJSON prints v as indented JSON, leaving <, > and & as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
