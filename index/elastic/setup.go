package elastic

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/esapi"
	"github.com/ntlnav/referat/index"
)

// Index names: the aliases every reader and writer uses (named by package
// index, whose documents go into them), and the versioned indices behind
// them.
const (
	Meetings   = index.Meetings
	Cases      = index.Cases
	Statements = index.Statements
	Topics     = index.Topics
	// IndexVersion is the version of the mappings below; a change that
	// needs a new index bumps it.
	IndexVersion = "v1"
)

// Aliases lists the four aliases.
var Aliases = []string{Meetings, Cases, Statements, Topics}

// Concrete returns the versioned index behind an alias.
func Concrete(alias string) string { return alias + "-" + IndexVersion }

// TextAnalyzer returns the analyzer the cluster offers for Norwegian text:
// "norwegian" when it has it, else "standard".
func TextAnalyzer(ctx context.Context, es *elasticsearch.Client) (string, error) {
	body := `{"analyzer":"norwegian","text":"budsjettene"}`
	_, err := do(ctx, es, esapi.IndicesAnalyzeRequest{Body: bytes.NewReader([]byte(body))})
	var e *APIError
	switch {
	case err == nil:
		return "norwegian", nil
	case asAPIError(err, &e) && e.Status == 400:
		return "standard", nil
	}
	return "", err
}

// templates returns the component templates and index templates, with text
// fields analysed by analyzer.
func templates(analyzer string) (components map[string]any, indices map[string]any) {
	text := func() map[string]any { return map[string]any{"type": "text", "analyzer": analyzer} }
	stems := map[string]any{"type": "text", "analyzer": "whitespace"}
	textKW := func() map[string]any {
		t := text()
		t["fields"] = map[string]any{"keyword": map[string]any{"type": "keyword", "ignore_above": 512}}
		return t
	}
	kw := map[string]any{"type": "keyword"}
	common := map[string]any{
		"meeting_id":       kw,
		"meeting_date":     map[string]any{"type": "date", "format": "strict_date"},
		"year":             map[string]any{"type": "short"},
		"quarter":          kw, // "2024-Q1"
		"month":            kw, // "2024-02"
		"body":             kw,
		"meeting_title":    textKW(),
		"source_path":      kw,
		"source_sha256":    kw,
		"pipeline_version": kw,
		"taxonomy_version": kw,
	}
	components = map[string]any{
		"referat-settings": map[string]any{"template": map[string]any{
			"settings": map[string]any{"number_of_shards": 1, "number_of_replicas": 0, "refresh_interval": "1s"},
		}},
		"referat-common": map[string]any{"template": map[string]any{
			"mappings": map[string]any{"dynamic": "strict", "properties": common},
		}},
	}
	props := map[string]map[string]any{
		Meetings: {
			"title": textKW(), "pages": map[string]any{"type": "integer"}, "producer": kw,
			"date_source": kw, "intro": text(), "case_count": map[string]any{"type": "integer"},
			"attendees": kw, "absent": kw, "minutes_taker": kw, "chair": kw, "place": textKW(), "time": kw,
		},
		Cases: {
			"case_id": kw, "seq": map[string]any{"type": "integer"}, "number": kw, "title": textKW(), "title_stems": stems, "decision": text(),
			"text": text(), "text_stems": stems, "topics": kw, "keywords": kw, "actors": kw,
			"pages": map[string]any{"type": "integer"}, "statement_count": map[string]any{"type": "integer"},
			"thread": kw, "exchanges": map[string]any{"type": "object", "enabled": false},
		},
		Statements: {
			"case_id": kw, "case_seq": map[string]any{"type": "integer"}, "case_title": textKW(),
			"actor": kw, "kind": kw, "actor_kind": kw, "text": text(), "text_stems": stems, "topics": kw,
			"position": map[string]any{"type": "integer"}, "stems": kw, "case_topics": kw, "actors": kw,
			"start": map[string]any{"type": "integer"}, "end": map[string]any{"type": "integer"},
		},
		Topics: {
			"case_id": kw, "case_seq": map[string]any{"type": "integer"}, "case_title": textKW(), "topic": kw,
			"topic_label": kw, "score": map[string]any{"type": "float"}, "terms": kw, "actors": kw,
			"evidence":                map[string]any{"type": "object", "enabled": false},
			"sentences":               map[string]any{"type": "object", "enabled": false},
			"statements_ntl":          map[string]any{"type": "integer"},
			"statements_arbeidsgiver": map[string]any{"type": "integer"},
			"statements_andre":        map[string]any{"type": "integer"},
		},
	}
	indices = map[string]any{}
	for _, alias := range Aliases {
		indices[alias] = map[string]any{
			"index_patterns": []string{alias + "-v*"},
			"composed_of":    []string{"referat-settings", "referat-common"},
			"priority":       200,
			"template":       map[string]any{"mappings": map[string]any{"properties": props[alias]}},
			"_meta":          map[string]any{"managed_by": "referat", "text_analyzer": analyzer},
		}
	}
	return components, indices
}

// Setup creates the component and index templates, the versioned indices
// and their aliases. It is idempotent: templates are overwritten with the
// same content and existing indices are left as they are. It returns the
// text analyzer in use.
func Setup(ctx context.Context, es *elasticsearch.Client) (string, error) {
	analyzer, err := TextAnalyzer(ctx, es)
	if err != nil {
		return "", err
	}
	components, indices := templates(analyzer)
	for _, name := range []string{"referat-settings", "referat-common"} {
		b, _ := json.Marshal(components[name])
		if _, err := do(ctx, es, esapi.ClusterPutComponentTemplateRequest{Name: name, Body: bytes.NewReader(b)}); err != nil {
			return "", fmt.Errorf("component template %s: %w", name, err)
		}
	}
	for _, alias := range Aliases {
		b, _ := json.Marshal(indices[alias])
		if _, err := do(ctx, es, esapi.IndicesPutIndexTemplateRequest{Name: alias, Body: bytes.NewReader(b)}); err != nil {
			return "", fmt.Errorf("index template %s: %w", alias, err)
		}
		name := Concrete(alias)
		_, err := do(ctx, es, esapi.IndicesExistsRequest{Index: []string{name}})
		switch {
		case err == nil:
			// Fields added since the index was made (such as cases'
			// thread) are added to it; changing a field needs a new
			// IndexVersion.
			b, _ := json.Marshal(map[string]any{"properties": properties(components, indices, alias)})
			if _, err := do(ctx, es, esapi.IndicesPutMappingRequest{Index: []string{name}, Body: bytes.NewReader(b)}); err != nil {
				return "", fmt.Errorf("updating the fields of %s: %w", name, err)
			}
		case IsNotFound(err):
			body := fmt.Sprintf(`{"aliases":{%q:{"is_write_index":true}}}`, alias)
			if _, err := do(ctx, es, esapi.IndicesCreateRequest{Index: name, Body: bytes.NewReader([]byte(body))}); err != nil {
				var e *APIError
				if !(asAPIError(err, &e) && e.Type == "resource_already_exists_exception") {
					return "", fmt.Errorf("creating %s: %w", name, err)
				}
			}
		default:
			return "", fmt.Errorf("checking %s: %w", name, err)
		}
		body := fmt.Sprintf(`{"actions":[{"add":{"index":%q,"alias":%q,"is_write_index":true}}]}`, name, alias)
		if _, err := do(ctx, es, esapi.IndicesUpdateAliasesRequest{Body: bytes.NewReader([]byte(body))}); err != nil {
			return "", fmt.Errorf("alias %s: %w", alias, err)
		}
	}
	return analyzer, nil
}

// Mappings returns the field mappings of each alias as Setup creates them
// (with the standard analyzer), for checks of code that names fields, such
// as the Kibana objects.
func Mappings() map[string]map[string]any {
	components, indices := templates("standard")
	out := map[string]map[string]any{}
	for _, alias := range Aliases {
		out[alias] = properties(components, indices, alias)
	}
	return out
}

// properties returns the field mappings of alias: the common fields and
// its own.
func properties(components, indices map[string]any, alias string) map[string]any {
	common := components["referat-common"].(map[string]any)["template"].(map[string]any)["mappings"].(map[string]any)["properties"].(map[string]any)
	props := map[string]any{}
	for k, v := range common {
		props[k] = v
	}
	own := indices[alias].(map[string]any)["template"].(map[string]any)["mappings"].(map[string]any)["properties"].(map[string]any)
	for k, v := range own {
		props[k] = v
	}
	return props
}
