package index

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/esapi"
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
func RefsOfSource(ctx context.Context, es *elasticsearch.Client, path string) ([]Ref, error) {
	var out []Ref
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
			out = append(out, Ref{Index: alias, ID: h.ID})
		}
	}
	return out, nil
}

// A CaseHit is a case found by SearchCases.
type CaseHit struct {
	ID      string
	Score   float64
	Date    string
	Title   string
	Snippet string // highlighted text, with <em> around matched words
}

// SearchCases finds cases matching a free-text query. The query is
// stemmed like the text, so inflected forms and compounds' stems find each
// other on any cluster.
func SearchCases(ctx context.Context, es *elasticsearch.Client, query string, stems Stemmer, size int) ([]CaseHit, error) {
	should := []any{
		map[string]any{"multi_match": map[string]any{"query": query, "fields": []string{"title^3", "text"}}},
	}
	if stems != nil {
		if s := strings.Join(stems(query), " "); s != "" {
			should = append(should, map[string]any{"multi_match": map[string]any{"query": s, "fields": []string{"title_stems^3", "text_stems"}}})
		}
	}
	body := map[string]any{
		"size":      size,
		"query":     map[string]any{"bool": map[string]any{"should": should, "minimum_should_match": 1}},
		"_source":   []string{"meeting_date", "title"},
		"highlight": map[string]any{"fields": map[string]any{"text": map[string]any{}, "text_stems": map[string]any{}}},
	}
	var res struct {
		Hits struct {
			Hits []struct {
				ID     string  `json:"_id"`
				Score  float64 `json:"_score"`
				Source struct {
					Date  string `json:"meeting_date"`
					Title string `json:"title"`
				} `json:"_source"`
				Highlight map[string][]string `json:"highlight"`
			}
		}
	}
	if err := search(ctx, es, Cases, body, &res); err != nil {
		return nil, err
	}
	var out []CaseHit
	for _, h := range res.Hits.Hits {
		snip := strings.Join(h.Highlight["text"], " … ")
		out = append(out, CaseHit{ID: h.ID, Score: h.Score, Date: h.Source.Date, Title: h.Source.Title, Snippet: snip})
	}
	return out, nil
}

// TopicsByYear returns, for each year, the number of cases of each topic:
// a terms aggregation over the (case, topic) documents, as the Kibana
// chart "topic share per year" draws it.
func TopicsByYear(ctx context.Context, es *elasticsearch.Client) (map[int]map[string]int, error) {
	body := map[string]any{
		"size": 0,
		"aggs": map[string]any{"year": map[string]any{
			"terms": map[string]any{"field": "year", "size": 200},
			"aggs":  map[string]any{"topic": map[string]any{"terms": map[string]any{"field": "topic", "size": 100}}},
		}},
	}
	var res struct {
		Aggregations struct {
			Year struct {
				Buckets []struct {
					Key   int `json:"key"`
					Topic struct {
						Buckets []struct {
							Key      string `json:"key"`
							DocCount int    `json:"doc_count"`
						}
					}
				}
			}
		}
	}
	if err := search(ctx, es, Topics, body, &res); err != nil {
		return nil, err
	}
	out := map[int]map[string]int{}
	for _, y := range res.Aggregations.Year.Buckets {
		out[y.Key] = map[string]int{}
		for _, t := range y.Topic.Buckets {
			out[y.Key][t.Key] = t.DocCount
		}
	}
	return out, nil
}
