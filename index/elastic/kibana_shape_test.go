package elastic

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The shape tests compare our saved objects with trimmed skeletons of
// objects Kibana itself exported (testdata/kibana-real, README.md there
// names the sources): per type the top-level keys, the migration versions,
// the attribute keys, the keys of the nested states, and the structure of
// references and panels. Keys every real object of a type has must be in
// ours; keys none of them has must not be.

// setByKibana are the keys Kibana writes on export and sets itself on
// import; we leave them out.
var setByKibana = map[string]bool{"created_at": true, "created_by": true, "updated_at": true,
	"updated_by": true, "version": true, "namespaces": true, "originId": true}

// realObjects returns the skeletons by type.
func realObjects(t *testing.T) map[string][]map[string]any {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "kibana-real", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no skeletons: %v", err)
	}
	out := map[string][]map[string]any{}
	for _, f := range files {
		if strings.HasSuffix(f, "-mappings.json") || strings.HasSuffix(f, "-visualizations.json") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var o map[string]any
		if err := json.Unmarshal(b, &o); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[o["type"].(string)] = append(out[o["type"].(string)], o)
	}
	return out
}

// ourObjects returns our objects as they are in the NDJSON, by type.
func ourObjects(t *testing.T) map[string][]map[string]any {
	t.Helper()
	out := map[string][]map[string]any{}
	for _, line := range strings.Split(strings.TrimSpace(string(KibanaNDJSON())), "\n") {
		var o map[string]any
		if err := json.Unmarshal([]byte(line), &o); err != nil {
			t.Fatal(err)
		}
		if typ, ok := o["type"].(string); ok {
			out[typ] = append(out[typ], o)
		}
	}
	return out
}

func obj(v any) map[string]any { m, _ := v.(map[string]any); return m }

// decoded parses a JSON-string attribute.
func decoded(t *testing.T, what string, v any) any {
	t.Helper()
	s, ok := v.(string)
	if !ok {
		t.Fatalf("%s is %T, not a JSON string", what, v)
	}
	var out any
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return out
}

// keySets returns the keys all of ms have and the keys any of them has.
func keySets(ms []map[string]any) (all, any map[string]bool) {
	all, any = map[string]bool{}, map[string]bool{}
	for i, m := range ms {
		for k := range m {
			any[k] = true
			if i == 0 {
				all[k] = true
			}
		}
		for k := range all {
			if _, ok := m[k]; !ok {
				delete(all, k)
			}
		}
	}
	return all, any
}

// sameKeys checks that ours has every key all reals have, except those in
// optional, and no key that none of them has, except those in extra.
func sameKeys(t *testing.T, what string, ours map[string]any, reals []map[string]any, optional, extra map[string]bool) {
	t.Helper()
	all, any := keySets(reals)
	var missing, unknown []string
	for k := range all {
		if _, ok := ours[k]; !ok && !optional[k] {
			missing = append(missing, k)
		}
	}
	for k := range ours {
		if !any[k] && !extra[k] {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(unknown)
	if len(missing) > 0 || len(unknown) > 0 {
		t.Errorf("%s: lacks %v that real exports have; has %v that they do not", what, missing, unknown)
	}
}

// newer reports whether version a is after b ("10.2.0" after "8.9.0").
func newer(a, b string) bool {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		x, _ := strconv.Atoi(pa[i])
		y, _ := strconv.Atoi(pb[i])
		if x != y {
			return x > y
		}
	}
	return len(pa) > len(pb)
}

func attrs(os []map[string]any) []map[string]any {
	var out []map[string]any
	for _, o := range os {
		out = append(out, obj(o["attributes"]))
	}
	return out
}

func TestKibanaShapeMatchesRealExports(t *testing.T) {
	real, ours := realObjects(t), ourObjects(t)
	for _, typ := range []string{"index-pattern", "lens", "search", "dashboard"} {
		t.Run(typ, func(t *testing.T) {
			if len(real[typ]) == 0 || len(ours[typ]) == 0 {
				t.Fatalf("%d real and %d of ours", len(real[typ]), len(ours[typ]))
			}
			core, version := "", ""
			for _, r := range real[typ] {
				if v := r["typeMigrationVersion"].(string); version == "" || newer(v, version) {
					core, version = r["coreMigrationVersion"].(string), v
				}
			}
			for _, o := range ours[typ] {
				id := o["id"].(string)
				sameKeys(t, id, o, real[typ], setByKibana, nil)
				for k := range setByKibana {
					if _, ok := o[k]; ok {
						t.Errorf("%s has %q, which Kibana sets itself", id, k)
					}
				}
				if o["coreMigrationVersion"] != core || o["typeMigrationVersion"] != version {
					t.Errorf("%s: migration versions %v/%v, real exports %s/%s", id, o["coreMigrationVersion"], o["typeMigrationVersion"], core, version)
				}
				if o["managed"] != false {
					t.Errorf("%s: managed %v", id, o["managed"])
				}
				sameKeys(t, id+" attributes", obj(o["attributes"]), attrs(real[typ]), nil, mappedAttributes(t, typ))
				switch typ {
				case "lens":
					lensShape(t, o, real[typ])
				case "search":
					searchShape(t, o, real[typ])
				case "dashboard":
					dashboardShape(t, o, real[typ])
				case "index-pattern":
					if refs := o["references"].([]any); len(refs) != 0 {
						t.Errorf("%s: references %v", id, refs)
					}
				}
			}
		})
	}
}

// mappedAttributes returns the attribute names Kibana maps for typ, where
// testdata has them: a dashboard that restores its time range has keys
// that a real dashboard without does not.
func mappedAttributes(t *testing.T, typ string) map[string]bool {
	b, err := os.ReadFile(filepath.Join("testdata", "kibana-real", typ+"-mappings.json"))
	if os.IsNotExist(err) {
		return nil
	} else if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, k := range m[typ].([]any) {
		out[k.(string)] = true
	}
	return out
}
