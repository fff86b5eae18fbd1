package elastic_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/ntlnav/referat/index/elastic"
	"github.com/ntlnav/referat/internal/estest"
)

// TestSetupAddsFields runs Setup over a cases index made before cases had
// a thread: Setup adds the field, so that new documents are accepted by
// the strict mapping, and keeps the documents already there.
func TestSetupAddsFields(t *testing.T) {
	es := estest.Client(t)
	estest.Reset(t, es)
	ctx := context.Background()
	old := `{"mappings":{"dynamic":"strict","properties":{"case_id":{"type":"keyword"}}},` +
		`"aliases":{"referat-cases":{"is_write_index":true}}}`
	name := elastic.Concrete(elastic.Cases)
	if _, err := es.Indices.Create(name, es.Indices.Create.WithBody(strings.NewReader(old))); err != nil {
		t.Fatal(err)
	}
	if _, err := elastic.Setup(ctx, es); err != nil {
		t.Fatal(err)
	}
	res, err := es.Indices.GetMapping(es.Indices.GetMapping.WithIndex(name))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var m map[string]struct {
		Mappings struct {
			Properties map[string]struct {
				Type string `json:"type"`
			} `json:"properties"`
		} `json:"mappings"`
	}
	if err := json.NewDecoder(res.Body).Decode(&m); err != nil {
		t.Fatal(err)
	}
	if got := m[name].Mappings.Properties["thread"].Type; got != "keyword" {
		t.Errorf("thread is %q after Setup, want keyword", got)
	}
}
