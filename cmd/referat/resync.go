package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/ntlnav/referat/index/elastic"
	"github.com/ntlnav/referat/pipeline"
)

func resyncCommand() *cli.Command {
	return &cli.Command{
		Name:  "resync",
		Usage: "send every document of the local store to Elasticsearch again, reading no PDF",
		Description: `Marks every file of the store (--store) as not confirmed by Elasticsearch and
sends its documents again, after creating the templates, indices and aliases
that are missing; then prints what was sent. For a cluster that lost data:
'referat ingest' notices a lost or replaced index, or one with fewer documents
than the store confirmed, by itself; resync sends everything whatever the
cluster says. Exit status 3 when Elasticsearch could not be reached (what was
not sent stays pending for the next run).`,
		Flags: append(append(storeFlags(),
			&cli.BoolFlag{Name: "json", Usage: "print the summary as JSON (that of ingest)"},
		), esFlags("")...),
		Action: func(c *cli.Context) error {
			return runResync(c.Context, resyncOptions{store: c.String("store"), lockWait: lockTimeout(c), json: c.Bool("json"),
				es: esConfig(c), stdout: c.App.Writer, stderr: c.App.ErrWriter})
		},
	}
}

// resyncOptions are the options of 'referat index resync'.
type resyncOptions struct {
	store    string        // the local store's folder; default "referat-data" or $REFERAT_STORE
	lockWait time.Duration // wait for a store another process holds; default store.DefaultLockTimeout
	json     bool          // print the summary as JSON (that of ingest); default text
	es       elastic.Config
	stdout   io.Writer
	stderr   io.Writer
}

func runResync(ctx context.Context, opts resyncOptions) error {
	if !opts.es.Configured() {
		return usagef("index resync needs --es-url or ELASTICSEARCH_URL")
	}
	store, w, ew := opts.store, opts.stdout, opts.stderr
	sum, err := pipeline.Run(ctx, pipeline.Options{Store: store, LockTimeout: opts.lockWait, ES: opts.es, Resync: true})
	if sum == nil {
		return err
	}
	if opts.json {
		writeJSON(w, sum)
	} else {
		es := sum.ES
		fmt.Fprintf(w, "store:  %d meetings, %d cases, %d statements, %d topic tags (%s)\n", sum.Meetings, sum.Cases, sum.Statements, sum.Topics, store)
		fmt.Fprintf(w, "elasticsearch %s: %d file(s) sent again: %d indexed, %d deleted, %d failed, %d file(s) pending\n",
			es.URL, es.Resent, es.Indexed, es.Deleted, es.Failed, es.Pending)
		for _, it := range es.Items {
			fmt.Fprintf(ew, "referat: elasticsearch refused %s: %s %s\n", it.Path, it.Cause, it.Error)
		}
	}
	if err != nil {
		return err
	}
	if sum.ES.Failed > 0 {
		return fmt.Errorf("elasticsearch refused %d document(s); they stay pending", sum.ES.Failed)
	}
	return nil
}
