package elastic

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// kibanaAnswering is a stand-in for Kibana's import API that answers with
// status and the body in testdata/kibana-import/file.
func kibanaAnswering(t *testing.T, status int, file string) *httptest.Server {
	t.Helper()
	body, err := os.ReadFile(filepath.Join("testdata", "kibana-import", file))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestKibanaInstallAnswers(t *testing.T) {
	tests := []struct {
		name        string
		status      int
		file        string
		wantCount   int
		wantRefused []string // ImportError.String() of each refused object
		wantErr     string   // in the error, when the whole import failed
	}{
		{name: "success", status: 200, file: "success.json", wantCount: 2},
		{name: "conflicts", status: 200, file: "conflicts.json", wantCount: 1, wantRefused: []string{
			"index-pattern my-pattern «my-pattern-*»: conflict",
			"my-vis my-visualization «Look at my visualization»: conflict (in the way: another-vis)",
			"canvas-workpad my-canvas «Look at my canvas»: ambiguous_conflict (in the way: another-canvas, in the way: yet-another-canvas)",
		}},
		{name: "missing references", status: 200, file: "missing-references.json", wantCount: 1, wantRefused: []string{
			"visualization my-vis «Look at my visualization»: missing_references (index-pattern/my-pattern-*)",
			"search my-search «Look at my search»: missing_references (index-pattern/another-pattern-*)",
		}},
		{name: "unknown", status: 200, file: "unknown.json", wantCount: 10, wantRefused: []string{
			"dashboard referat-dashboard-posisjoner «Posisjoner»: unknown ([illegal_argument_exception] mapper [panelsJSON] cannot be changed)",
		}},
		{name: "bad request", status: 400, file: "bad-request.json",
			wantErr: `refused the import (400 Bad Request): Document "referat-lens-keywords" belongs to a more recent version`},
		{name: "credentials", status: 401, file: "bad-request.json", wantErr: "refused the credentials (401)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := kibanaAnswering(t, tt.status, tt.file)
			u := strings.Replace(srv.URL, "://", "://elastic:s3cret@", 1)
			r, err := InstallKibana(context.Background(), u, Config{}, KibanaNDJSON())
			if err != nil && strings.Contains(err.Error(), "s3cret") {
				t.Errorf("the error shows the password: %v", err)
			}
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), srv.URL) {
					t.Errorf("error %v, want %q naming %s", err, tt.wantErr, srv.URL)
				}
				return
			}
			if r == nil || r.SuccessCount != tt.wantCount {
				t.Fatalf("result %+v, %v; want %d imported", r, err, tt.wantCount)
			}
			var failed *ImportFailedError
			if len(tt.wantRefused) == 0 {
				if err != nil || !r.Success || len(r.SuccessResults) != tt.wantCount {
					t.Errorf("%+v, %v", r, err)
				}
				return
			}
			if !errors.As(err, &failed) || failed.Result != r || failed.Where != srv.URL {
				t.Fatalf("error %v (%T), want an *ImportFailedError for %s", err, err, srv.URL)
			}
			var got []string
			for _, e := range r.Errors {
				got = append(got, e.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.wantRefused, "\n") {
				t.Errorf("refused:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.wantRefused, "\n"))
			}
		})
	}
}

func TestKibanaInstallBadURL(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	down := strings.Replace(srv.URL, "://", "://elastic:s3cret@", 1)
	srv.Close()
	tests := []struct{ url, want string }{
		{url: down, want: "is unreachable"},
		{url: "http://elastic:s3cret@kibana:port", want: "not a URL like"},
		{url: "kibana//elastic:s3cret@host", want: "not a URL like"},
		{url: "ftp://elastic:s3cret@kibana", want: "not a URL like"},
	}
	for _, tt := range tests {
		_, err := InstallKibana(context.Background(), tt.url, Config{}, KibanaNDJSON())
		if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "s3cret") ||
			errors.Is(err, ErrKibanaURL) != (tt.want != "is unreachable") {
			t.Errorf("%s: %v, want %q without the password", strings.ReplaceAll(tt.url, "s3cret", "***"), err, tt.want)
		}
	}
}
