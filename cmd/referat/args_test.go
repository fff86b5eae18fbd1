package main

import (
	"context"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestOptionsFirst checks the rewriting of command lines with the real
// command tree: options after arguments move before them, with their
// values, in every command and subcommand.
func TestOptionsFirst(t *testing.T) {
	tests := []struct {
		name    string
		args    string // split on spaces; "_" stands for an empty argument
		want    string
		wantErr string
	}{
		{name: "README ingest", args: "ingest --store /var/lib/referat /srv/referater --es-url https://es:9200",
			want: "ingest --store /var/lib/referat --es-url https://es:9200 /srv/referater"},
		{name: "search actor after query", args: "search kutt i bemanningen --actor arbeidsgiver",
			want: "search --actor arbeidsgiver kutt i bemanningen"},
		{name: "show json after id", args: "show ID --json", want: "show --json ID"},
		{name: "cron quiet after dir", args: "ingest DIR --quiet", want: "ingest --quiet DIR"},
		{name: "short alias", args: "ingest DIR -q", want: "ingest -q DIR"},
		{name: "flag=value", args: "ingest DIR --store=S other", want: "ingest --store=S DIR other"},
		{name: "bool=false", args: "extract a.pdf --isolate=false b.pdf", want: "extract --isolate=false a.pdf b.pdf"},
		{name: "repeated flag keeps order", args: "trends --topic a --by year --topic b", want: "trends --topic a --by year --topic b"},
		{name: "repeated flag after nothing", args: "search q --topic a --topic b", want: "search --topic a --topic b q"},
		{name: "value starting with dash", args: "extract a.pdf --password -secret", want: "extract --password -secret a.pdf"},
		{name: "single-dash long flag", args: "ingest DIR -store S", want: "ingest -store S DIR"},
		{name: "double dash ends options", args: "search --json -- -5% --actor", want: "search --json -- -5% --actor"},
		{name: "args then double dash", args: "search kutt --json -- --actor", want: "search --json -- kutt --actor"},
		{name: "lone dash is an argument", args: "extract - --text", want: "extract --text -"},
		{name: "help drops the arguments", args: "search kutt -h", want: "search -h"},
		{name: "subcommand", args: "index setup --es-url http://x:9200", want: "index setup --es-url http://x:9200"},
		{name: "subcommand option after", args: "kibana install extra --kibana-url http://k:5601", want: "kibana install --kibana-url http://k:5601 extra"},
		{name: "app flags stay", args: "--help", want: "--help"},
		{name: "help command untouched", args: "help ingest", want: "help ingest"},
		{name: "unknown command untouched", args: "nope --x y", want: "nope --x y"},
		{name: "empty argument", args: "search _ --json", want: "search --json _"},
		{name: "completion flag stays last", args: "ingest DIR --st --generate-bash-completion", want: "ingest --st DIR --generate-bash-completion"},
		{name: "unknown option", args: "extract a.pdf --nope", wantErr: "extract has no option --nope (see 'referat extract --help')"},
		{name: "unknown option of a subcommand", args: "index setup --nope=1", wantErr: "index setup has no option --nope"},
		{name: "missing value", args: "ingest DIR --store", wantErr: "--store needs a value: a folder"},
		{name: "duration without unit", args: "extract a.pdf --timeout 5", wantErr: `--timeout takes a duration with a unit, above zero, such as 30s, 2m or 1m30s, not "5"`},
		{name: "bad int", args: "ingest --workers many DIR", wantErr: `--workers takes a whole number of 1 or more, not "many"`},
		{name: "bad bool", args: "cases --json=maybe", wantErr: `--json is on or off: --json, --json=true or --json=false, not "maybe"`},
		{name: "bad date", args: "trends --from 01.01.2019", wantErr: `--from takes an ISO date YYYY-MM-DD, such as 2019-01-01, or a year or month (2019, 2019-03: its first day), not "01.01.2019"`},
	}
	app := newApp(io.Discard, io.Discard)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			split := func(s string) []string {
				f := strings.Fields(s)
				for i := range f {
					if f[i] == "_" {
						f[i] = ""
					}
				}
				return append([]string{"referat"}, f...)
			}
			got, err := optionsFirst(app, split(tt.args))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if want := split(tt.want); !slices.Equal(got, want) {
				t.Errorf("got  %q\nwant %q", got, want)
			}
		})
	}
}

// TestOptionsAfterArguments runs commands with options after their
// arguments and checks that the options took effect.
func TestOptionsAfterArguments(t *testing.T) {
	t.Setenv("ELASTICSEARCH_URL", "")
	ctx := context.Background()
	store := filepath.Join(t.TempDir(), "store")
	code, out, stderr := runArgs(ctx, "ingest", filepath.Join(pdfs, "libreoffice"), "--store", store, "--quiet", "--json")
	if code != 0 || !strings.HasPrefix(out, "{") {
		t.Fatalf("ingest DIR --store S --quiet --json: exit %d, stdout %.200q, stderr %s", code, out, stderr)
	}
	tests := []struct {
		name   string
		after  []string // options after the arguments
		before []string // the same with the options first
		differ []string // without the option: must give other output
	}{
		{
			name:   "search actor",
			after:  []string{"search", "kutt i bemanningen", "--actor", "arbeidsgiver", "--store", store},
			before: []string{"search", "--actor", "arbeidsgiver", "--store", store, "kutt i bemanningen"},
			differ: []string{"search", "--store", store, "kutt i bemanningen"},
		},
		{
			name:   "search actor alias, any case",
			after:  []string{"search", "kutt i bemanningen", "--actor", "Employer", "--store=" + store},
			before: []string{"search", "--actor", "arbeidsgiver", "--store", store, "kutt i bemanningen"},
			differ: []string{"search", "--actor", "NTL", "--store", store, "kutt i bemanningen"},
		},
		{
			name:   "show json",
			after:  []string{"show", "1ec49371dced9249cef1b11c191b56a7-003", "--json", "--store", store},
			before: []string{"show", "--json", "--store", store, "1ec49371dced9249cef1b11c191b56a7-003"},
			differ: []string{"show", "--store", store, "1ec49371dced9249cef1b11c191b56a7-003"},
		},
		{
			name:   "double dash",
			after:  []string{"search", "--store", store, "--", "--actor"},
			before: []string{"search", "--store", store, "--", "--actor"},
			differ: []string{"search", "--store", store, "--", "budsjett"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var outs [3]string
			for i, args := range [][]string{tt.after, tt.before, tt.differ} {
				code, out, stderr := runArgs(ctx, args...)
				if code != 0 {
					t.Fatalf("%q: exit %d: %s", args, code, stderr)
				}
				outs[i] = out
			}
			if outs[0] != outs[1] {
				t.Errorf("%q and %q differ:\n%s\n---\n%s", tt.after, tt.before, outs[0], outs[1])
			}
			if outs[0] == outs[2] {
				t.Errorf("%q: the option after the arguments had no effect:\n%s", tt.after, outs[0])
			}
		})
	}
}

func TestHelpSaysOptionsMayFollow(t *testing.T) {
	for _, args := range [][]string{{"ingest", "--help"}, {"index", "setup", "--help"}, {"search", "x", "-h"}} {
		code, out, _ := runArgs(context.Background(), args...)
		if code != 0 || !strings.Contains(out, "Options may come before or after the arguments") {
			t.Errorf("%q: exit %d, help:\n%s", args, code, out)
		}
	}
}
