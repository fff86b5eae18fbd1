package elastic

import (
	"context"
	"encoding/json"
	"sort"
	"strings"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/esapi"
)

// An IndexState is what the cluster holds behind one alias.
type IndexState struct {
	// UUID names the concrete index behind the alias and its uuid, as
	// "referat-cases-v1/uuid" (several, comma-separated and sorted, when
	// the alias resolves to several); a new index of the same name has a
	// new uuid. Empty when the alias resolves to nothing.
	UUID  string
	Count int // documents, after a refresh
}

// State returns, by alias, the concrete indices and the number of
// documents the cluster holds, with nine small requests (a refresh, then
// the settings and a _count per alias), whatever the number of documents.
// An alias that resolves to nothing has the zero IndexState.
func State(ctx context.Context, es *elasticsearch.Client) (map[string]IndexState, error) {
	out := map[string]IndexState{}
	ignore := true
	if _, err := do(ctx, es, esapi.IndicesRefreshRequest{Index: Aliases, IgnoreUnavailable: &ignore}); err != nil && !IsNotFound(err) {
		return nil, err
	}
	for _, alias := range Aliases {
		uuid, err := uuids(ctx, es, alias)
		if err != nil {
			return nil, err
		}
		st := IndexState{UUID: uuid}
		if uuid != "" {
			if st.Count, err = Count(ctx, es, alias, nil); err != nil {
				return nil, err
			}
		}
		out[alias] = st
	}
	return out, nil
}

// uuids returns the concrete indices behind alias with their uuids, as
// IndexState.UUID has them; "" when alias resolves to nothing.
func uuids(ctx context.Context, es *elasticsearch.Client, alias string) (string, error) {
	b, err := do(ctx, es, esapi.IndicesGetSettingsRequest{Index: []string{alias}, Name: []string{"index.uuid"}})
	if IsNotFound(err) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	var settings map[string]struct {
		Settings struct {
			Index struct {
				UUID string `json:"uuid"`
			} `json:"index"`
		} `json:"settings"`
	}
	if err := json.Unmarshal(b, &settings); err != nil {
		return "", err
	}
	var names []string
	for name, s := range settings {
		names = append(names, name+"/"+s.Settings.Index.UUID)
	}
	sort.Strings(names)
	return strings.Join(names, ","), nil
}
