package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ntlnav/referat/index/elastic"
	"github.com/ntlnav/referat/internal/estest"
)

// TestKibanaCommand runs 'kibana export' and 'kibana install' against a
// stand-in for Kibana's import API that answers with the bodies Kibana's
// documentation shows (index/elastic/testdata/kibana-import).
func TestKibanaCommand(t *testing.T) {
	for _, k := range []string{"ELASTICSEARCH_API_KEY", "ELASTICSEARCH_USERNAME", "ELASTICSEARCH_PASSWORD", "KIBANA_URL"} {
		t.Setenv(k, "")
	}
	ctx := context.Background()
	if code, out, stderr := runArgs(ctx, "kibana", "export"); code != 0 || out != string(elastic.KibanaNDJSON()) {
		t.Errorf("export: exit %d, %d bytes, %s", code, len(out), stderr)
	}
	if code, _, stderr := runArgs(ctx, "kibana", "install"); code != 2 || !strings.Contains(stderr, "--kibana-url") {
		t.Errorf("install without URL: exit %d, %s", code, stderr)
	}
	if code, _, stderr := runArgs(ctx, "kibana", "install", "--kibana-url", "kibana:5601"); code != 2 || !strings.Contains(stderr, "http:// or https:// URL of Kibana") {
		t.Errorf("install with a host for a URL: exit %d, %s", code, stderr)
	}
	tests := []struct {
		name       string
		file       string
		wantCode   int
		wantStdout string
		wantStderr []string // lines, in order
	}{
		{name: "all imported", file: "success.json", wantCode: 0, wantStdout: "installed 2 saved objects in URL\n"},
		{name: "some refused", file: "missing-references.json", wantCode: 1, wantStderr: []string{
			"referat: kibana refused visualization my-vis «Look at my visualization»: missing_references (index-pattern/my-pattern-*)",
			"referat: kibana refused search my-search «Look at my search»: missing_references (index-pattern/another-pattern-*)",
			"referat: kibana at URL imported 1 saved objects and refused 2",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, err := os.ReadFile("../../index/elastic/testdata/kibana-import/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if u, p, _ := r.BasicAuth(); u != "elastic" || p != "s3cret" {
					w.WriteHeader(401)
					return
				}
				w.Write(body)
			}))
			defer srv.Close()
			withSecret := strings.Replace(srv.URL, "://", "://elastic:s3cret@", 1)
			code, out, stderr := runArgs(ctx, "kibana", "install", "--kibana-url", withSecret)
			if strings.Contains(out+stderr, "s3cret") {
				t.Errorf("the password is printed:\n%s%s", out, stderr)
			}
			want := strings.ReplaceAll(strings.Join(tt.wantStderr, "\n"), "URL", srv.URL)
			if code != tt.wantCode || out != strings.ReplaceAll(tt.wantStdout, "URL", srv.URL) || strings.TrimSpace(stderr) != want {
				t.Errorf("exit %d (want %d)\nstdout: %q\nstderr:\n%s\nwant:\n%s", code, tt.wantCode, out, stderr, want)
			}
		})
	}
}

// TestKibanaInstallTimeout: a Kibana that accepts the connection and never
// answers ends the install after --timeout with one line naming it and
// without the password; no timeout less than the default is waited for.
func TestKibanaInstallTimeout(t *testing.T) {
	for _, k := range []string{"ELASTICSEARCH_API_KEY", "ELASTICSEARCH_USERNAME", "ELASTICSEARCH_PASSWORD", "KIBANA_URL"} {
		t.Setenv(k, "")
	}
	frozen := "http://elastic:s3cret@" + estest.Frozen(t, "")
	done := make(chan struct{})
	var code int
	var out, stderr string
	go func() {
		defer close(done)
		code, out, stderr = runArgs(context.Background(), "kibana", "install", "--timeout", "1s", "--kibana-url", frozen)
	}()
	select {
	case <-done:
	case <-time.After(elastic.DefaultKibanaTimeout):
		t.Fatal("kibana install still waits after the default timeout; --timeout 1s was ignored")
	}
	if code != exitFailed || strings.Count(strings.TrimSpace(stderr), "\n") != 0 || !strings.Contains(stderr, "unreachable") || strings.Contains(out+stderr, "s3cret") {
		t.Errorf("exit %d: %q %q", code, out, stderr)
	}
}
