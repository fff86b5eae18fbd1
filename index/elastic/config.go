package elastic

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
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
	// MaxRetries for requests answered 429, 502, 503 or 504, or whose
	// connection failed; a request that timed out is not retried (a
	// frozen node would not answer the retry either). Default (0): 5.
	MaxRetries int
	// Timeout bounds each request, from sending it to reading the last
	// byte of the answer (--es-timeout). Default (0): DefaultTimeout.
	Timeout time.Duration
}

// DefaultTimeout is the time one request may take when Config.Timeout is
// zero.
const DefaultTimeout = 30 * time.Second

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
		pool, err := caPool(c.CACert)
		if err != nil {
			return nil, err
		}
		tr.TLSClientConfig.RootCAs = pool
	}
	return tr, nil
}

// NewClient returns a client for c. It does not contact the cluster. Each
// request has c.Timeout to be answered; a request that fails is retried
// (see MaxRetries) with a backoff of 0.2s, 0.4s, … up to 5s, so that a
// cluster that refuses connections fails a request within about 10s and
// a frozen one within c.Timeout. Errors hold no credentials.
func NewClient(c Config) (*elasticsearch.Client, error) {
	if !c.Configured() {
		return nil, fmt.Errorf("%w: no Elasticsearch configured (--es-url or ELASTICSEARCH_URL)", ErrConfig)
	}
	if err := c.Check(); err != nil {
		return nil, err
	}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
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
	es, err := elasticsearch.NewClient(elasticsearch.Config{
		Addresses:     urls,
		CloudID:       c.CloudID,
		APIKey:        c.APIKey,
		Username:      c.Username,
		Password:      c.Password,
		Transport:     &deadline{next: tr, timeout: timeout},
		RetryOnStatus: []int{429, 502, 503, 504},
		RetryOnError:  retryOnError,
		MaxRetries:    retries,
		RetryBackoff: func(attempt int) time.Duration {
			d := 100 * time.Millisecond << min(attempt, 6)
			return min(d, 5*time.Second)
		},
	})
	if err != nil {
		return nil, fmt.Errorf("%w: %s", ErrConfig, RedactText(err.Error()))
	}
	return es, nil
}
