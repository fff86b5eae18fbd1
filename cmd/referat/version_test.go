package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/ntlnav/referat"
)

func TestFormatVersion(t *testing.T) {
	vcs := func(kv ...string) *debug.BuildInfo {
		bi := &debug.BuildInfo{GoVersion: "go1.99"}
		for i := 0; i < len(kv); i += 2 {
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return bi
	}
	tests := []struct {
		name         string
		commit, date string // from -ldflags -X
		bi           *debug.BuildInfo
		want         string
	}{
		{name: "ldflags", commit: "abc123", date: "2026-11-29T21:00:00Z", bi: vcs("vcs.revision", "fff", "vcs.time", "2020-01-01T00:00:00Z"),
			want: "1.2.3 (commit abc123, built 2026-11-29T21:00:00Z, go1.99)"},
		{name: "vcs data", bi: vcs("vcs.revision", "0123456789abcdef", "vcs.time", "2026-11-28T10:00:00Z", "vcs.modified", "false"),
			want: "1.2.3 (commit 0123456789abcdef, committed 2026-11-28T10:00:00Z, go1.99)"},
		{name: "modified tree", bi: vcs("vcs.revision", "0123456789abcdef", "vcs.time", "2026-11-28T10:00:00Z", "vcs.modified", "true"),
			want: "1.2.3 (commit 0123456789abcdef-dirty, committed 2026-11-28T10:00:00Z, go1.99)"},
		{name: "commit stamped, no date", commit: "abc123", bi: vcs("vcs.time", "2026-11-28T10:00:00Z"),
			want: "1.2.3 (commit abc123, committed 2026-11-28T10:00:00Z, go1.99)"},
		{name: "nothing known", bi: vcs(), want: "1.2.3 (commit unknown, built unknown, go1.99)"},
		{name: "no build info", want: "1.2.3 (commit unknown, built unknown)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := formatVersion("1.2.3", tt.commit, tt.date, tt.bi); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestVersionFlag builds referat as the Makefile does and checks what
// --version prints.
func TestVersionFlag(t *testing.T) {
	mk, err := os.ReadFile("../../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []string{"-X main.buildCommit=", "-X main.buildDate="} {
		if !strings.Contains(string(mk), x) {
			t.Errorf("the Makefile does not set %s", x)
		}
	}
	bin := buildReferat(t, "-X main.buildCommit=0123456789abcdef -X main.buildDate=2026-11-29T21:00:00Z")
	for _, arg := range []string{"--version", "-v"} {
		out, err := exec.Command(filepath.Join(bin, "referat"), arg).Output()
		if err != nil {
			t.Fatalf("%s: %v", arg, err)
		}
		if want := "referat version " + referat.Version + " (commit 0123456789abcdef, built 2026-11-29T21:00:00Z, go"; !strings.HasPrefix(string(out), want) {
			t.Errorf("%s: %q, want %q…", arg, out, want)
		}
	}
}
