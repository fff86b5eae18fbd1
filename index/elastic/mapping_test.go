package elastic

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index"
)

// TestDocsFieldsInMapping checks that every field of the documents
// index.Docs makes, from a real extract with every part filled in (topics,
// statements, evidence), is in the index templates' mappings.
func TestDocsFieldsInMapping(t *testing.T) {
	b, err := os.ReadFile("../../testdata/golden/extract/libreoffice-2019-12-12.json")
	if err != nil {
		t.Fatal(err)
	}
	var d referat.Document
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Cases) == 0 || len(d.Cases[0].Exchanges) == 0 {
		t.Fatal("the extract has no case with exchanges")
	}
	d.Cases[0].Thread = "linjevise-budsjetter-2020-2019" // set by ingest, never by extract
	acts := index.Docs(&d, func(s string) []string { return strings.Fields(strings.ToLower(s)) })
	mappings := Mappings()
	seen := map[string]bool{}
	for _, a := range acts {
		seen[a.Index] = true
		var doc map[string]any
		if err := json.Unmarshal(a.Doc, &doc); err != nil {
			t.Fatal(err)
		}
		for field := range doc {
			if _, ok := mappings[a.Index][field]; !ok {
				t.Errorf("%s: field %q is not in the mapping", a.Index, field)
			}
		}
		if doc["year"] != float64(2019) || doc["quarter"] != "2019-Q4" || doc["meeting_date"] != "2019-12-12" {
			t.Errorf("%s: date fields %v %v %v", a.Index, doc["year"], doc["quarter"], doc["meeting_date"])
		}
	}
	for _, alias := range Aliases {
		if !seen[alias] {
			t.Errorf("no document for %s: the extract should fill every index", alias)
		}
	}
}

func TestRedact(t *testing.T) {
	if got := Redact("https://elastic:hemmelig@es.example:9200/"); strings.Contains(got, "hemmelig") || !strings.Contains(got, "es.example") {
		t.Errorf("got %q", got)
	}
	c := Config{URLs: []string{"http://u:p@a:1", "http://b:2"}}
	if got := c.Where(); got != "http://a:1,http://b:2" {
		t.Errorf("Where = %q", got)
	}
}
