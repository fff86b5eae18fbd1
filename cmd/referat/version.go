package main

import (
	"fmt"
	"runtime/debug"

	"github.com/ntlnav/referat"
)

// Set at build time (see the Makefile):
//
//	go build -ldflags "-X main.buildCommit=$(git rev-parse HEAD) -X main.buildDate=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
//
// Without them, the commit and its time come from the VCS data the go
// command embeds (runtime/debug.ReadBuildInfo).
var (
	buildCommit string // the full commit hash
	buildDate   string // the build time, RFC 3339
)

// versionText is what `referat --version` prints after "referat version":
// the version, the commit (with "-dirty" when built from a modified
// tree) and the build date, or the commit's date when the build date is
// not known.
func versionText() string {
	bi, _ := debug.ReadBuildInfo()
	return formatVersion(referat.Version, buildCommit, buildDate, bi)
}

func formatVersion(version, commit, date string, bi *debug.BuildInfo) string {
	dateLabel := "built"
	if bi != nil && (commit == "" || date == "") {
		var vcsCommit, vcsTime string
		dirty := false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				vcsCommit = s.Value
			case "vcs.time":
				vcsTime = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
		if commit == "" && vcsCommit != "" {
			commit = vcsCommit
			if dirty {
				commit += "-dirty"
			}
		}
		if date == "" && vcsTime != "" {
			date, dateLabel = vcsTime, "committed"
		}
	}
	if commit == "" {
		commit = "unknown"
	}
	if date == "" {
		date = "unknown"
	}
	goVersion := ""
	if bi != nil {
		goVersion = ", " + bi.GoVersion
	}
	return fmt.Sprintf("%s (commit %s, %s %s%s)", version, commit, dateLabel, date, goVersion)
}
