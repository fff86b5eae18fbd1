package main

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/ntlnav/referat/analyze"
)

// An option is what one option accepts. Options are keyed by name and
// mean the same in every command that has them (--topic is a topic id
// everywhere), so one table checks them all.
type option struct {
	// accepts says what the option accepts, for the one-line error.
	accepts func(v *values) string
	// check returns the value to use (an actor alias becomes the actor's
	// id) or an error that ends the run with exit status 2.
	check func(v *values, s string) (string, error)
	// syntax marks checks that need nothing but the text, and so can run
	// before cli parses the command line (for typed flags: cli's own
	// message would be a bare "parse error").
	syntax bool
}

// values gives checks what they need beyond the option's text: the
// taxonomy in use.
type values struct {
	taxonomyPath string
	tax          *analyze.Taxonomy
	taxErr       error
	loaded       bool
}

func (v *values) taxonomy() (*analyze.Taxonomy, error) {
	if !v.loaded {
		v.loaded = true
		if v.taxonomyPath == "" {
			v.tax = analyze.DefaultTaxonomy()
		} else {
			v.tax, v.taxErr = analyze.LoadTaxonomy(v.taxonomyPath)
		}
	}
	return v.tax, v.taxErr
}

func fixed(s string) func(*values) string { return func(*values) string { return s } }

// options are the options of every command with what each accepts. Bool
// options (--json, --quiet, --local, …) accept true or false and are
// checked by checkSyntax; --password accepts anything. A test checks that
// every option of every command is here or is one of those.
var options = map[string]option{
	"store":        {accepts: fixed("a folder for the local store (ingest makes it if missing)"), check: checkFolder},
	"workers":      {accepts: fixed("a whole number of 1 or more"), check: intAtLeast(1), syntax: true},
	"timeout":      {accepts: fixed("a duration with a unit, above zero, such as 30s, 2m or 1m30s"), check: checkDuration, syntax: true},
	"lock-timeout": {accepts: fixed("a duration with a unit, above zero, such as 30s, 2m or 1m30s"), check: checkDuration, syntax: true},
	"taxonomy":     {accepts: fixed("a taxonomy YAML file (print the built-in one with 'referat taxonomy')"), check: checkTaxonomyFile},
	"es-url":       {accepts: fixed("http:// or https:// URLs of Elasticsearch, comma-separated, such as http://localhost:9200"), check: checkURLs},
	"kibana-url":   {accepts: fixed("the http:// or https:// URL of Kibana, such as http://localhost:5601"), check: checkURL},
	"es-ca-cert":   {accepts: fixed("a PEM file of CA certificates"), check: checkFile},
	"es-timeout":   {accepts: fixed("a duration with a unit, above zero, such as 30s or 2m"), check: checkDuration, syntax: true},
	"topic":        {accepts: acceptsTopic, check: checkTopic},
	"actor":        {accepts: acceptsActor, check: checkActor},
	"from":         {accepts: fixed("an ISO date YYYY-MM-DD, such as 2019-01-01, or a year or month (2019, 2019-03: its first day)"), check: checkFrom, syntax: true},
	"to":           {accepts: fixed("an ISO date YYYY-MM-DD, such as 2024-12-31, or a year or month (2024, 2024-06: its last day)"), check: checkTo, syntax: true},
	"year":         {accepts: fixed("a year such as 2023"), check: checkYear, syntax: true},
	"years":        {accepts: fixed("years or ranges of years separated by commas, such as 2019,2024 or 2019-2024"), check: checkYears, syntax: true},
	"by":           {accepts: fixed("year, quarter or month"), check: oneOf("year", "quarter", "month"), syntax: true},
	"format":       {accepts: fixed("table, csv or json"), check: oneOf("table", "csv", "json"), syntax: true},
	"limit":        {accepts: fixed("a whole number of 0 (all) or more"), check: intAtLeast(0), syntax: true},
	"size":         {accepts: fixed("a whole number of 1 or more"), check: intAtLeast(1), syntax: true},
	"per-year":     {accepts: fixed("a whole number of 1 or more"), check: intAtLeast(1), syntax: true},
	"html":         {accepts: fixed("an output file in an existing folder, or - for stdout"), check: checkOutput},
	"number":       {accepts: fixed("an agenda number as printed, such as 10/23, 2 or 1.2"), check: checkAgendaNumber, syntax: true},
	"cpuprofile":   {accepts: fixed("an output file in an existing folder"), check: checkProfileFile},
	"memprofile":   {accepts: fixed("an output file in an existing folder"), check: checkProfileFile},
}

// agendaNumber is a case number as ingest stores it: "10/23", "2", "1.2", "2 a".
var agendaNumber = regexp.MustCompile(`^(?:\d{1,4}(?:[./]\d{1,4})*(?: ?[a-z])?|[a-z])$`)

func checkAgendaNumber(_ *values, s string) (string, error) {
	s = strings.TrimSpace(s)
	if !agendaNumber.MatchString(s) {
		return "", errBad
	}
	return s, nil
}

// fileOptions name files or folders.
var fileOptions = map[string]bool{"store": true, "taxonomy": true, "es-ca-cert": true, "html": true, "cpuprofile": true, "memprofile": true}

// freeOptions accept any text.
var freeOptions = map[string]bool{"password": true}

// errBad is returned by checks; the caller turns it into the one line
// "--NAME takes WHAT, not VALUE".
var errBad = fmt.Errorf("not accepted")

// accepted says what flag f accepts.
func accepted(f cli.Flag) string {
	if o, ok := options[f.Names()[0]]; ok {
		return o.accepts(&values{})
	}
	if !takesValue(f) {
		return "true or false"
	}
	return "a value"
}

// badValue is the one line for a value that is not accepted.
func badValue(name, accepts, value string, why error) error {
	if why != nil && why != errBad {
		return usagef("--%s %s: %v", name, redact(value), why)
	}
	return usagef("--%s takes %s, not %q", name, accepts, redact(value))
}

// checkSyntax checks what can be checked of value before cli parses the
// command line: bools, numbers, durations, dates and word lists.
func checkSyntax(f cli.Flag, name, value string) error {
	name = f.Names()[0]
	if !takesValue(f) {
		if _, err := strconv.ParseBool(value); err != nil {
			return usagef("--%s is on or off: --%s, --%s=true or --%s=false, not %q", name, name, name, name, value)
		}
		return nil
	}
	o, ok := options[name]
	if !ok || !o.syntax {
		return nil
	}
	if _, err := o.check(&values{}, value); err != nil {
		return badValue(name, o.accepts(&values{}), value, err)
	}
	return nil
}

// checkOptions checks every option of the command that runs, given on the
// command line or from the environment, and replaces aliases by what they
// stand for. It runs before the command's Action (see configure).
func checkOptions(c *cli.Context) error {
	v := &values{}
	flags := c.Command.Flags
	if i := slices.IndexFunc(flags, func(f cli.Flag) bool { return f.Names()[0] == "taxonomy" }); i >= 0 {
		v.taxonomyPath = c.String("taxonomy")
		// The taxonomy first: other options are checked against it.
		flags = append([]cli.Flag{flags[i]}, flags...)
	}
	for _, f := range flags {
		name := f.Names()[0]
		o, ok := options[name]
		if !ok || !c.IsSet(name) {
			continue
		}
		texts := []string{c.String(name)}
		switch f.(type) {
		case *cli.StringSliceFlag:
			texts = c.StringSlice(name)
		case *cli.IntFlag:
			texts = []string{strconv.Itoa(c.Int(name))}
		case *cli.DurationFlag:
			texts = []string{c.Duration(name).String()}
		}
		for _, s := range texts {
			use, err := o.check(v, s)
			if err != nil {
				return badValue(name+fromEnv(f), o.accepts(v), s, err)
			}
			if use != s {
				if err := c.Set(name, use); err != nil {
					return err
				}
			}
		}
	}
	if from, to := c.String("from"), c.String("to"); from != "" && to != "" && from > to {
		return usagef("--from %s is after --to %s", from, to)
	}
	if c.Command.ArgsUsage == "" && len(c.Command.Subcommands) == 0 && c.NArg() > 0 {
		name := strings.TrimPrefix(c.Command.HelpName, c.App.Name+" ")
		return usagef("%s takes options only, not %q (see 'referat %s --help')", name, c.Args().First(), name)
	}
	return nil
}
