package elastic

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// aggregatable field types in our mappings.
var aggregatable = map[string]bool{"keyword": true, "date": true, "short": true, "integer": true, "float": true, "long": true}

func fieldType(view, field string) string {
	m, ok := Mappings()[view][field].(map[string]any)
	if !ok {
		return ""
	}
	t, _ := m["type"].(string)
	return t
}

// LensFields returns the fields a Lens object's columns aggregate on.
func lensFields(t *testing.T, o SavedObject) []string {
	state := o.Attributes["state"].(map[string]any)
	layers := state["datasourceStates"].(map[string]any)["formBased"].(map[string]any)["layers"].(map[string]any)
	var out []string
	for _, l := range layers {
		for _, c := range l.(map[string]any)["columns"].(map[string]any) {
			col := c.(map[string]any)
			if f, _ := col["sourceField"].(string); f != "___records___" {
				out = append(out, f)
			}
			if p, ok := col["params"].(map[string]any); ok {
				if sec, ok := p["secondaryFields"].([]any); ok {
					for _, s := range sec {
						out = append(out, s.(string))
					}
				}
			}
		}
	}
	return out
}

func TestKibanaObjects(t *testing.T) {
	var objs []SavedObject
	sc := bufio.NewScanner(bytes.NewReader(KibanaNDJSON()))
	sc.Buffer(nil, 1<<20)
	summary := false
	for sc.Scan() {
		if summary {
			t.Fatalf("line %d follows the export summary", len(objs)+2)
		}
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(sc.Bytes(), &raw); err != nil {
			t.Fatalf("line %d is not JSON: %v", len(objs)+1, err)
		}
		if _, ok := raw["exportedCount"]; ok {
			// Kibana's export ends with a summary, which its import skips.
			var s ExportSummary
			if err := json.Unmarshal(sc.Bytes(), &s); err != nil || s.ExportedCount != len(objs) || s.MissingRefCount != 0 {
				t.Errorf("export summary %s for %d objects: %v", sc.Bytes(), len(objs), err)
			}
			summary = true
			continue
		}
		for _, k := range []string{"id", "type", "attributes", "references"} {
			if _, ok := raw[k]; !ok {
				t.Errorf("line %d has no %q", len(objs)+1, k)
			}
		}
		var o SavedObject
		json.Unmarshal(sc.Bytes(), &o)
		objs = append(objs, o)
	}
	if !summary {
		t.Error("no export summary line")
	}
	byID := map[string]SavedObject{}
	for _, o := range objs {
		if _, dup := byID[o.Type+"/"+o.ID]; dup {
			t.Errorf("duplicate %s/%s", o.Type, o.ID)
		}
		byID[o.Type+"/"+o.ID] = o
		if !regexp.MustCompile(`^referat-[a-z0-9-]+$`).MatchString(o.ID) {
			t.Errorf("id %q is not a fixed readable id", o.ID)
		}
		if title, _ := o.Attributes["title"].(string); title == "" {
			t.Errorf("%s has no title", o.ID)
		}
	}
	resolve := func(o SavedObject, r Reference) {
		if _, ok := byID[r.Type+"/"+r.ID]; !ok {
			t.Errorf("%s: reference %s to %s/%s does not resolve", o.ID, r.Name, r.Type, r.ID)
		}
	}
	seen := map[string]bool{}
	for _, o := range objs {
		seen[o.Type] = true
		for _, r := range o.References {
			resolve(o, r)
		}
		switch o.Type {
		case "index-pattern":
			if o.Attributes["timeFieldName"] != "meeting_date" || fieldType(o.ID, "meeting_date") != "date" {
				t.Errorf("data view %s: time field %v", o.ID, o.Attributes["timeFieldName"])
			}
		case "lens":
			view := o.References[0].ID
			if o.References[0].Name != "indexpattern-datasource-layer-layer1" {
				t.Errorf("%s: layer reference %q", o.ID, o.References[0].Name)
			}
			for _, f := range lensFields(t, o) {
				if !aggregatable[fieldType(view, f)] {
					t.Errorf("%s: field %q is %q in %s, not aggregatable", o.ID, f, fieldType(view, f), view)
				}
			}
		case "search":
			view := o.References[0].ID
			for _, c := range o.Attributes["columns"].([]any) {
				if fieldType(view, c.(string)) == "" {
					t.Errorf("%s: column %q is not in %s", o.ID, c, view)
				}
			}
			for _, s := range o.Attributes["sort"].([]any) {
				if f := s.([]any)[0].(string); !aggregatable[fieldType(view, f)] {
					t.Errorf("%s: sort field %q", o.ID, f)
				}
			}
		case "dashboard":
			var panels []map[string]any
			if err := json.Unmarshal([]byte(o.Attributes["panelsJSON"].(string)), &panels); err != nil {
				t.Fatalf("%s: panelsJSON: %v", o.ID, err)
			}
			refs := map[string]bool{}
			for _, r := range o.References {
				refs[r.Name] = true
			}
			for _, p := range panels {
				name := p["panelIndex"].(string) + ":" + p["panelRefName"].(string)
				if !refs[name] {
					t.Errorf("%s: panel %s has no reference", o.ID, name)
				}
			}
			var ss map[string]any
			json.Unmarshal([]byte(o.Attributes["kibanaSavedObjectMeta"].(map[string]any)["searchSourceJSON"].(string)), &ss)
			q := ss["query"].(map[string]any)["query"].(string)
			for _, m := range regexp.MustCompile(`(\w+)\s*:`).FindAllStringSubmatch(q, -1) {
				if !aggregatable[fieldType(ViewStatements, m[1])] {
					t.Errorf("%s: query field %q is not a keyword of statements", o.ID, m[1])
				}
			}
		}
	}
	for _, typ := range []string{"index-pattern", "lens", "search", "dashboard"} {
		if !seen[typ] {
			t.Errorf("no %s object", typ)
		}
	}
	for _, title := range []string{"Temaer over tid", "Posisjoner"} {
		found := false
		for _, o := range objs {
			found = found || o.Type == "dashboard" && o.Attributes["title"] == title
		}
		if !found {
			t.Errorf("no dashboard %q", title)
		}
	}
}

// TestKibanaInstallRequest checks the request we send to the saved objects
// import API (a stand-in server records it; Kibana itself cannot run here).
func TestKibanaInstallRequest(t *testing.T) {
	var got struct {
		path, xsrf, auth, file string
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got.path, got.xsrf = r.URL.RequestURI(), r.Header.Get("kbn-xsrf")
		u, p, _ := r.BasicAuth()
		got.auth = u + ":" + p
		_, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		mr := multipart.NewReader(r.Body, params["boundary"])
		part, err := mr.NextPart()
		if err == nil && part.FormName() == "file" {
			b, _ := io.ReadAll(part)
			got.file = string(b)
		}
		if p == "wrong" {
			w.WriteHeader(401)
			return
		}
		w.Write([]byte(`{"success":true,"successCount":11}`))
	}))
	defer srv.Close()
	r, err := InstallKibana(context.Background(), srv.URL, Config{Username: "elastic", Password: "pw"}, KibanaNDJSON())
	if err != nil || r.SuccessCount != 11 {
		t.Fatalf("%v %+v", err, r)
	}
	if got.path != "/api/saved_objects/_import?overwrite=true" || got.xsrf != "true" || got.auth != "elastic:pw" || got.file != string(KibanaNDJSON()) {
		t.Errorf("request: %+v", got)
	}
	_, err = InstallKibana(context.Background(), srv.URL, Config{Username: "elastic", Password: "wrong"}, KibanaNDJSON())
	if err == nil || !strings.Contains(err.Error(), "refused the credentials") || strings.Contains(err.Error(), "wrong") {
		t.Errorf("wrong credentials: %v", err)
	}
}
