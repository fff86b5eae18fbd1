package main

import (
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
)

// optionsHelp is the note on the order of options in every command's help.
const optionsHelp = `
Options may come before or after the arguments; "--" ends them. A wrong value
is reported with what the option accepts (see README.md, "The command line").
`

// completeFlag is the argument urfave/cli's shell completion appends to a
// command line to ask for candidates; it must stay last.
const completeFlag = "--generate-bash-completion"

// optionsFirst returns the command line args (program name first) with
// every command's options moved before its arguments, so that options may
// follow arguments as in gh, restic or kubectl:
//
//	referat ingest DIR --quiet  →  referat ingest --quiet DIR
//
// urfave/cli v2 stops reading options at the first argument; this runs
// before it, once for the whole command tree. Which tokens are options is
// decided with each command's own flag definitions: a flag that takes a
// value takes the next token (even one starting with "-", as in
// --per-year -1) unless written --flag=value; bool flags take none;
// aliases (-q) and repeated flags keep their order. "--" ends the options:
// everything after it is an argument, and it is kept so that cli sees the
// same. A lone "-" is an argument.
//
// On the path to the command (referat index setup), tokens are left in
// place. In the command that runs, an unknown option, a value that does
// not parse as its flag's type, or a missing value is a usage error
// naming the option and what it accepts.
func optionsFirst(app *cli.App, args []string) ([]string, error) {
	if len(args) == 0 {
		return args, nil
	}
	rest := args[1:]
	completing := len(rest) > 0 && rest[len(rest)-1] == completeFlag
	if completing {
		rest = rest[:len(rest)-1]
	}
	out := []string{args[0]}
	flags := append(slices.Clip(app.Flags), cli.HelpFlag, cli.VersionFlag)
	cmds, path := app.Commands, []string(nil)
	for {
		i, cmd := findCommand(rest, flags, cmds)
		if cmd == nil {
			out = append(out, rest...)
			break
		}
		out = append(out, rest[:i+1]...)
		rest, path = rest[i+1:], append(path, cmd.Name)
		if len(cmd.Subcommands) > 0 {
			flags, cmds = append(slices.Clip(cmd.Flags), cli.HelpFlag), cmd.Subcommands
			continue
		}
		moved, err := moveOptions(rest, append(slices.Clip(cmd.Flags), cli.HelpFlag), strings.Join(path, " "), completing)
		if err != nil {
			return nil, err
		}
		out = append(out, moved...)
		break
	}
	if completing {
		out = append(out, completeFlag)
	}
	return out, nil
}

// findCommand skips the options at the start of args (defined by flags)
// and returns the index of the first argument when it names one of cmds.
func findCommand(args []string, flags []cli.Flag, cmds []*cli.Command) (int, *cli.Command) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" || !isOption(a) {
			for _, c := range cmds {
				if a != "--" && c.HasName(a) {
					return i, c
				}
			}
			return -1, nil
		}
		if name, _, hasValue := splitOption(a); !hasValue && takesValue(lookupFlag(flags, name)) {
			i++
		}
	}
	return -1, nil
}

// moveOptions returns args with the options first, then "--" when args
// had it, then the arguments, each group in its original order.
func moveOptions(args []string, flags []cli.Flag, command string, completing bool) ([]string, error) {
	var opts, operands []string
	dashdash, help := false, false
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			dashdash = true
			operands = append(operands, args[i+1:]...)
			break
		}
		if !isOption(a) {
			operands = append(operands, a)
			continue
		}
		name, value, hasValue := splitOption(a)
		f := lookupFlag(flags, name)
		help = help || f == cli.HelpFlag && value != "false"
		switch {
		case completing:
			// Partial input: keep it as typed, so cli can offer the
			// candidates for it.
		case f == nil:
			written, _, _ := strings.Cut(a, "=")
			return nil, usagef("%s has no option %s (see 'referat %s --help')", command, written, command)
		case takesValue(f) && !hasValue:
			if i+1 >= len(args) {
				return nil, usagef("%s needs a value: %s", optionName(name), accepted(f))
			}
			i++
			value, hasValue = args[i], true
			opts = append(opts, a)
			a = value
		}
		if !completing && hasValue {
			if err := checkSyntax(f, name, value); err != nil {
				return nil, err
			}
		}
		opts = append(opts, a)
	}
	if help && !completing {
		// cli would take the first argument for a command to show the
		// help of: "referat search kutt -h" shows search's help.
		return opts, nil
	}
	if dashdash {
		opts = append(opts, "--")
	}
	return append(opts, operands...), nil
}

// isOption reports whether a command-line token is an option: it starts
// with "-" and is not "-" alone.
func isOption(a string) bool { return len(a) > 1 && a[0] == '-' }

// splitOption splits "--name=value" or "-name" into its parts.
func splitOption(a string) (name, value string, hasValue bool) {
	name = strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
	name, value, hasValue = strings.Cut(name, "=")
	return name, value, hasValue
}

// optionName renders a flag name as a user writes it: -q, --store.
func optionName(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

func lookupFlag(flags []cli.Flag, name string) cli.Flag {
	for _, f := range flags {
		if slices.Contains(f.Names(), name) {
			return f
		}
	}
	return nil
}

// takesValue reports whether f reads the next token as its value.
func takesValue(f cli.Flag) bool {
	d, ok := f.(cli.DocGenerationFlag)
	return ok && d.TakesValue()
}
