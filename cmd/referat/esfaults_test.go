package main

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ntlnav/referat/index/elastic"
	"github.com/ntlnav/referat/internal/estest"
	"github.com/ntlnav/referat/internal/pipetest"
)

// closedPort returns a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// TestPasswordNeverShown runs every command that takes an Elasticsearch
// or Kibana URL with a password in the URL, in every form (a URL that
// does not parse, one without a scheme, one nothing answers, one that
// never answers, one that refuses the password) and asserts the password
// appears nowhere in what it prints.
func TestPasswordNeverShown(t *testing.T) {
	const pw = "Sekret-PW-42"
	for _, k := range []string{"ELASTICSEARCH_URL", "ELASTICSEARCH_API_KEY", "ELASTICSEARCH_USERNAME", "ELASTICSEARCH_PASSWORD", "KIBANA_URL"} {
		t.Setenv(k, "")
	}
	dir, _ := pipetest.CorpusDir(t, pdfs, 1)
	secure := os.Getenv("REFERAT_TEST_ES_SECURE_URL")
	urls := []struct {
		name   string
		url    string
		code   int  // exit status of ingest, index resync and index setup
		kibana bool // also try it as the Kibana URL
	}{
		{name: "does not parse", url: "http://elastic:" + pw + "@127.0.0.1:9200x", code: exitUsage, kibana: true},
		{name: "no scheme", url: "elastic:" + pw + "@127.0.0.1:9200", code: exitUsage, kibana: true},
		{name: "nothing listens", url: "http://elastic:" + pw + "@" + closedPort(t), code: exitESDown, kibana: true},
		{name: "never answers", url: "http://elastic:" + pw + "@" + estest.Frozen(t, ""), code: exitESDown},
		{name: "two URLs", url: "http://elastic:" + pw + "@" + closedPort(t) + ",http://u:" + pw + "@" + closedPort(t), code: exitESDown},
	}
	if secure != "" {
		urls = append(urls, struct {
			name   string
			url    string
			code   int
			kibana bool
		}{name: "wrong password", url: strings.Replace(secure, "://", "://elastic:"+pw+"@", 1), code: exitUsage, kibana: false})
	}
	ctx := context.Background()
	for _, u := range urls {
		store := filepath.Join(t.TempDir(), "store")
		runs := map[string][]string{
			"ingest --json": {"ingest", "--json", "--workers", "1", "--es-timeout", "1s", "--store", store, "--es-url", u.url, dir},
			"ingest":        {"ingest", "--workers", "1", "--es-timeout", "1s", "--store", store, "--es-url", u.url, dir},
			"index setup":   {"index", "setup", "--es-timeout", "1s", "--es-url", u.url},
			"index resync":  {"index", "resync", "--es-timeout", "1s", "--store", store, "--es-url", u.url},
		}
		if u.kibana {
			runs["kibana install"] = []string{"kibana", "install", "--kibana-url", u.url}
		}
		for name, args := range runs {
			t.Run(u.name+"/"+name, func(t *testing.T) {
				code, out, stderr := runArgs(ctx, args...)
				if strings.Contains(out+stderr, pw) {
					t.Errorf("exit %d; the password is shown:\n%s\n%s", code, out, stderr)
				}
				want := u.code
				switch {
				case name == "kibana install" && want == exitESDown:
					want = exitFailed // Kibana is not Elasticsearch
				}
				if code != want {
					t.Errorf("exit %d, want %d\n%s", code, want, stderr)
				}
			})
		}
		// The same URL from the environment.
		t.Run(u.name+"/ELASTICSEARCH_URL", func(t *testing.T) {
			t.Setenv("ELASTICSEARCH_URL", u.url)
			code, out, stderr := runArgs(ctx, "ingest", "--workers", "1", "--es-timeout", "1s", "--store", store, dir)
			want := u.code
			if strings.Contains(out+stderr, pw) || code != want {
				t.Errorf("exit %d (want %d):\n%s\n%s", code, want, out, stderr)
			}
		})
	}
}

// TestESConfigFirst: a wrong --es-url or --es-ca-cert is reported at once,
// in one line, with the usage exit status, before any PDF is read (the
// store is not even created).
func TestESConfigFirst(t *testing.T) {
	t.Setenv("ELASTICSEARCH_URL", "")
	dir, _ := pipetest.CorpusDir(t, pdfs, 2)
	notPEM := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(notPEM, []byte("-----BEGIN NOTHING-----\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		flags  []string
		stderr string
	}{
		{name: "CA missing", flags: []string{"--es-url", "https://127.0.0.1:9200", "--es-ca-cert", notPEM + ".none"}, stderr: "no such file"},
		{name: "CA not PEM", flags: []string{"--es-url", "https://127.0.0.1:9200", "--es-ca-cert", notPEM}, stderr: "holds no PEM certificate"},
		{name: "URL does not parse", flags: []string{"--es-url", "http://127.0.0.1:92x"}, stderr: "http:// or https://"},
		{name: "URL without scheme", flags: []string{"--es-url", "127.0.0.1:9200"}, stderr: "http:// or https://"},
	}
	for _, tt := range tests {
		for _, cmd := range [][]string{{"ingest", "--json"}, {"ingest"}, {"index", "setup"}, {"index", "resync"}} {
			t.Run(tt.name+"/"+strings.Join(cmd, " "), func(t *testing.T) {
				store := filepath.Join(t.TempDir(), "store")
				args := append(append(append([]string{}, cmd...), tt.flags...), "--store", store)
				if cmd[0] == "ingest" {
					args = append(args, dir)
				}
				if cmd[0] == "index" && cmd[1] == "setup" {
					args = append(append([]string{}, cmd...), tt.flags...)
				}
				code, out, stderr := runArgs(context.Background(), args...)
				if code != exitUsage || out != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tt.stderr) {
					t.Errorf("exit %d, stdout %q, stderr %q", code, out, stderr)
				}
				if _, err := os.Stat(store); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("the store was created (%v): work began", err)
				}
			})
		}
	}
}

// TestIndexResyncCommand: 'index resync' sends every stored document,
// reading no PDF, and prints the counts; an ingest after the cluster lost
// an index says so on stderr and sends the documents again, exit 0.
func TestIndexResyncCommand(t *testing.T) {
	url := estest.URL(t)
	es := estest.Client(t)
	estest.Reset(t, es)
	t.Setenv("ELASTICSEARCH_URL", "")
	ctx := context.Background()
	dir, _ := pipetest.CorpusDir(t, pdfs, 2)
	store := filepath.Join(t.TempDir(), "store")
	if code, _, stderr := runArgs(ctx, "ingest", "-q", "--workers", "1", "--store", store, dir); code != 0 {
		t.Fatalf("ingest without Elasticsearch: exit %d\n%s", code, stderr)
	}
	code, out, stderr := runArgs(ctx, "index", "resync", "--store", store, "--es-url", url)
	if code != 0 || !strings.Contains(out, "2 file(s) sent again") || !strings.Contains(out, "0 file(s) pending") {
		t.Fatalf("resync: exit %d\n%s\n%s", code, out, stderr)
	}
	if n, err := elastic.Count(ctx, es, elastic.Meetings, nil); err != nil || n != 2 {
		t.Errorf("Elasticsearch has %d meetings (%v), want 2", n, err)
	}
	res, err := es.Indices.Delete([]string{elastic.Concrete(elastic.Cases)})
	if err != nil || res.IsError() {
		t.Fatalf("deleting the cases index: %v %v", err, res)
	}
	res.Body.Close()
	code, out, stderr = runArgs(ctx, "ingest", "--workers", "1", "--store", store, "--es-url", url, dir)
	if code != 0 || !strings.Contains(stderr, "referat: elasticsearch: referat-cases was replaced") || !strings.Contains(out, "0 file(s) pending") {
		t.Errorf("ingest after the loss: exit %d\n%s\n%s", code, out, stderr)
	}
	if n, err := elastic.Count(ctx, es, elastic.Cases, nil); err != nil || n == 0 {
		t.Errorf("Elasticsearch has %d cases (%v) after the ingest", n, err)
	}
}
