package elastic

import (
	"bytes"
	"encoding/json"
)

// Kibana saved objects for referat, with fixed readable ids so that
// importing them again overwrites them: three data views, Lens charts, a
// saved search and two dashboards, "Temaer over tid" and "Posisjoner".
// Every field they name is in the index templates (a test checks it).

// A SavedObject is one Kibana saved object, as the import API takes it.
type SavedObject struct {
	ID         string         `json:"id"`
	Type       string         `json:"type"`
	Attributes map[string]any `json:"attributes"`
	References []Reference    `json:"references"`
}

// A Reference links a saved object to another.
type Reference struct {
	Name string `json:"name"`
	Type string `json:"type"`
	ID   string `json:"id"`
}

// Data view ids: the alias each one reads.
const (
	ViewCases      = "referat-cases"
	ViewStatements = "referat-statements"
	ViewTopics     = "referat-topics"
)

// A LensColumn is a column of a Lens layer.
type lensColumn struct {
	id, label, op, field string
	interval             string   // date_histogram
	size                 int      // terms
	secondary            []string // terms over several fields
}

func (c lensColumn) json(countID string) map[string]any {
	col := map[string]any{"label": c.label, "customLabel": true, "operationType": c.op, "isBucketed": c.op != "count"}
	switch c.op {
	case "count":
		col["dataType"], col["scale"], col["sourceField"] = "number", "ratio", "___records___"
		col["params"] = map[string]any{"emptyAsNull": true}
	case "date_histogram":
		col["dataType"], col["scale"], col["sourceField"] = "date", "interval", c.field
		col["params"] = map[string]any{"interval": c.interval, "includeEmptyRows": true, "dropPartials": false}
	case "terms":
		col["dataType"], col["scale"], col["sourceField"] = "string", "ordinal", c.field
		p := map[string]any{"size": c.size, "orderBy": map[string]any{"type": "column", "columnId": countID},
			"orderDirection": "desc", "otherBucket": true, "missingBucket": false, "parentFormat": map[string]any{"id": "terms"}}
		if len(c.secondary) > 0 {
			p["secondaryFields"] = c.secondary
			p["parentFormat"] = map[string]any{"id": "multi_terms"}
		}
		col["params"] = p
	}
	return col
}

// lens builds a Lens saved object with one layer on view.
func lens(id, title, view, visType string, visualization map[string]any, cols ...lensColumn) SavedObject {
	columns := map[string]any{}
	var order []string
	countID := ""
	for _, c := range cols {
		if c.op == "count" {
			countID = c.id
		}
	}
	for _, c := range cols {
		columns[c.id] = c.json(countID)
		order = append(order, c.id)
	}
	visualization["layerId"] = "layer1"
	return SavedObject{ID: id, Type: "lens",
		Attributes: map[string]any{
			"title": title, "description": "", "visualizationType": visType,
			"state": map[string]any{
				"visualization":  visualization,
				"query":          map[string]any{"query": "", "language": "kuery"},
				"filters":        []any{},
				"adHocDataViews": map[string]any{},
				"datasourceStates": map[string]any{"formBased": map[string]any{"layers": map[string]any{
					"layer1": map[string]any{"columns": columns, "columnOrder": order, "incompleteColumns": map[string]any{}},
				}}},
			},
		},
		References: []Reference{{Name: "indexpattern-datasource-layer-layer1", Type: "index-pattern", ID: view}},
	}
}

// xy is the visualization state of a bar chart with x, y and a split.
func xy(series, x, y, split string) map[string]any {
	layer := map[string]any{"layerId": "layer1", "layerType": "data", "seriesType": series, "xAccessor": x, "accessors": []string{y}}
	if split != "" {
		layer["splitAccessor"] = split
	}
	return map[string]any{"preferredSeriesType": series, "legend": map[string]any{"isVisible": true, "position": "right"},
		"valueLabels": "hide", "layers": []any{layer}}
}

func dataView(id, name string) SavedObject {
	return SavedObject{ID: id, Type: "index-pattern", References: []Reference{},
		Attributes: map[string]any{"title": id, "name": name, "timeFieldName": "meeting_date"}}
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

type panel struct {
	id, objType, objID string
	x, y, w, h         int
}

func dashboard(id, title, description, query string, panels ...panel) SavedObject {
	var ps []any
	var refs []Reference
	for _, p := range panels {
		ps = append(ps, map[string]any{
			"type": p.objType, "panelIndex": p.id, "panelRefName": "panel_" + p.id,
			"gridData":         map[string]any{"x": p.x, "y": p.y, "w": p.w, "h": p.h, "i": p.id},
			"embeddableConfig": map[string]any{"enhancements": map[string]any{}},
		})
		refs = append(refs, Reference{Name: p.id + ":panel_" + p.id, Type: p.objType, ID: p.objID})
	}
	return SavedObject{ID: id, Type: "dashboard", References: refs, Attributes: map[string]any{
		"title": title, "description": description, "panelsJSON": jsonString(ps),
		"optionsJSON": jsonString(map[string]any{"useMargins": true, "syncColors": true, "syncCursor": true, "syncTooltips": false, "hidePanelTitles": false}),
		"timeRestore": true, "timeFrom": "now-15y", "timeTo": "now", "refreshInterval": map[string]any{"pause": true, "value": 0},
		"kibanaSavedObjectMeta": map[string]any{"searchSourceJSON": jsonString(map[string]any{
			"query": map[string]any{"query": query, "language": "kuery"}, "filter": []any{}})},
	}}
}

// KibanaObjects returns the saved objects, data views first, dashboards
// last, as the import API wants them.
func KibanaObjects() []SavedObject {
	year := func(id string) lensColumn {
		return lensColumn{id: id, label: "År", op: "date_histogram", field: "meeting_date", interval: "1y"}
	}
	count := func(label string) lensColumn { return lensColumn{id: "count", label: label, op: "count"} }
	search := savedSearch("referat-search-statements", "Utsagn", "Utsagn med aktør, type, tema og sak", ViewStatements, "",
		[]string{"actor", "kind", "topics", "case_title", "text"}, [][]string{{"meeting_date", "desc"}})
	threads := savedSearch("referat-search-threads", "Saker over flere møter",
		"Saker som handler om samme sak på tvers av møter (feltet thread), eldste først", ViewCases, "thread : *",
		[]string{"thread", "body", "title", "topics"}, [][]string{{"thread", "asc"}, {"meeting_date", "asc"}})
	return []SavedObject{
		dataView(ViewCases, "Referat – saker"),
		dataView(ViewStatements, "Referat – utsagn"),
		dataView(ViewTopics, "Referat – temaer"),
		lens("referat-lens-topics-over-time", "Saker per tema over tid", ViewTopics, "lnsXY",
			xy("bar_stacked", "year", "count", "topic"),
			lensColumn{id: "topic", label: "Tema", op: "terms", field: "topic", size: 11}, year("year"), count("Saker")),
		lens("referat-lens-topic-share", "Temaenes andel per år", ViewTopics, "lnsXY",
			xy("bar_percentage_stacked", "year", "count", "topic"),
			lensColumn{id: "topic", label: "Tema", op: "terms", field: "topic", size: 11}, year("year"), count("Saker")),
		lens("referat-lens-statements-actor-kind", "Utsagn per aktør og type per år", ViewStatements, "lnsXY",
			xy("bar_stacked", "year", "count", "actorkind"),
			lensColumn{id: "actorkind", label: "Aktør og type", op: "terms", field: "actor_kind", size: 30}, year("year"), count("Utsagn")),
		lens("referat-lens-keywords", "Nøkkelord", ViewCases, "lnsTagcloud",
			map[string]any{"tagAccessor": "keyword", "valueAccessor": "count", "maxFontSize": 72, "minFontSize": 12, "orientation": "single", "showLabel": true},
			lensColumn{id: "keyword", label: "Nøkkelord", op: "terms", field: "keywords", size: 50}, count("Saker")),
		lens("referat-lens-positions-by-actor", "Utsagn per aktør per år", ViewStatements, "lnsXY",
			xy("bar_stacked", "year", "count", "actor"),
			lensColumn{id: "actor", label: "Aktør", op: "terms", field: "actor", size: 3}, year("year"), count("Utsagn")),
		lens("referat-lens-kinds-by-actor", "Typer utsagn per aktør", ViewStatements, "lnsXY",
			xy("bar_horizontal_stacked", "kind", "count", "actor"),
			lensColumn{id: "actor", label: "Aktør", op: "terms", field: "actor", size: 3},
			lensColumn{id: "kind", label: "Type", op: "terms", field: "kind", size: 7}, count("Utsagn")),
		search,
		threads,
		dashboard("referat-dashboard-temaer", "Temaer over tid", "Saker per tema, temaenes andel, utsagn og nøkkelord", "",
			panel{"topics", "lens", "referat-lens-topics-over-time", 0, 0, 24, 15},
			panel{"share", "lens", "referat-lens-topic-share", 24, 0, 24, 15},
			panel{"statements", "lens", "referat-lens-statements-actor-kind", 0, 15, 24, 15},
			panel{"keywords", "lens", "referat-lens-keywords", 24, 15, 24, 15},
			panel{"search", "search", "referat-search-statements", 0, 30, 48, 20},
			panel{"threads", "search", "referat-search-threads", 0, 50, 48, 15}),
		dashboard("referat-dashboard-posisjoner", "Posisjoner",
			"Ett temas utsagn år for år, per aktør: utsagn som selv handler om temaet. Bytt tema i søkefeltet (topics : \"budsjett\").",
			`topics : "budsjett"`,
			panel{"byactor", "lens", "referat-lens-positions-by-actor", 0, 0, 24, 15},
			panel{"kinds", "lens", "referat-lens-kinds-by-actor", 24, 0, 24, 15},
			panel{"search", "search", "referat-search-statements", 0, 15, 48, 25}),
	}
}

// savedSearch is a saved search of a data view with a KQL query.
func savedSearch(id, title, description, view, query string, columns []string, sortBy [][]string) SavedObject {
	return SavedObject{ID: id, Type: "search",
		References: []Reference{{Name: "kibanaSavedObjectMeta.searchSourceJSON.index", Type: "index-pattern", ID: view}},
		Attributes: map[string]any{
			"title": title, "description": description, "columns": columns, "sort": sortBy,
			"kibanaSavedObjectMeta": map[string]any{"searchSourceJSON": jsonString(map[string]any{
				"query": map[string]any{"query": query, "language": "kuery"}, "filter": []any{},
				"indexRefName": "kibanaSavedObjectMeta.searchSourceJSON.index"})},
		}}
}

// KibanaNDJSON returns the saved objects as NDJSON, one object a line, for
// Kibana's saved objects import API or the Stack Management import.
func KibanaNDJSON() []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for _, o := range KibanaObjects() {
		enc.Encode(o)
	}
	return b.Bytes()
}
