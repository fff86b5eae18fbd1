package elastic

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/elastic/go-elasticsearch/v8"
)

// Config says how to reach Elasticsearch, like other Elastic tools do.
// Secrets are never printed, logged or put in errors.
type Config struct {
	URLs     []string // from --es-url or $ELASTICSEARCH_URL (comma-separated); none means "not configured"
	APIKey   string   // $ELASTICSEARCH_API_KEY (base64 "id:key")
	Username string   // $ELASTICSEARCH_USERNAME
	Password string   // $ELASTICSEARCH_PASSWORD
	CloudID  string   // $ELASTIC_CLOUD_ID
	CACert   string   // --es-ca-cert: PEM file of the CA to trust; default: the system's
	// MaxRetries for requests answered 429, 502, 503 or 504, or not
	// answered. Default (0): 5.
	MaxRetries int
}

// ConfigFromEnv reads the standard environment variables.
func ConfigFromEnv() Config {
	c := Config{
		APIKey:   os.Getenv("ELASTICSEARCH_API_KEY"),
		Username: os.Getenv("ELASTICSEARCH_USERNAME"),
		Password: os.Getenv("ELASTICSEARCH_PASSWORD"),
		CloudID:  os.Getenv("ELASTIC_CLOUD_ID"),
	}
	if u := os.Getenv("ELASTICSEARCH_URL"); u != "" {
		c.URLs = strings.Split(u, ",")
	}
	return c
}

// Configured reports whether c names a cluster.
func (c Config) Configured() bool { return len(c.URLs) > 0 || c.CloudID != "" }

// Where names the cluster for messages: its URLs without credentials, or
// "Elastic Cloud".
func (c Config) Where() string {
	if len(c.URLs) == 0 && c.CloudID != "" {
		return "Elastic Cloud"
	}
	var out []string
	for _, u := range c.URLs {
		out = append(out, Redact(u))
	}
	return strings.Join(out, ",")
}

// Redact removes the user information from a URL.
func Redact(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.User == nil {
		return strings.TrimSpace(raw)
	}
	u.User = nil
	return u.String()
}

// Errors a caller can match: the cluster could not be reached, or it
// refused the credentials.
var (
	ErrUnreachable  = errors.New("elasticsearch is unreachable")
	ErrUnauthorized = errors.New("elasticsearch refused the credentials")
)

// transport returns an HTTP transport that verifies TLS certificates
// against the system's CAs, or the CA in CACert.
func (c Config) transport() (*http.Transport, error) {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext
	tr.ResponseHeaderTimeout = 2 * time.Minute
	tr.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	if c.CACert != "" {
		pem, err := os.ReadFile(c.CACert)
		if err != nil {
			return nil, fmt.Errorf("reading the CA certificate: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("%s holds no PEM certificate", c.CACert)
		}
		tr.TLSClientConfig.RootCAs = pool
	}
	return tr, nil
}

// NewClient returns a client for c. It does not contact the cluster.
func NewClient(c Config) (*elasticsearch.Client, error) {
	if !c.Configured() {
		return nil, errors.New("no Elasticsearch configured (--es-url or ELASTICSEARCH_URL)")
	}
	tr, err := c.transport()
	if err != nil {
		return nil, err
	}
	retries := c.MaxRetries
	if retries <= 0 {
		retries = 5
	}
	var urls []string
	for _, u := range c.URLs {
		urls = append(urls, strings.TrimSpace(u))
	}
	return elasticsearch.NewClient(elasticsearch.Config{
		Addresses:     urls,
		CloudID:       c.CloudID,
		APIKey:        c.APIKey,
		Username:      c.Username,
		Password:      c.Password,
		Transport:     tr,
		RetryOnStatus: []int{429, 502, 503, 504},
		MaxRetries:    retries,
		RetryBackoff: func(attempt int) time.Duration {
			d := 100 * time.Millisecond << min(attempt, 6)
			return min(d, 5*time.Second)
		},
	})
}
