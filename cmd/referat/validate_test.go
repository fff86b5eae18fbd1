package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/ntlnav/referat/analyze"
)

// TestOptionValues checks that every kind of wrong value ends the run
// before any work with exit status 2 and one line saying what the option
// accepts.
func TestOptionValues(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "store")
	report := filepath.Join(dir, "report.html")
	aFile := filepath.Join(dir, "file")
	if err := os.WriteFile(aFile, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The built-in taxonomy with budsjett renamed.
	renamed := filepath.Join(dir, "renamed.yaml")
	// The built-in taxonomy with budsjett renamed, its labels too (a topic
	// is also found by its label).
	yaml := strings.NewReplacer("- id: budsjett", "- id: økonomi", "label: Budsjett", "label: Økonomi", "label_en: Budget", "label_en: Economy").Replace(string(analyze.DefaultTaxonomyYAML()))
	if err := os.WriteFile(renamed, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		env        string // ELASTICSEARCH_URL
		args       []string
		wantStderr string
	}{
		{name: "unknown topic", args: []string{"cases", "--topic", "nope"}, wantStderr: `--topic takes a topic id of the taxonomy: budsjett, varsling,`},
		{name: "unknown topic in a list", args: []string{"trends", "--topic", "budsjett", "--topic", "Budsjet"}, wantStderr: `not "Budsjet"`},
		{name: "unknown topic in compare", args: []string{"compare", "--topic", "lønnn"}, wantStderr: `--topic takes a topic id`},
		{name: "topic of another taxonomy", args: []string{"search", "x", "--topic", "budsjett", "--taxonomy", renamed}, wantStderr: `--topic takes a topic id of the taxonomy: økonomi, varsling, organisering,`},
		{name: "unknown actor", args: []string{"search", "kutt", "--actor", "ntl2"}, wantStderr: `--actor takes NTL, arbeidsgiver, andre (any case; also union, employer, other), not "ntl2"`},
		{name: "unknown actor in trends", args: []string{"trends", "--actor", "boss"}, wantStderr: `--actor takes NTL`},
		{name: "date not ISO", args: []string{"trends", "--from", "01.01.2019"}, wantStderr: `--from takes an ISO date YYYY-MM-DD, such as 2019-01-01, or a year or month (2019, 2019-03: its first day), not "01.01.2019"`},
		{name: "month out of range", args: []string{"trends", "--to", "2019-13"}, wantStderr: `--to takes an ISO date`},
		{name: "year and month from after to", args: []string{"trends", "--from", "2024", "--to", "2019-06"}, wantStderr: `--from 2024-01-01 is after --to 2019-06-30`},
		{name: "date that does not exist", args: []string{"trends", "--to", "2019-13-45"}, wantStderr: `--to takes an ISO date YYYY-MM-DD`},
		{name: "from after to", args: []string{"trends", "--from", "2024-01-01", "--to", "2019-01-01"}, wantStderr: `--from 2024-01-01 is after --to 2019-01-01`},
		{name: "negative per-year", args: []string{"report", "--per-year", "-1", "--html", report, "--store", store}, wantStderr: `--per-year takes a whole number of 1 or more, not "-1"`},
		{name: "timeout without unit", args: []string{"ingest", "--timeout", "5", "x"}, wantStderr: `--timeout takes a duration with a unit, above zero, such as 30s, 2m or 1m30s, not "5"`},
		{name: "zero timeout", args: []string{"extract", "--timeout=0s", "x.pdf"}, wantStderr: `--timeout takes a duration`},
		{name: "lock timeout without unit", args: []string{"trends", "--lock-timeout", "5"}, wantStderr: `--lock-timeout takes a duration with a unit`},
		{name: "zero workers", args: []string{"extract", "x.pdf", "--workers", "0"}, wantStderr: `--workers takes a whole number of 1 or more, not "0"`},
		{name: "negative limit", args: []string{"cases", "--limit", "-5"}, wantStderr: `--limit takes a whole number of 0 (all) or more`},
		{name: "zero size", args: []string{"search", "x", "--size", "0"}, wantStderr: `--size takes a whole number of 1 or more`},
		{name: "year", args: []string{"cases", "--year", "19"}, wantStderr: `--year takes a year such as 2023, not "19"`},
		{name: "years", args: []string{"compare", "--topic", "budsjett", "--years", "2019;2024"}, wantStderr: `--years takes years or ranges of years separated by commas, such as 2019,2024 or 2019-2024, not "2019;2024"`},
		{name: "years backwards", args: []string{"compare", "--topic", "budsjett", "--years", "2024-2019"}, wantStderr: `--years takes years or ranges`},
		{name: "years half a range", args: []string{"compare", "--topic", "budsjett", "--years", "2019-"}, wantStderr: `--years takes years or ranges`},
		{name: "by", args: []string{"trends", "--by", "week"}, wantStderr: `--by takes year, quarter or month, not "week"`},
		{name: "format", args: []string{"trends", "--format", "xml"}, wantStderr: `--format takes table, csv or json, not "xml"`},
		{name: "store is a file", args: []string{"cases", "--store", aFile}, wantStderr: `--store ` + aFile + `: a file; it takes a folder`},
		{name: "html in a missing folder", args: []string{"report", "--html", filepath.Join(dir, "no", "r.html"), "--store", store}, wantStderr: `--html ` + filepath.Join(dir, "no", "r.html") + `: no folder`},
		{name: "missing taxonomy", args: []string{"extract", "--taxonomy", "nope.yaml", "x.pdf"}, wantStderr: `--taxonomy nope.yaml: no such file`},
		{name: "missing CA file", args: []string{"index", "setup", "--es-ca-cert", "nope.pem", "--es-url", "https://localhost:9200"}, wantStderr: `--es-ca-cert nope.pem: no such file`},
		{name: "es-url scheme", args: []string{"ingest", "x", "--es-url", "es:9200"}, wantStderr: `--es-url takes http:// or https:// URLs`},
		{name: "es-url password not echoed", args: []string{"cases", "--es-url", "ftp://elastic:hemmelig@es:9200"}, wantStderr: `not "ftp://es:9200"`},
		{name: "es-url from the environment", env: "localhost:9200", args: []string{"cases"}, wantStderr: `--es-url (or $ELASTICSEARCH_URL) takes http:// or https:// URLs`},
		{name: "kibana-url", args: []string{"kibana", "install", "--kibana-url", "kibana"}, wantStderr: `--kibana-url takes the http:// or https:// URL of Kibana`},
		{name: "bool with a value", args: []string{"cases", "--local=yes"}, wantStderr: `--local is on or off`},
		{name: "argument to a command without", args: []string{"trends", "budsjett"}, wantStderr: `trends takes options only, not "budsjett"`},
		{name: "argument to a subcommand without", args: []string{"kibana", "export", "now"}, wantStderr: `kibana export takes options only`},
		{name: "two taxonomies", args: []string{"taxonomy", "a.yaml", "b.yaml"}, wantStderr: `taxonomy checks one file at a time, not 2`},
		{name: "completion shell", args: []string{"completion", "tcsh"}, wantStderr: `completion takes bash, zsh or fish, not "tcsh"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("ELASTICSEARCH_URL", tt.env)
			code, out, stderr := runArgs(context.Background(), tt.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			if !strings.Contains(stderr, tt.wantStderr) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr %q, want one line with %q", stderr, tt.wantStderr)
			}
			if strings.Contains(stderr, "hemmelig") {
				t.Errorf("stderr shows the password: %q", stderr)
			}
			if out != "" {
				t.Errorf("stdout %q, want nothing", out)
			}
		})
	}
	// Nothing was started: no store, no report.
	for _, p := range []string{store, report} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s exists after usage errors", p)
		}
	}
}

// TestEveryOptionChecked walks the command tree: every option of every
// command is a bool (checked for true/false), has a check in options, or
// is one that accepts anything.
func TestEveryOptionChecked(t *testing.T) {
	var walk func(path string, cmds []*cli.Command)
	seen := map[string]bool{}
	walk = func(path string, cmds []*cli.Command) {
		for _, c := range cmds {
			for _, f := range c.Flags {
				name := f.Names()[0]
				seen[name] = true
				if _, ok := options[name]; !ok && takesValue(f) && !freeOptions[name] {
					t.Errorf("%s%s: --%s has no check in options", path, c.Name, name)
				}
			}
			walk(path+c.Name+" ", c.Subcommands)
		}
	}
	walk("", newApp(io.Discard, io.Discard).Commands)
	for name := range options {
		if !seen[name] {
			t.Errorf("options has %q, which no command has", name)
		}
	}
}
