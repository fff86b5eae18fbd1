// Package estest gives tests the Elasticsearch nodes that `make test`
// starts (scripts/es.sh). Tests that need one call Client, URL, Secure or
// Busy; without the node they are skipped, except under CI=true, where
// they fail: CI must never pass by skipping them.
//
// scripts/test.sh runs the packages that import estest twice: against
// Elasticsearch 8 with every node, then with $ELASTICSEARCH_URL set to a
// plain Elasticsearch 9 node and $REFERAT_TEST_ES_PASS naming that pass.
// In such a pass the tests that need the secured or busy node, which
// exist in 8.x only and ran in the first pass, are skipped, under CI too.
package estest

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/ntlnav/referat/index/elastic"
)

// URL returns the node's URL from $ELASTICSEARCH_URL, or skips the test
// (fails it under CI=true) when there is none.
func URL(t testing.TB) string {
	t.Helper()
	return env(t, "ELASTICSEARCH_URL", "run 'make test', or start a node with 'make es'")
}

// env returns $name, or skips the test (fails it under CI=true).
func env(t testing.TB, name, hint string) string {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		need(t, name+" is not set; "+hint)
	}
	return v
}

// Secure returns the URL and password of the node with security on, from
// $REFERAT_TEST_ES_SECURE_URL and $REFERAT_TEST_ES_SECURE_PASSWORD.
func Secure(t testing.TB) (url, password string) {
	t.Helper()
	return env(t, "REFERAT_TEST_ES_SECURE_URL", "run 'make test'"), env(t, "REFERAT_TEST_ES_SECURE_PASSWORD", "run 'make test'")
}

func need(t testing.TB, why string) {
	t.Helper()
	if pass := os.Getenv("REFERAT_TEST_ES_PASS"); pass != "" {
		t.Skipf("%s: this pass has only the %s", why, pass)
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("Elasticsearch is required under CI: %s", why)
	}
	t.Skip(why)
}

// Client returns a client for the node, checked to answer.
func Client(t testing.TB) *elasticsearch.Client {
	t.Helper()
	es, err := elastic.NewClient(elastic.Config{URLs: []string{URL(t)}, MaxRetries: 2})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := elastic.Ping(ctx, es); err != nil {
		t.Fatalf("Elasticsearch at %s: %v", elastic.Redact(URL(t)), err)
	}
	return es
}

// Reset deletes the referat indices and templates, so a test starts from
// nothing. Tests that use it must not run in parallel with each other.
func Reset(t testing.TB, es *elasticsearch.Client) {
	t.Helper()
	for _, alias := range elastic.Aliases {
		res, err := es.Indices.Delete([]string{elastic.Concrete(alias)}, es.Indices.Delete.WithIgnoreUnavailable(true))
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
	}
}

// Busy returns the URL of the node whose write thread pool has one thread
// and a queue of one, from $REFERAT_TEST_ES_BUSY_URL: concurrent bulk
// requests to it are rejected with 429.
func Busy(t testing.TB) string {
	t.Helper()
	return env(t, "REFERAT_TEST_ES_BUSY_URL", "run 'make test'")
}
