package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestShowShortID names a case as a person types it, shortened as git
// commits are: the same case as its full id, or one line saying what the
// id could be, with exit status 2.
func TestShowShortID(t *testing.T) {
	ctx := context.Background()
	store := localStore(t, "libreoffice")
	const full = "1ec49371dced9249cef1b11c191b56a7-003"
	code, want, stderr := runArgs(ctx, "show", "--store", store, full)
	if code != 0 || !strings.HasPrefix(want, full+"\n") {
		t.Fatalf("show %s: exit %d, stdout %.200q, stderr %s", full, code, want, stderr)
	}
	for _, id := range []string{"1ec49371-3", "1EC4-003", "1ec49371dced9249cef1b11c191b56a7-3"} {
		t.Run(id, func(t *testing.T) {
			code, out, stderr := runArgs(ctx, "show", "--store", store, id)
			if code != 0 || out != want {
				t.Errorf("show %s: exit %d, stderr %s, stdout:\n%.300s\nwant the same as show %s", id, code, stderr, out, full)
			}
		})
	}
	for _, tt := range []struct{ id, msg string }{
		{id: "1ec49371", msg: `"1ec49371" is the meeting of 2022-03-10; add the number of one of its cases: 1ec49371dced9249cef1b11c191b56a7-001 (`},
		{id: "1ec-3", msg: "is not a case id"},
		{id: "1ec49371-99", msg: `no case id begins with "1ec49371-99"`},
	} {
		t.Run(tt.id, func(t *testing.T) {
			code, out, stderr := runArgs(ctx, "show", "--store", store, tt.id)
			if code != exitUsage || out != "" || !strings.Contains(stderr, tt.msg) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("show %s: exit %d, stdout %q, stderr %q; want exit %d and one line with %q", tt.id, code, out, stderr, exitUsage, tt.msg)
			}
		})
	}
}

// TestOptionsAsTyped gives dates, years and topics as people type them
// and checks that each means what it stands for: the same output as the
// exact form, and not the output without the option.
func TestOptionsAsTyped(t *testing.T) {
	ctx := context.Background()
	store := localStore(t, "libreoffice")
	tests := []struct {
		name   string
		typed  []string
		exact  []string
		differ []string // without the option
	}{
		{
			name:   "years as from and to",
			typed:  []string{"trends", "--from", "2021", "--to", "2023"},
			exact:  []string{"trends", "--from", "2021-01-01", "--to", "2023-12-31"},
			differ: []string{"trends"},
		},
		{
			name:   "months as from and to",
			typed:  []string{"trends", "--by", "month", "--from", "2022-03", "--to", "2024-02"},
			exact:  []string{"trends", "--by", "month", "--from", "2022-03-01", "--to", "2024-02-29"},
			differ: []string{"trends", "--by", "month"},
		},
		{
			name:   "topic capitalised, years as a range",
			typed:  []string{"compare", "--topic", "Budsjett", "--years", "2019-2022"},
			exact:  []string{"compare", "--topic", "budsjett", "--years", "2019,2020,2021,2022"},
			differ: []string{"compare", "--topic", "budsjett"},
		},
		{
			name:   "topic in English, ranges with an en dash and dots",
			typed:  []string{"compare", "--topic", "budget", "--years", "2019–2020,2023..2024"},
			exact:  []string{"compare", "--topic", "budsjett", "--years", "2019,2020,2023,2024"},
			differ: []string{"compare", "--topic", "budsjett", "--years", "2019,2020"},
		},
		{
			name:   "topic without æøå",
			typed:  []string{"cases", "--topic", "brukeroppfolging"},
			exact:  []string{"cases", "--topic", "brukeroppfølging"},
			differ: []string{"cases"},
		},
		{
			name:   "topic in capitals",
			typed:  []string{"cases", "--topic", "BEMANNING"},
			exact:  []string{"cases", "--topic", "bemanning"},
			differ: []string{"cases"},
		},
	}
	run := func(args []string) string {
		t.Helper()
		code, out, stderr := runArgs(ctx, append(args, "--store", store)...)
		if code != 0 || out == "" {
			t.Fatalf("%v: exit %d, stderr %s, stdout %.100q", args, code, stderr, out)
		}
		return out
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			typed, exact, differ := run(tt.typed), run(tt.exact), run(tt.differ)
			if typed != exact {
				t.Errorf("%v:\n%.600s\nwant the same as %v:\n%.600s", tt.typed, typed, tt.exact, exact)
			}
			if typed == differ {
				t.Errorf("%v: the same output as %v: the option did nothing", tt.typed, tt.differ)
			}
		})
	}
}

// localStore ingests the bundled PDFs of the folders under testdata/pdf
// named into a store of its own, with Elasticsearch unset, and returns
// the store's folder.
func localStore(t *testing.T, folders ...string) string {
	t.Helper()
	t.Setenv("ELASTICSEARCH_URL", "")
	store := filepath.Join(t.TempDir(), "store")
	args := []string{"ingest", "--quiet", "--store", store}
	for _, f := range folders {
		args = append(args, filepath.Join(pdfs, f))
	}
	if code, _, stderr := runArgs(context.Background(), args...); code != 0 {
		t.Fatalf("ingest %v: exit %d: %s", folders, code, stderr)
	}
	return store
}

// TestSearchPhrase: words in quotes, as people search, must stand
// together and in order; without quotes they are found anywhere.
func TestSearchPhrase(t *testing.T) {
	ctx := context.Background()
	store := localStore(t, "libreoffice", "layouts/libreoffice")
	count := func(query string) (cases, statements int) {
		t.Helper()
		code, out, stderr := runArgs(ctx, "search", "--json", "--size", "1000", "--store", store, query)
		if code != 0 {
			t.Fatalf("search %s: exit %d: %s", query, code, stderr)
		}
		var res struct{ Cases, Statements []struct{ Snippet string } }
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		return len(res.Cases), len(res.Statements)
	}
	wc, ws := count("kutt bemanningen")
	pc, ps := count(`"kutt i bemanningen"`)
	gc, gs := count(`«kutt i bemanningen»`)
	rc, rs := count(`"bemanningen kutt"`)
	t.Logf("words %d/%d, phrase %d/%d, reversed %d/%d", wc, ws, pc, ps, rc, rs)
	if pc == 0 || ps == 0 || pc >= wc || ps >= ws {
		t.Errorf("phrase: %d cases, %d statements; want some, and fewer than the words' %d and %d", pc, ps, wc, ws)
	}
	if gc != pc || gs != ps {
		t.Errorf("«…»: %d cases, %d statements; want the same as \"…\": %d, %d", gc, gs, pc, ps)
	}
	if rc != 0 || rs != 0 {
		t.Errorf("the phrase reversed: %d cases, %d statements, want none", rc, rs)
	}
}
