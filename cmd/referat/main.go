// Command referat turns PDF minutes of NTL NAV's consultation meetings into
// searchable, analysable data.
//
//	referat ingest PATH...        extract, analyse and store PDFs incrementally; index them in Elasticsearch
//	referat extract FILE.pdf...   print each file's meeting, cases, topics and statements as JSON
//	referat eval DIR...           score the analysis against annotated meetings
//	referat taxonomy [FILE]       print the built-in taxonomy, or check one
//
// Run "referat help" for all commands and "referat help COMMAND" for one.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/urfave/cli/v2"
)

func main() {
	os.Exit(runMain(os.Args))
}

// runMain runs the command line with Ctrl-C (and SIGTERM) cancelling the
// work, and returns the exit status.
func runMain(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return run(ctx, args, os.Stdout, os.Stderr)
}

// run runs the command line args and returns the exit status. Cancelling
// ctx (Ctrl-C) stops the work in flight.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	slog.SetDefault(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	app := newApp(stdout, stderr)
	args, err := optionsFirst(app, args)
	if err == nil {
		err = app.RunContext(ctx, args)
	}
	return report(ctx, err, stderr)
}

func newApp(stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:    "referat",
		Usage:   "turn PDF meeting minutes into searchable, analysable data",
		Version: versionText(),
		Writer:  stdout,
		// Errors are reported and mapped to exit codes in one place: report.
		ErrWriter:       stderr,
		ExitErrHandler:  func(*cli.Context, error) {},
		OnUsageError:    usageError,
		CommandNotFound: commandNotFound,
		// Completion candidates for the scripts of 'referat completion'.
		EnableBashCompletion: true,
		Commands: []*cli.Command{
			ingestCommand(),
			statusCommand(),
			extractCommand(),
			indexCommand(),
			trendsCommand(),
			compareCommand(),
			searchCommand(),
			casesCommand(),
			showCommand(),
			threadsCommand(),
			reportCommand(),
			storeCommand(),
			kibanaCommand(),
			evalCommand(),
			taxonomyCommand(),
			completionCommand(),
			manCommand(),
			workerCommand(),
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("unknown command %q; run 'referat help'", c.Args().First())
			}
			return cli.ShowAppHelp(c)
		},
		CustomAppHelpTemplate: cli.AppHelpTemplate + exitStatusHelp,
	}
	configure(app.Commands)
	return app
}

// configure gives every command, at any depth, the EXIT STATUS section in
// its help and the usage-error handler, so that a wrong flag anywhere is a
// usage error (exit 2); and has every command that runs check its options
// (checkOptions) before it starts. "help" is not a subcommand of a command
// that runs: "referat search help" searches for "help".
func configure(cmds []*cli.Command) {
	for _, c := range cmds {
		c.OnUsageError = usageError
		takesFiles(c.Flags)
		if len(c.Subcommands) == 0 {
			c.CustomHelpTemplate = cli.CommandHelpTemplate + optionsHelp + exitStatusHelp
			c.HideHelpCommand = true
			c.Before = chainBefore(checkOptions, c.Before)
			c.BashComplete = completeValues(c)
		}
		configure(c.Subcommands)
	}
}

// chainBefore runs first, then next unless first failed or next is nil.
func chainBefore(first, next cli.BeforeFunc) cli.BeforeFunc {
	return func(c *cli.Context) error {
		if err := first(c); err != nil || next == nil {
			return err
		}
		return next(c)
	}
}

// commandNotFound is called for "referat help NOPE".
func commandNotFound(c *cli.Context, name string) {
	fmt.Fprintf(c.App.ErrWriter, "referat: unknown command %q; run 'referat help'\n", name)
}

func usageError(c *cli.Context, err error, isSubcommand bool) error {
	return usagef("%v", err)
}

// takesFiles marks the options that name files, so that completion
// offers file names for them.
func takesFiles(flags []cli.Flag) {
	for _, f := range flags {
		if s, ok := f.(*cli.StringFlag); ok && fileOptions[s.Name] {
			s.TakesFile = true
		}
	}
}
