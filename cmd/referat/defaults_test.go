package main

import (
	"io"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// TestEveryOptionStatesItsDefault holds the rule that every option's help
// line says what happens when it is not given, exactly once: urfave/cli adds
// "(default: …)" for a value it knows, so a Usage that says it too would
// print two, and an option without a value (a path, a filter) needs a
// DefaultText. Required options say "(required)" instead.
func TestEveryOptionStatesItsDefault(t *testing.T) {
	app := newApp(io.Discard, io.Discard)
	var walk func(path string, cmds []*cli.Command)
	walk = func(path string, cmds []*cli.Command) {
		for _, c := range cmds {
			if c.Hidden {
				continue
			}
			name := strings.TrimSpace(path + " " + c.Name)
			for _, f := range c.Flags {
				line := cli.FlagStringer(f)
				if strings.HasPrefix(line, "--help") {
					continue
				}
				n := strings.Count(line, "(default: ")
				if strings.Contains(line, "(required)") {
					n++
				}
				if n != 1 {
					t.Errorf("referat %s: %q states its default %d times, want once", name, line, n)
				}
			}
			walk(name, c.Subcommands)
		}
	}
	walk("", app.Commands)
	for _, f := range app.Flags {
		if line := cli.FlagStringer(f); !strings.HasPrefix(line, "--help") && !strings.HasPrefix(line, "--version") &&
			strings.Count(line, "(default: ") != 1 {
			t.Errorf("referat: %q states its default %d times, want once", line, strings.Count(line, "(default: "))
		}
	}
}
