package elastic

import (
	"bytes"
	"encoding/json"
)

// Kibana saved objects for referat, with fixed readable ids so that
// importing them again overwrites them: three data views, Lens charts, a
// saved search and two dashboards, "Temaer over tid" and "Posisjoner".
// Every field they name is in the index templates (a test checks it).

// KibanaVersion is the Kibana release the saved objects are shaped for:
// the one that goes with Elasticsearch 8.19. Kibana 8.19 and 9.x import
// them; an older Kibana that does not know one of the migration versions
// below refuses that object.
const KibanaVersion = "8.19"

// coreMigrationVersion is what Kibana 8.8 and later, 8.19 included,
// write on every object they export. Seen in elastic/integrations
// packages/nginx/kibana/lens/nginx-nginx_otel-1812d060-ae10-11ee-8e4a-b30a0ed01bd3.json,
// packages/system/kibana/search/system-1b9117c8-e5a6-44ec-a237-2dbbdde131ea.json and
// packages/system/kibana/dashboard/system-3c46ecdb-0a41-4be3-907e-722de8edac12.json.
const coreMigrationVersion = "8.8.0"

// typeMigrationVersion is, per type, the version of the newest migration
// whose output our objects already have, so that Kibana runs none of the
// migrations up to it on import (without the field it runs every one since
// 7.x). Each value is one Kibana 8.19 knows, so it accepts the objects:
//
//   - index-pattern 8.0.0: the data view type has no model versions and its
//     last migration is the 8.0.0 namespace conversion (elastic/kibana
//     src/platform/plugins/shared/data_views/server/saved_objects/data_views.ts;
//     x-pack/test/functional/fixtures/kbn_archiver/hybrid_dataview.json
//     carries index-pattern 8.0.0).
//   - lens 8.9.0: elastic/integrations
//     packages/nginx/kibana/lens/nginx-nginx_otel-1812d060-ae10-11ee-8e4a-b30a0ed01bd3.json.
//     Later Kibanas add model version 1 (10.1.0), a mapping addition that
//     changes no document.
//   - search 10.5.0 (model version 5): elastic/integrations
//     packages/system/kibana/search/system-1b9117c8-e5a6-44ec-a237-2dbbdde131ea.json
//     (exported 2025-05).
//   - dashboard 10.2.0 (model version 2): elastic/integrations
//     packages/system/kibana/dashboard/system-3c46ecdb-0a41-4be3-907e-722de8edac12.json
//     (exported 2025-05). Model versions 3 and 4 of later Kibanas add
//     mappings only.
//
// index/testdata/kibana-real holds trimmed skeletons of these exports; a
// test compares our objects with them.
var typeMigrationVersion = map[string]string{
	"index-pattern": "8.0.0",
	"lens":          "8.9.0",
	"search":        "10.5.0",
	"dashboard":     "10.2.0",
}

// A SavedObject is one Kibana saved object as Kibana 8.x exports it: the
// fields in Kibana's (alphabetical) order, without those Kibana sets
// itself on import (created_at, updated_at, version, namespaces).
type SavedObject struct {
	Attributes           map[string]any `json:"attributes"`
	CoreMigrationVersion string         `json:"coreMigrationVersion"`
	ID                   string         `json:"id"`
	Managed              bool           `json:"managed"`
	References           []Reference    `json:"references"`
	Type                 string         `json:"type"`
	TypeMigrationVersion string         `json:"typeMigrationVersion"`
}

// A Reference links a saved object to another.
type Reference struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
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
			"orderDirection": "desc", "otherBucket": true, "missingBucket": false, "parentFormat": map[string]any{"id": "terms"},
			"include": []any{}, "exclude": []any{}, "includeIsRegex": false, "excludeIsRegex": false}
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
	return SavedObject{ID: id, Type: "lens",
		Attributes: map[string]any{
			"title": title, "description": "", "visualizationType": visType,
			"state": map[string]any{
				"visualization":      visualization,
				"query":              map[string]any{"query": "", "language": "kuery"},
				"filters":            []any{},
				"adHocDataViews":     map[string]any{},
				"internalReferences": []any{},
				"datasourceStates": map[string]any{
					"formBased": map[string]any{"layers": map[string]any{
						"layer1": map[string]any{"columns": columns, "columnOrder": order, "incompleteColumns": map[string]any{},
							"ignoreGlobalFilters": false, "sampling": 1},
					}},
					"indexpattern": map[string]any{"layers": map[string]any{}},
					"textBased":    map[string]any{"layers": map[string]any{}},
				},
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
	axes := func() map[string]any { return map[string]any{"x": true, "yLeft": true, "yRight": true} }
	return map[string]any{"preferredSeriesType": series, "legend": map[string]any{"isVisible": true, "position": "right"},
		"valueLabels": "hide", "fittingFunction": "None", "layers": []any{layer},
		"axisTitlesVisibilitySettings": axes(), "tickLabelsVisibilitySettings": axes(), "gridlinesVisibilitySettings": axes(),
		"labelsOrientation": map[string]any{"x": 0, "yLeft": 0, "yRight": 0}}
}

// tagcloud is the visualization state of a tag cloud: the terms of column
// tag, sized by column value.
func tagcloud(tag, value string) map[string]any {
	return map[string]any{"layerId": "layer1", "layerType": "data", "tagAccessor": tag, "valueAccessor": value,
		"maxFontSize": 72, "minFontSize": 12, "orientation": "single", "showLabel": true}
}

// dataView is a data view on the alias id. The field list is left empty,
// as in Kibana's own exports: Kibana reads the fields from the mappings.
func dataView(id, name string) SavedObject {
	return SavedObject{ID: id, Type: "index-pattern", References: []Reference{},
		Attributes: map[string]any{"title": id, "name": name, "timeFieldName": "meeting_date",
			"fields": "[]", "fieldAttrs": "{}", "fieldFormatMap": "{}", "runtimeFieldMap": "{}",
			"sourceFilters": "[]", "typeMeta": "{}", "allowHidden": false}}
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
		"version": 1,
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
	objs := []SavedObject{
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
			tagcloud("keyword", "count"),
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
	for i := range objs {
		objs[i].CoreMigrationVersion = coreMigrationVersion
		objs[i].TypeMigrationVersion = typeMigrationVersion[objs[i].Type]
	}
	return objs
}

// savedSearch is a saved search of a data view with a KQL query.
func savedSearch(id, title, description, view, query string, columns []string, sortBy [][]string) SavedObject {
	return SavedObject{ID: id, Type: "search",
		References: []Reference{{Name: "kibanaSavedObjectMeta.searchSourceJSON.index", Type: "index-pattern", ID: view}},
		Attributes: map[string]any{
			"title": title, "description": description, "columns": columns, "sort": sortBy,
			"grid": map[string]any{}, "hideChart": false, "isTextBasedQuery": false, "timeRestore": false,
			"kibanaSavedObjectMeta": map[string]any{"searchSourceJSON": jsonString(map[string]any{
				"query": map[string]any{"query": query, "language": "kuery"}, "filter": []any{},
				"indexRefName": "kibanaSavedObjectMeta.searchSourceJSON.index"})},
		}}
}

// ExportSummary is the last line of a Kibana export; Kibana's import skips
// it.
type ExportSummary struct {
	ExcludedObjects      []any `json:"excludedObjects"`
	ExcludedObjectsCount int   `json:"excludedObjectsCount"`
	ExportedCount        int   `json:"exportedCount"`
	MissingRefCount      int   `json:"missingRefCount"`
	MissingReferences    []any `json:"missingReferences"`
}

// KibanaNDJSON returns the saved objects as NDJSON, one object a line and
// the export summary last, as Kibana exports them, for Kibana's saved
// objects import API or the Stack Management import.
func KibanaNDJSON() []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	objs := KibanaObjects()
	for _, o := range objs {
		mustEncode(enc, o)
	}
	mustEncode(enc, ExportSummary{ExcludedObjects: []any{}, ExportedCount: len(objs), MissingReferences: []any{}})
	return b.Bytes()
}

// mustEncode encodes v, which is built of maps, slices, strings, numbers
// and booleans only, so that encoding cannot fail.
func mustEncode(enc *json.Encoder, v any) {
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
}
