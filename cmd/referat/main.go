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

	"github.com/ntlnav/referat"
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
	err := app.RunContext(ctx, args)
	return report(ctx, err, stderr)
}

func newApp(stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:    "referat",
		Usage:   "turn PDF meeting minutes into searchable, analysable data",
		Version: referat.Version,
		Writer:  stdout,
		// Errors are reported and mapped to exit codes in one place: report.
		ErrWriter:       stderr,
		ExitErrHandler:  func(*cli.Context, error) {},
		OnUsageError:    usageError,
		CommandNotFound: commandNotFound,
		Commands: []*cli.Command{
			ingestCommand(),
			extractCommand(),
			indexCommand(),
			trendsCommand(),
			compareCommand(),
			searchCommand(),
			casesCommand(),
			showCommand(),
			reportCommand(),
			storeCommand(),
			kibanaCommand(),
			evalCommand(),
			taxonomyCommand(),
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
// usage error (exit 2).
func configure(cmds []*cli.Command) {
	for _, c := range cmds {
		c.OnUsageError = usageError
		if len(c.Subcommands) == 0 {
			c.CustomHelpTemplate = cli.CommandHelpTemplate + exitStatusHelp
		}
		configure(c.Subcommands)
	}
}

// commandNotFound is called for "referat help NOPE".
func commandNotFound(c *cli.Context, name string) {
	fmt.Fprintf(c.App.ErrWriter, "referat: unknown command %q; run 'referat help'\n", name)
}

func usageError(c *cli.Context, err error, isSubcommand bool) error {
	return usagef("%v", err)
}
