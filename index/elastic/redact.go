package elastic

import (
	"crypto/x509"
	"errors"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"strings"
)

// Redact returns a URL without its user information (user and password),
// for messages. It works on the text, so that it also
// cleans URLs that do not parse and URLs without a scheme: everything
// between "//" (or the start, when there is no "//") and the last "@"
// goes. Every URL referat prints passes through it or through RedactText.
func Redact(raw string) string {
	s := strings.TrimSpace(raw)
	start := 0
	if i := strings.Index(s, "//"); i >= 0 {
		start = i + 2
	}
	if at := strings.LastIndex(s[start:], "@"); at >= 0 {
		return s[:start] + s[start+at+1:]
	}
	return s
}

// userinfo matches the user information of URLs in running text, also of
// URLs that do not parse: from "//" to the last "@" of the word.
var userinfo = regexp.MustCompile(`//[^\s"'<>]*@`)

// RedactText removes the user information of every URL with a "//" in s,
// such as the URLs that errors of package net/url and net/http embed.
func RedactText(s string) string { return userinfo.ReplaceAllString(s, "//") }

// ErrConfig is the cause of the errors of Check: the configuration is
// wrong, and no request was made.
var ErrConfig = errors.New("wrong Elasticsearch configuration")

// Check reports, without contacting anything, what is wrong with c: a URL
// that is not an http or https URL with a host (and a numeric port, if
// any), or a CA certificate file that cannot be read or holds no PEM
// certificate. The error wraps ErrConfig and holds no credentials.
func (c Config) Check() error {
	for _, raw := range c.URLs {
		if err := checkURL(raw); err != nil {
			return err
		}
	}
	if c.CACert != "" {
		if _, err := caPool(c.CACert); err != nil {
			return err
		}
	}
	return nil
}

// checkURL checks one Elasticsearch URL.
func checkURL(raw string) error {
	s := strings.TrimSpace(raw)
	where := Redact(s)
	if s == "" {
		return fmt.Errorf("%w: an empty URL in --es-url or ELASTICSEARCH_URL", ErrConfig)
	}
	u, err := url.Parse(s)
	switch {
	case !strings.Contains(s, "://"):
		return fmt.Errorf("%w: URL %q needs http:// or https:// (write it like https://host:9200)", ErrConfig, where)
	case err != nil:
		return fmt.Errorf("%w: URL %q does not parse (write it like https://host:9200)", ErrConfig, where)
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Errorf("%w: URL %q needs http:// or https:// (write it like https://host:9200)", ErrConfig, where)
	case u.Hostname() == "":
		return fmt.Errorf("%w: URL %q names no host (write it like https://host:9200)", ErrConfig, where)
	}
	return nil
}

// caPool reads the PEM certificates in file.
func caPool(file string) (*x509.CertPool, error) {
	pem, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("%w: the CA certificate (--es-ca-cert): %w", ErrConfig, err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("%w: the CA certificate %s (--es-ca-cert) holds no PEM certificate", ErrConfig, file)
	}
	return pool, nil
}
