package elastic

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index"
)

// TestDocsFieldsInMapping checks that every field of the documents
// index.Docs makes is in the index templates' mappings.
func TestDocsFieldsInMapping(t *testing.T) {
	d := &referat.Document{
		Source:  referat.Source{Path: "x.pdf", SHA256: strings.Repeat("f", 64)},
		Meeting: referat.Meeting{Date: "2024-02-15", Title: "Nytt fra etats-MBA 15. februar 2024", Body: "etats-MBA"},
		Cases: []referat.Case{{Seq: 2, Title: "T", Text: "x", Thread: "t-2024",
			Exchanges:  []referat.Exchange{{NTL: []int{0}, Employer: []int{}, Others: []int{}, Relation: referat.RelationNoAnswer}},
			Topics:     []referat.Topic{{ID: "budsjett", Label: "Budsjett", Score: 3, Terms: map[string]int{"budsjett": 1}}},
			Statements: []referat.Statement{{Actor: "NTL", Kind: "request", Text: "NTL ba om x.", Topics: []string{"budsjett"}}}}},
	}
	acts := index.Docs(d, func(s string) []string { return strings.Fields(strings.ToLower(s)) })
	mappings := Mappings()
	for _, a := range acts {
		var doc map[string]any
		json.Unmarshal(a.Doc, &doc)
		for field := range doc {
			if _, ok := mappings[a.Index][field]; !ok {
				t.Errorf("%s: field %q is not in the mapping", a.Index, field)
			}
		}
		if doc["year"] != float64(2024) || doc["quarter"] != "2024-Q1" || doc["meeting_date"] != "2024-02-15" {
			t.Errorf("%s: date fields %v %v %v", a.Index, doc["year"], doc["quarter"], doc["meeting_date"])
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
