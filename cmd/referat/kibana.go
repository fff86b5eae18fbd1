package main

import (
	"errors"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/ntlnav/referat/index/elastic"
)

func kibanaCommand() *cli.Command {
	return &cli.Command{
		Name:  "kibana",
		Usage: "export or install the Kibana data views, charts and dashboards",
		Subcommands: []*cli.Command{
			{
				Name:  "export",
				Usage: "print the saved objects as NDJSON (referat kibana export > referat.ndjson)",
				Description: `Prints the data views (referat-cases, referat-statements, referat-topics, time
field meeting_date), the Lens charts, the saved search of statements, and the
dashboards "Temaer over tid" and "Posisjoner". Import the file in Kibana under
Stack Management > Saved objects > Import, or use 'referat kibana install'.`,
				Action: func(c *cli.Context) error {
					_, err := c.App.Writer.Write(elastic.KibanaNDJSON())
					return err
				},
			},
			{
				Name:  "install",
				Usage: "import the saved objects into Kibana, overwriting earlier copies",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "kibana-url", EnvVars: []string{"KIBANA_URL"}, Usage: "Kibana `URL` (credentials as for Elasticsearch: $ELASTICSEARCH_API_KEY, or $ELASTICSEARCH_USERNAME and $ELASTICSEARCH_PASSWORD) (required)"},
					&cli.StringFlag{Name: "es-ca-cert", Usage: "PEM `FILE` of the CA that signed Kibana's certificate", DefaultText: "the system's CAs"},
					&cli.DurationFlag{Name: "timeout", Value: elastic.DefaultKibanaTimeout, Usage: "`DURATION` the import may take, Kibana's answer included"},
				},
				Description: `Sends the objects of 'referat kibana export' to Kibana's saved objects import
API with overwrite. Each object Kibana refuses (conflict, missing_references,
unsupported_type, unknown) is listed on stderr, one line each, and the exit
status is then 1. The objects are shaped for Kibana ` + elastic.KibanaVersion + ` and later.`,
				Action: runKibanaInstall,
			},
		},
	}
}

// runKibanaInstall imports the saved objects and lists each object Kibana
// refused on stderr.
func runKibanaInstall(c *cli.Context) error {
	u := c.String("kibana-url")
	if u == "" {
		return usagef("kibana install needs --kibana-url or KIBANA_URL")
	}
	cfg := elastic.ConfigFromEnv()
	cfg.CACert = c.String("es-ca-cert")
	cfg.Timeout = c.Duration("timeout")
	r, err := elastic.InstallKibana(c.Context, u, cfg, elastic.KibanaNDJSON())
	if errors.Is(err, elastic.ErrKibanaURL) {
		return usagef("%v", err)
	}
	var failed *elastic.ImportFailedError
	if errors.As(err, &failed) {
		for _, e := range failed.Result.Errors {
			fmt.Fprintf(c.App.ErrWriter, "referat: kibana refused %s\n", e)
		}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(c.App.Writer, "installed %d saved objects in %s\n", r.SuccessCount, elastic.Redact(u))
	return nil
}
