package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/ntlnav/referat/index/elastic"
	"github.com/ntlnav/referat/ingest"
	"github.com/ntlnav/referat/pipeline"
)

// Exit statuses. This is the only place that decides them.
const (
	exitOK          = 0
	exitFailed      = 1 // some input could not be processed
	exitUsage       = 2
	exitESDown      = 3 // Elasticsearch unreachable; documents kept pending
	exitDamaged     = 4 // the store file is damaged
	exitLocked      = 5 // another process held the store past --lock-timeout
	exitInterrupted = 130
)

const exitStatusHelp = `
EXIT STATUS:
   0    all input was processed
   1    some input failed; each failure is reported on stderr with its reason
   2    the command line or the Elasticsearch configuration (URL, certificate,
        credentials) is wrong; ingest keeps its documents pending
   3    Elasticsearch could not be reached; documents are kept pending (ingest)
   4    the store is damaged; see 'referat store check' and 'referat store rebuild'
   5    the store was held by another referat process for longer than --lock-timeout
   130  interrupted (Ctrl-C)
`

// errUsage marks an error in the command line.
type usageErr struct{ msg string }

func (e *usageErr) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageErr{fmt.Sprintf(format, args...)}
}

// errSomeFailed reports that some inputs failed; each was reported
// already, where it failed.
type someFailed struct{ n, of int }

func (e *someFailed) Error() string { return fmt.Sprintf("%d of %d files failed", e.n, e.of) }

// report prints err, if any, as one line and returns the exit status for it.
func report(ctx context.Context, err error, stderr io.Writer) int {
	var u *usageErr
	var f *someFailed
	var d *pipeline.ESError
	switch {
	case err == nil:
		return exitOK
	case ctx.Err() != nil || errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "referat: interrupted")
		return exitInterrupted
	case errors.As(err, &u):
		fmt.Fprintf(stderr, "referat: %s\n", elastic.RedactText(err.Error()))
		return exitUsage
	case errors.Is(err, elastic.ErrConfig):
		fmt.Fprintf(stderr, "referat: %s\n", describe(err))
		return exitUsage
	case errors.Is(err, elastic.ErrUnauthorized):
		// Wrong credentials are a wrong configuration, for every command
		// alike; ingest's *pipeline.ESError says its files stay pending.
		fmt.Fprintf(stderr, "referat: %s (check ELASTICSEARCH_API_KEY, or ELASTICSEARCH_USERNAME and ELASTICSEARCH_PASSWORD)\n", describe(err))
		return exitUsage
	case errors.As(err, &f):
		fmt.Fprintf(stderr, "referat: %v\n", err)
		return exitFailed
	case errors.As(err, &d):
		fmt.Fprintf(stderr, "referat: %s\n", describe(err))
		return exitESDown
	}
	if code, ok := reportStore(err, stderr); ok {
		return code
	}
	if errors.Is(err, elastic.ErrUnreachable) {
		fmt.Fprintf(stderr, "referat: %s (is it running? check --es-url)\n", describe(err))
		return exitESDown
	}
	fmt.Fprintf(stderr, "referat: %s\n", describe(err))
	return exitFailed
}

// describe renders an error a user can meet as one line: what failed,
// why, and what to do; URLs in it lose their credentials.
func describe(err error) string {
	msg := err.Error()
	if advice := ingest.Advice(err); advice != "" {
		msg += " (" + advice + ")"
	}
	return elastic.RedactText(oneLine(msg))
}
