package elastic_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ntlnav/referat/index/elastic"
)

func TestRedactForms(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{name: "user and password", in: "http://elastic:PW@host:9200", want: "http://host:9200"},
		{name: "does not parse", in: "http://elastic:PW@host:9200x", want: "http://host:9200x"},
		{name: "no scheme", in: "elastic:PW@host:9200", want: "host:9200"},
		{name: "password with @ and /", in: "https://u:p@w/d@host:9200/", want: "https://host:9200/"},
		{name: "spaces", in: "  https://u:PW@host  ", want: "https://host"},
		{name: "no credentials", in: "https://host:9200/path", want: "https://host:9200/path"},
		{name: "host only", in: "host:9200", want: "host:9200"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := elastic.Redact(tt.in); got != tt.want {
				t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRedactText(t *testing.T) {
	in := `Post "http://elastic:PW@127.0.0.1:1/_bulk": dial tcp; parse "https://u:PW@h:92x": invalid port`
	got := elastic.RedactText(in)
	if strings.Contains(got, "PW") || !strings.Contains(got, `"http://127.0.0.1:1/_bulk"`) || !strings.Contains(got, `"https://h:92x"`) {
		t.Errorf("RedactText: %s", got)
	}
}

func ExampleRedact() {
	fmt.Println(elastic.Redact("https://elastic:secret@es.example:9200"))
	fmt.Println(elastic.Redact("elastic:secret@es.example:9200"))
	// Output:
	// https://es.example:9200
	// es.example:9200
}

// TestConfigCheck: a wrong configuration is found without contacting
// anything, with an error that matches ErrConfig and holds no password.
func TestConfigCheck(t *testing.T) {
	dir := t.TempDir()
	notPEM := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(notPEM, []byte("not a certificate\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		cfg     elastic.Config
		wantErr string // "" for none
	}{
		{name: "good", cfg: elastic.Config{URLs: []string{"https://elastic:PW@es:9200", " http://es2:9200 "}}},
		{name: "bad port", cfg: elastic.Config{URLs: []string{"http://elastic:PW@host:9200x"}}, wantErr: "does not parse"},
		{name: "no scheme", cfg: elastic.Config{URLs: []string{"elastic:PW@host:9200"}}, wantErr: "needs http:// or https://"},
		{name: "host only", cfg: elastic.Config{URLs: []string{"host:9200"}}, wantErr: "needs http://"},
		{name: "no host", cfg: elastic.Config{URLs: []string{"http://elastic:PW@"}}, wantErr: "names no host"},
		{name: "empty in a list", cfg: elastic.Config{URLs: []string{"http://es:9200", ""}}, wantErr: "empty URL"},
		{name: "CA missing", cfg: elastic.Config{URLs: []string{"https://es:9200"}, CACert: filepath.Join(dir, "none.pem")}, wantErr: "no such file"},
		{name: "CA not PEM", cfg: elastic.Config{URLs: []string{"https://es:9200"}, CACert: notPEM}, wantErr: "holds no PEM certificate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.cfg.Check()
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if !errors.Is(err, elastic.ErrConfig) || !strings.Contains(err.Error(), tt.wantErr) || strings.Contains(err.Error(), "PW") {
				t.Errorf("Check: %v; want ErrConfig with %q and no password", err, tt.wantErr)
			}
			if _, cerr := elastic.NewClient(tt.cfg); !errors.Is(cerr, elastic.ErrConfig) {
				t.Errorf("NewClient: %v; want ErrConfig", cerr)
			}
		})
	}
}
