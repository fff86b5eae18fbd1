package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"
)

// Shell completion and the man page come from the command tree itself:
// the names, flags and usage texts that --help prints. Bash and zsh ask
// the binary for candidates as the user types (urfave/cli's
// --generate-bash-completion, which prints the subcommands, or the
// options when the word starts with "-"); fish gets a static script made
// by urfave/cli's ToFishCompletion; the man page is its ToMan.

const bashCompletion = `# bash completion for referat. Install: referat completion bash > /etc/bash_completion.d/referat
# (or ~/.local/share/bash-completion/completions/referat), or: source <(referat completion bash)
_referat_complete() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    local -a words=("${COMP_WORDS[@]:0:COMP_CWORD}")
    [[ $cur == -* ]] && words+=("$cur")
    local IFS=$'\n'
    COMPREPLY=($(compgen -W "$("${words[@]}" --generate-bash-completion 2>/dev/null)" -- "$cur"))
}
complete -o bashdefault -o default -F _referat_complete referat
`

const zshCompletion = `#compdef referat
# zsh completion for referat. Install: referat completion zsh > "${fpath[1]}/_referat"
# (any folder on $fpath), or: source <(referat completion zsh) after compinit
_referat() {
    local cur=${words[CURRENT]}
    local -a cmd=(${words[1,CURRENT-1]}) opts
    [[ $cur == -* ]] && cmd+=($cur)
    opts=("${(@f)$(${cmd[@]} --generate-bash-completion 2>/dev/null)}")
    if [[ -n ${opts[1]} ]]; then
        _describe 'referat' opts
    else
        _files
    fi
}
if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then
    _referat "$@"
else
    compdef _referat referat
fi
`

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print the shell completion script for bash, zsh or fish",
		ArgsUsage: "bash|zsh|fish",
		Description: `Prints a script that completes referat's commands and options in the shell:

  referat completion bash > /etc/bash_completion.d/referat   # or: source <(referat completion bash)
  referat completion zsh > "${fpath[1]}/_referat"
  referat completion fish > ~/.config/fish/completions/referat.fish`,
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("completion takes one shell: bash, zsh or fish")
			}
			return writeCompletion(c.App, c.Args().First(), c.App.Writer)
		},
	}
}

func writeCompletion(app *cli.App, shell string, w io.Writer) error {
	var script string
	switch shell {
	case "bash":
		script = bashCompletion
	case "zsh":
		script = zshCompletion
	case "fish":
		s, err := app.ToFishCompletion()
		if err != nil {
			return err
		}
		script = s
	default:
		return usagef("completion takes bash, zsh or fish, not %q", shell)
	}
	_, err := io.WriteString(w, script)
	return err
}

func manCommand() *cli.Command {
	return &cli.Command{
		Name:  "man",
		Usage: "print the manual page (roff), made from the same text as --help",
		Description: `Prints referat(1) in roff:

  referat man > referat.1 && man ./referat.1
  referat man | sudo tee /usr/local/share/man/man1/referat.1 >/dev/null`,
		Action: func(c *cli.Context) error {
			// The man page's DESCRIPTION; --help shows the same text
			// below the commands.
			c.App.Description = "Exit status:\n\n" + strings.ReplaceAll(strings.TrimPrefix(exitStatusHelp, "\nEXIT STATUS:\n"), "   ", "    ")
			page, err := c.App.ToManWithSection(1)
			if err != nil {
				return fmt.Errorf("making the man page: %w", err)
			}
			_, err = io.WriteString(c.App.Writer, page)
			return err
		},
	}
}

// completeValues returns cmd's completion: after an option that takes
// one of a few words (--by, --format, --topic, --actor) those words,
// after another option that takes a value nothing (the shell then offers
// file names), else cli's default: the options or subcommands.
func completeValues(cmd *cli.Command) cli.BashCompleteFunc {
	fallback := cli.DefaultCompleteWithFlags(cmd)
	return func(c *cli.Context) {
		// As cli's own completion: the word before the request.
		if len(os.Args) < 3 {
			fallback(c)
			return
		}
		prev := os.Args[len(os.Args)-2]
		f := lookupFlag(cmd.Flags, strings.TrimLeft(prev, "-"))
		if !isOption(prev) || strings.Contains(prev, "=") || f == nil || !takesValue(f) {
			fallback(c)
			return
		}
		v := &values{}
		if lookupFlag(cmd.Flags, "taxonomy") != nil {
			v.taxonomyPath = c.String("taxonomy")
		}
		for _, w := range valueWords(v, f.Names()[0]) {
			fmt.Fprintln(c.App.Writer, w)
		}
	}
}

// valueWords lists the words option name takes, if it takes one of a few.
func valueWords(v *values, name string) []string {
	switch name {
	case "by":
		return []string{"year", "quarter", "month"}
	case "format":
		return []string{"table", "csv", "json"}
	}
	t, err := v.taxonomy()
	if err != nil {
		return nil
	}
	var words []string
	switch name {
	case "topic":
		for _, tp := range t.Topics {
			words = append(words, tp.ID)
		}
	case "actor":
		for _, a := range t.Actors {
			words = append(words, a.ID)
		}
	}
	return words
}
