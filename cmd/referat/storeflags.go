package main

import (
	"fmt"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/ntlnav/referat/index/store"
)

// envStore names the environment variable that sets the default store of
// every command; --store wins over it.
const envStore = "REFERAT_STORE"

// storeFlags are --store and --lock-timeout, which every command that
// opens the local store has.
func storeFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "store", Value: "referat-data", EnvVars: []string{envStore}, Usage: "`DIR`ectory of the local store"},
		&cli.DurationFlag{Name: "lock-timeout", Value: store.DefaultLockTimeout,
			Usage: "`DURATION` to wait for a store another referat process holds (then exit status 5)"},
	}
}

// openReadOnly opens the store of the command for reading: a missing
// store is an error naming it, never created. While an ingest writes the
// store, the snapshot it left is read, and a note on stderr says so.
func openReadOnly(c *cli.Context) (*store.Store, error) {
	st, err := store.Open(c.String("store"), store.Options{ReadOnly: true, LockTimeout: lockTimeout(c)})
	if err != nil {
		return nil, err
	}
	if !st.Snapshot.IsZero() {
		writer := st.Writer
		if writer == "" {
			writer = "another process"
		}
		fmt.Fprintf(c.App.ErrWriter, "referat: note: an ingest is writing %s (%s); reading its snapshot of %s\n",
			st.Dir, writer, st.Snapshot.UTC().Format(time.RFC3339))
	}
	return st, nil
}

// lockTimeout returns --lock-timeout, or the default where the command
// has no such flag.
func lockTimeout(c *cli.Context) time.Duration {
	if d := c.Duration("lock-timeout"); d > 0 {
		return d
	}
	return store.DefaultLockTimeout
}
