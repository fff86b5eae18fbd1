package main

import (
	"io"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/ntlnav/referat/internal/pipetest"
)

// TestEveryOptionStatesItsDefault holds the rule that every option's help
// line names its value (--timeout DURATION, not --timeout value) and says
// what happens when it is not given, exactly once: urfave/cli adds
// "(default: …)" for a value it knows, so a Usage that says it too would
// print two, and an option without a value (a path, a filter) needs a
// DefaultText. Required options say "(required)" instead.
func TestEveryOptionStatesItsDefault(t *testing.T) {
	app := newApp(io.Discard, io.Discard)
	eachCommand("", app.Commands, func(name string, c *cli.Command) {
		if c.Hidden {
			return
		}
		for _, f := range c.Flags {
			line := cli.FlagStringer(f)
			if strings.HasPrefix(line, "--help") {
				continue
			}
			if name, _, _ := strings.Cut(line, "\t"); strings.HasSuffix(name, " value") {
				t.Errorf("referat %s: %q has no named placeholder (a `WORD` in its Usage)", c.Name, name)
			}
			n := strings.Count(line, "(default: ")
			if strings.Contains(line, "(required)") {
				n++
			}
			if n != 1 {
				t.Errorf("referat %s: %q states its default %d times, want once", name, line, n)
			}
		}
	})
	for _, f := range app.Flags {
		if line := cli.FlagStringer(f); !strings.HasPrefix(line, "--help") && !strings.HasPrefix(line, "--version") &&
			strings.Count(line, "(default: ") != 1 {
			t.Errorf("referat: %q states its default %d times, want once", line, strings.Count(line, "(default: "))
		}
	}
}

// TestEveryStoreOptionIsTheSame holds every command that opens the local
// store to the same --store: $REFERAT_STORE as its default (a cron job sets
// it once) and --lock-timeout beside it. 'index resync' once had its own
// --store that ignored $REFERAT_STORE and resent from ./referat-data.
func TestEveryStoreOptionIsTheSame(t *testing.T) {
	eachCommand("", newApp(io.Discard, io.Discard).Commands, func(name string, c *cli.Command) {
		has := map[string]cli.Flag{}
		for _, f := range c.Flags {
			has[f.Names()[0]] = f
		}
		if f, ok := has["store"]; ok {
			sf, _ := f.(*cli.StringFlag)
			if sf == nil || len(sf.EnvVars) != 1 || sf.EnvVars[0] != envStore || sf.Value != pipetest.DefaultStore {
				t.Errorf("referat %s: --store is not the shared one (default %s, $%s): %#v", name, pipetest.DefaultStore, envStore, f)
			}
			if _, ok := has["lock-timeout"]; !ok {
				t.Errorf("referat %s: --store without --lock-timeout", name)
			}
		}
	})
}

// eachCommand calls f with every command of cmds and their subcommands,
// depth first, each with its name as typed after "referat" ("index setup").
func eachCommand(path string, cmds []*cli.Command, f func(name string, c *cli.Command)) {
	for _, c := range cmds {
		name := strings.TrimSpace(path + " " + c.Name)
		f(name, c)
		eachCommand(name, c.Subcommands, f)
	}
}
