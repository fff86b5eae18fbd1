package elastic

import (
	"bytes"
	"context"
	"encoding/json"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/esapi"
	"github.com/ntlnav/referat/index"
)

// search runs a search on alias and decodes the answer into out.
func search(ctx context.Context, es *elasticsearch.Client, alias string, body any, out any) error {
	b, _ := json.Marshal(body)
	res, err := do(ctx, es, esapi.SearchRequest{Index: []string{alias}, Body: bytes.NewReader(b)})
	if err != nil {
		return err
	}
	return json.Unmarshal(res, out)
}

// Count returns the number of documents in alias that match query (a
// query DSL object; nil for all).
func Count(ctx context.Context, es *elasticsearch.Client, alias string, query map[string]any) (int, error) {
	body := map[string]any{}
	if query != nil {
		body["query"] = query
	}
	b, _ := json.Marshal(body)
	res, err := do(ctx, es, esapi.CountRequest{Index: []string{alias}, Body: bytes.NewReader(b)})
	if err != nil {
		return 0, err
	}
	var v struct{ Count int }
	err = json.Unmarshal(res, &v)
	return v.Count, err
}

// RefsOfSource returns the documents indexed for the file at path, in
// every index: what to delete when the file changes and no local store
// knows its ids.
func RefsOfSource(ctx context.Context, es *elasticsearch.Client, path string) ([]index.Ref, error) {
	var out []index.Ref
	for _, alias := range Aliases {
		var res struct {
			Hits struct {
				Hits []struct {
					ID string `json:"_id"`
				}
			}
		}
		q := map[string]any{"size": 10000, "_source": false, "query": map[string]any{"term": map[string]any{"source_path": path}}}
		if err := search(ctx, es, alias, q, &res); err != nil {
			return nil, err
		}
		for _, h := range res.Hits.Hits {
			out = append(out, index.Ref{Index: alias, ID: h.ID})
		}
	}
	return out, nil
}
