package elastic

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// Per-type checks of TestKibanaShapeMatchesRealExports: each rule about
// references and panels is checked on the real exports too, so that a rule
// Kibana does not follow fails here.

// lensLayers returns a Lens object's formBased layers.
func lensLayers(o map[string]any) map[string]any {
	state := obj(obj(o["attributes"])["state"])
	return obj(obj(obj(state["datasourceStates"])["formBased"])["layers"])
}

// lensRefsOK checks the rule real Lens exports follow: one reference of
// type index-pattern named indexpattern-datasource-layer-<id> per layer.
func lensRefsOK(t *testing.T, what string, o map[string]any) {
	t.Helper()
	want := map[string]bool{}
	for id := range lensLayers(o) {
		want["indexpattern-datasource-layer-"+id] = true
	}
	got := map[string]bool{}
	for _, r := range o["references"].([]any) {
		r := obj(r)
		if r["type"] == "index-pattern" {
			got[r["name"].(string)] = true
		}
	}
	for n := range want {
		if !got[n] {
			t.Errorf("%s: no index-pattern reference %q", what, n)
		}
	}
	if len(want) == 0 || len(got) != len(want) {
		t.Errorf("%s: layers %v, data view references %v", what, want, got)
	}
}

func lensShape(t *testing.T, o map[string]any, reals []map[string]any) {
	id := o["id"].(string)
	var states, sources, layers, columns, vis, visLayers []map[string]any
	for _, r := range reals {
		lensRefsOK(t, "real "+r["id"].(string), r) // the rule holds for Kibana's own
		state := obj(obj(r["attributes"])["state"])
		states = append(states, state)
		sources = append(sources, obj(state["datasourceStates"]))
		for _, l := range lensLayers(r) {
			layers = append(layers, obj(l))
			for _, c := range obj(obj(l)["columns"]) {
				columns = append(columns, obj(c))
			}
		}
		if obj(r["attributes"])["visualizationType"] == "lnsXY" {
			vis = append(vis, obj(state["visualization"]))
			for _, l := range obj(state["visualization"])["layers"].([]any) {
				visLayers = append(visLayers, obj(l))
			}
		}
	}
	lensRefsOK(t, id, o)
	state := obj(obj(o["attributes"])["state"])
	sameKeys(t, id+" state", state, states, nil, nil)
	sameKeys(t, id+" datasourceStates", obj(state["datasourceStates"]), sources, nil, nil)
	for lid, l := range lensLayers(o) {
		sameKeys(t, id+" layer "+lid, obj(l), layers, nil, nil)
		order := map[string]bool{}
		for _, c := range obj(l)["columnOrder"].([]any) {
			order[c.(string)] = true
		}
		for cid, c := range obj(obj(l)["columns"]) {
			// Columns differ by operation; ours may not add a key no real column has.
			sameKeys(t, id+" column "+cid, obj(c), columns, nil, nil)
			if !order[cid] {
				t.Errorf("%s: column %s is not in columnOrder", id, cid)
			}
		}
	}
	v := obj(state["visualization"])
	if vt := obj(o["attributes"])["visualizationType"]; vt != "lnsXY" {
		others := realVisualizations(t, vt.(string))
		if len(others) == 0 {
			t.Errorf("%s: no real %s visualization in testdata", id, vt)
		}
		// colorMapping is what Kibana writes when the user picks colours.
		sameKeys(t, id+" visualization", v, others, map[string]bool{"colorMapping": true}, nil)
		if _, ok := lensLayers(o)[v["layerId"].(string)]; !ok {
			t.Errorf("%s: visualization layer %v has no datasource layer", id, v["layerId"])
		}
		return
	}
	sameKeys(t, id+" visualization", v, vis, nil, nil)
	for _, l := range v["layers"].([]any) {
		// splitAccessor comes with a breakdown; yConfig only with colours.
		sameKeys(t, id+" visualization layer", obj(l), visLayers, map[string]bool{"yConfig": true}, map[string]bool{"splitAccessor": true})
		if _, ok := lensLayers(o)[obj(l)["layerId"].(string)]; !ok {
			t.Errorf("%s: visualization layer %v has no datasource layer", id, obj(l)["layerId"])
		}
	}
}

// searchRefOK checks the rule real saved searches follow: the search
// source names its data view through indexRefName, a reference of type
// index-pattern.
func searchRefOK(t *testing.T, what string, o map[string]any) map[string]any {
	t.Helper()
	src := obj(decoded(t, what+" searchSourceJSON", obj(obj(o["attributes"])["kibanaSavedObjectMeta"])["searchSourceJSON"]))
	name, _ := src["indexRefName"].(string)
	for _, r := range o["references"].([]any) {
		if obj(r)["name"] == name && obj(r)["type"] == "index-pattern" {
			return src
		}
	}
	t.Errorf("%s: indexRefName %q is not an index-pattern reference", what, name)
	return src
}

func searchShape(t *testing.T, o map[string]any, reals []map[string]any) {
	var srcs []map[string]any
	for _, r := range reals {
		srcs = append(srcs, searchRefOK(t, "real "+r["id"].(string), r))
	}
	id := o["id"].(string)
	sameKeys(t, id+" searchSourceJSON", searchRefOK(t, id, o), srcs, nil, nil)
}

// dashboardPanels checks the rule real dashboards follow for panels by
// reference: gridData.i is the panelIndex, panelRefName is
// panel_<panelIndex>, and a reference <panelIndex>:panel_<panelIndex> of
// the panel's type names the object. It returns the panels by reference.
func dashboardPanels(t *testing.T, what string, o map[string]any) []map[string]any {
	t.Helper()
	refs := map[string]string{}
	for _, r := range o["references"].([]any) {
		refs[obj(r)["name"].(string)] = obj(r)["type"].(string)
	}
	var out []map[string]any
	for _, p := range decoded(t, what+" panelsJSON", obj(o["attributes"])["panelsJSON"]).([]any) {
		p := obj(p)
		ref, byRef := p["panelRefName"].(string)
		if !byRef {
			continue
		}
		out = append(out, p)
		index, _ := p["panelIndex"].(string)
		if g := obj(p["gridData"]); g["i"] != index || len(g) != 5 {
			t.Errorf("%s: panel %s gridData %v", what, index, g)
		}
		if ref != "panel_"+index || refs[index+":"+ref] != p["type"] {
			t.Errorf("%s: panel %s (%v) refers as %q; references %v", what, index, p["type"], ref, refs)
		}
	}
	return out
}

func dashboardShape(t *testing.T, o map[string]any, reals []map[string]any) {
	var panels, grids, options, srcs []map[string]any
	for _, r := range reals {
		what := "real " + r["id"].(string)
		for _, p := range dashboardPanels(t, what, r) {
			panels = append(panels, p)
			grids = append(grids, obj(p["gridData"]))
		}
		a := obj(r["attributes"])
		options = append(options, obj(decoded(t, what+" optionsJSON", a["optionsJSON"])))
		srcs = append(srcs, obj(decoded(t, what+" searchSourceJSON", obj(a["kibanaSavedObjectMeta"])["searchSourceJSON"])))
	}
	id := o["id"].(string)
	ours := dashboardPanels(t, id, o)
	if len(ours) == 0 || len(ours) != len(o["references"].([]any)) {
		t.Errorf("%s: %d panels by reference, %d references", id, len(ours), len(o["references"].([]any)))
	}
	for _, p := range ours {
		sameKeys(t, id+" panel "+p["panelIndex"].(string), p, panels, nil, nil)
		sameKeys(t, id+" gridData", obj(p["gridData"]), grids, nil, nil)
	}
	a := obj(o["attributes"])
	sameKeys(t, id+" optionsJSON", obj(decoded(t, id+" optionsJSON", a["optionsJSON"])), options, nil, nil)
	sameKeys(t, id+" searchSourceJSON", obj(decoded(t, id+" searchSourceJSON", obj(a["kibanaSavedObjectMeta"])["searchSourceJSON"])), srcs, nil, nil)
	if r := obj(a["refreshInterval"]); r != nil {
		for k := range r {
			if !map[string]bool{"pause": true, "value": true, "display": true, "section": true}[k] {
				t.Errorf("%s: refreshInterval.%s is not mapped by the dashboard type", id, k)
			}
		}
	}
}

// realVisualizations returns the Lens visualization states of type vt
// that Kibana wrote, from testdata/kibana-real/lens-visualizations.json.
func realVisualizations(t *testing.T, vt string) []map[string]any {
	b, err := os.ReadFile(filepath.Join("testdata", "kibana-real", "lens-visualizations.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	list, _ := m[vt].([]any)
	var out []map[string]any
	for _, v := range list {
		out = append(out, obj(v))
	}
	return out
}
