package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestBashCompletion sources the bash script of 'referat completion bash'
// and asks it for candidates, with the real binary first on PATH.
func TestBashCompletion(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	bin := buildReferat(t, "")
	script := filepath.Join(t.TempDir(), "referat.bash")
	out, err := exec.Command(filepath.Join(bin, "referat"), "completion", "bash").Output()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(script, out, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		words []string // the command line; the last word is being completed
		want  []string
		not   []string
	}{
		{name: "command", words: []string{"referat", "ing"}, want: []string{"ingest"}},
		{name: "commands", words: []string{"referat", ""}, want: []string{"ingest", "search", "completion", "man"}, not: []string{"worker"}},
		{name: "subcommand", words: []string{"referat", "kibana", ""}, want: []string{"export", "install"}},
		{name: "option", words: []string{"referat", "ingest", "--st"}, want: []string{"--store"}},
		{name: "option after an argument", words: []string{"referat", "search", "kutt", "--ac"}, want: []string{"--actor"}},
		{name: "option of a subcommand", words: []string{"referat", "index", "setup", "--es"}, want: []string{"--es-url", "--es-ca-cert"}},
		{name: "value of --by", words: []string{"referat", "trends", "--by", "q"}, want: []string{"quarter"}, not: []string{"year"}},
		{name: "topic ids", words: []string{"referat", "search", "kutt", "--topic", ""}, want: []string{"budsjett", "lønn", "varsling"}},
		{name: "actors", words: []string{"referat", "compare", "--actor", ""}, want: []string{"NTL", "arbeidsgiver", "andre"}},
		{name: "file after --store", words: []string{"referat", "cases", "--store", "zz-no-such"}, not: []string{"--store"}},
		{name: "hidden command", words: []string{"referat", "wor"}, not: []string{"worker"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var quoted []string
			for _, w := range tt.words {
				quoted = append(quoted, "'"+w+"'")
			}
			prog := ". " + script + "\nCOMP_WORDS=(" + strings.Join(quoted, " ") + ")\nCOMP_CWORD=" +
				strconv.Itoa(len(tt.words)-1) + "\n_referat_complete\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
			cmd := exec.CommandContext(context.Background(), "bash", "--norc", "-c", prog)
			cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			got := strings.Fields(string(out))
			for _, w := range tt.want {
				if !contains(got, w) {
					t.Errorf("candidates %q lack %q", got, w)
				}
			}
			for _, w := range tt.not {
				if contains(got, w) {
					t.Errorf("candidates %q have %q", got, w)
				}
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestCompletionAndMan checks the fish script and the man page, both made
// from the command tree, against it.
func TestCompletionAndMan(t *testing.T) {
	ctx := context.Background()
	_, fish, _ := runArgs(ctx, "completion", "fish")
	_, zsh, _ := runArgs(ctx, "completion", "zsh")
	_, man, _ := runArgs(ctx, "man")
	tests := []struct {
		name      string
		text      string
		want, not []string
	}{
		{name: "fish", text: fish,
			want: []string{"complete -c referat", "-a 'ingest'", "-a 'setup'", "__fish_seen_subcommand_from search' -f -l actor -r",
				// options that name files complete file names
				"__fish_seen_subcommand_from ingest' -l taxonomy -r"},
			not: []string{"'worker'", "generate-bash-completion"}},
		{name: "zsh", text: zsh, want: []string{"#compdef referat", "--generate-bash-completion", "compdef _referat referat"}},
		{name: "man", text: man,
			want: []string{".TH referat 1", ".SH ingest", `\fB--actor\fP`, "130  interrupted"}, not: []string{".SH worker"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, w := range tt.want {
				if !strings.Contains(tt.text, w) {
					t.Errorf("lacks %q", w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(tt.text, w) {
					t.Errorf("has %q", w)
				}
			}
		})
	}
	if _, err := exec.LookPath("groff"); err == nil {
		page := filepath.Join(t.TempDir(), "referat.1")
		if err := os.WriteFile(page, []byte(man), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("groff", "-man", "-Tutf8", "-ww", page).CombinedOutput()
		if err != nil || !strings.Contains(string(out), "referat - turn PDF meeting minutes") || strings.Contains(string(out), "warning") {
			t.Errorf("groff: %v\n%.500s", err, out)
		}
	}
}
