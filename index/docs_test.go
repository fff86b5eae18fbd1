package index

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/ntlnav/referat"
)

func TestDocsIDsAndFields(t *testing.T) {
	d := &referat.Document{
		Source:  referat.Source{Path: "x.pdf", SHA256: strings.Repeat("f", 64)},
		Meeting: referat.Meeting{Date: "2024-02-15", Title: "Nytt fra etats-MBA 15. februar 2024", Body: "etats-MBA"},
		Cases: []referat.Case{{Seq: 2, Title: "T", Text: "x",
			Topics:     []referat.Topic{{ID: "budsjett", Label: "Budsjett", Score: 3, Terms: map[string]int{"budsjett": 1}}},
			Statements: []referat.Statement{{Actor: "NTL", Kind: "request", Text: "NTL ba om x.", Topics: []string{"budsjett"}}}}},
	}
	acts := Docs(d, func(s string) []string { return strings.Fields(strings.ToLower(s)) })
	ids := map[string]string{}
	for _, a := range acts {
		ids[a.Index] += a.ID + " "
	}
	want := map[string]string{
		Meetings:   "ffffffffffffffffffffffffffffffff ",
		Cases:      "ffffffffffffffffffffffffffffffff-002 ",
		Statements: "ffffffffffffffffffffffffffffffff-002-s001 ",
		Topics:     "ffffffffffffffffffffffffffffffff-002-budsjett ",
	}
	for k, v := range want {
		if ids[k] != v {
			t.Errorf("%s ids %q, want %q", k, ids[k], v)
		}
	}
	if got := DocRefs(d); !reflect.DeepEqual(got, Refs(acts)) {
		t.Errorf("DocRefs %v, Refs(Docs) %v", got, Refs(acts))
	}
	var topic map[string]any
	json.Unmarshal(acts[3].Doc, &topic)
	if topic["statements_ntl"] != float64(1) {
		t.Errorf("topic document: %v", topic)
	}
}
