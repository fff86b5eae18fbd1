package main

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// buildReferat builds the command into a new temporary folder, with
// ldflags if any, and returns that folder.
func buildReferat(t *testing.T, ldflags string) string {
	t.Helper()
	dir := t.TempDir()
	args := []string{"build", "-o", filepath.Join(dir, "referat")}
	if ldflags != "" {
		args = append(args, "-ldflags", ldflags)
	}
	out, err := exec.Command("go", append(args, ".")...).CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return dir
}

// An example is one command line of a shell code block in README.md.
type example struct {
	line    int    // in README.md
	command string // as written, without its comment
}

// readmeExamples returns the lines of README's ```sh blocks, in order.
func readmeExamples(t *testing.T) []example {
	t.Helper()
	f, err := os.Open("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	comment := regexp.MustCompile(`\s+#\s.*$`)
	var exs []example
	inSh := false
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "```"):
			inSh = !inSh && strings.TrimPrefix(line, "```") == "sh"
		case inSh && strings.TrimSpace(line) != "" && !strings.HasPrefix(line, "#"):
			exs = append(exs, example{line: n, command: strings.TrimSpace(comment.ReplaceAllString(line, ""))})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return exs
}

// notRun are the README examples no test runs, and why.
var notRun = map[string]string{
	"make test":                              "runs every test of the repository and starts Elasticsearch nodes",
	"make es":                                "starts an Elasticsearch node; the examples use the one in ELASTICSEARCH_URL",
	"export ELASTICSEARCH_URL=$(make -s es)": "starts an Elasticsearch node",
	"make es-stop":                           "stops the Elasticsearch nodes",
	"make testdata":                          "rewrites the committed test PDFs and golden files, and needs LibreOffice",
}

// needs names the environment variable (a server) an example needs.
func (e example) needs() string {
	switch {
	case strings.Contains(e.command, "$KIBANA_URL"):
		return "KIBANA_URL"
	case strings.Contains(e.command, "$ELASTICSEARCH_URL"), strings.HasPrefix(e.command, "referat index setup"):
		return "ELASTICSEARCH_URL"
	}
	return ""
}

// TestReadmeExamples runs every shell example of README.md as written,
// in order, in one temporary folder that has the repository's testdata,
// with referat (built by the test) first on PATH; "go run ./cmd/referat"
// runs that binary too. Other examples with make or go run in the repository, writing only to a temporary $GOBIN. Examples
// that need Elasticsearch or Kibana run when ELASTICSEARCH_URL or
// KIBANA_URL is set.
func TestReadmeExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("builds referat and ingests the sample PDFs")
	}
	exs := readmeExamples(t)
	bin := buildReferat(t, "")
	work := t.TempDir()
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(repo, "testdata"), filepath.Join(work, "testdata")); err != nil {
		t.Fatal(err)
	}
	gobin := t.TempDir()
	env := append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "GOBIN="+gobin)
	ran, skipped, used := 0, 0, map[string]bool{}
	for _, ex := range exs {
		t.Run(ex.command, func(t *testing.T) {
			if why, ok := notRun[ex.command]; ok {
				used[ex.command] = true
				skipped++
				t.Skipf("README.md:%d not run: %s", ex.line, why)
			}
			if v := ex.needs(); v != "" && os.Getenv(v) == "" {
				skipped++
				t.Skipf("README.md:%d needs %s", ex.line, v)
			}
			if tool := strings.Fields(ex.command)[0]; tool != "referat" {
				if _, err := exec.LookPath(tool); err != nil {
					skipped++
					t.Skipf("README.md:%d needs %s", ex.line, tool)
				}
			}
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			command := ex.command
			// "go run ./cmd/referat" is the program the test built: it
			// runs like the other referat examples, in the temporary
			// folder, so its store is not written into the repository.
			if rest, ok := strings.CutPrefix(command, "go run ./cmd/referat "); ok {
				command = "referat " + rest
			}
			cmd := exec.CommandContext(ctx, "sh", "-c", command)
			cmd.Dir, cmd.Env = work, env
			if strings.HasPrefix(command, "make ") || strings.HasPrefix(command, "go ") {
				cmd.Dir = repo
			}
			out, err := cmd.CombinedOutput()
			ran++
			if err != nil {
				t.Fatalf("README.md:%d: %s: %v\n%s", ex.line, ex.command, err, out)
			}
			// An example shows something: a command whose output is not
			// redirected prints, and a query finds what it asks for.
			if len(out) == 0 && !writesFile(work, ex.command) {
				t.Errorf("README.md:%d: %s prints nothing and writes no file", ex.line, ex.command)
			}
			for _, empty := range []string{"no cases", "cases (0)", "no statements by"} {
				if strings.Contains(string(out), empty) {
					t.Errorf("README.md:%d: %s finds nothing:\n%s", ex.line, ex.command, out)
				}
			}
			if ex.command == "make install" {
				checkInstalled(t, filepath.Join(gobin, "referat"))
			}
		})
	}
	for c := range notRun {
		if !used[c] {
			t.Errorf("notRun lists %q, which README.md does not have", c)
		}
	}
	t.Logf("%d README examples run, %d skipped", ran, skipped)
	if ran < 20 {
		t.Errorf("only %d examples ran", ran)
	}
}

// checkInstalled checks that make install stamped the commit and the
// build date into the binary.
func checkInstalled(t *testing.T, bin string) {
	t.Helper()
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatalf("%s --version: %v", bin, err)
	}
	if !regexp.MustCompile(`^referat version \S+ \(commit [0-9a-f]{40}, built \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ, go`).Match(out) {
		t.Errorf("make install: --version prints %q", out)
	}
}

// writesFile reports whether a word of command names a file in dir that is
// not empty (referat completion bash > referat.bash, --html report.html).
func writesFile(dir, command string) bool {
	for _, w := range strings.Fields(command) {
		if fi, err := os.Stat(filepath.Join(dir, w)); err == nil && fi.Mode().IsRegular() && fi.Size() > 0 {
			return true
		}
	}
	return false
}
