package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

func TestStatusCommand(t *testing.T) {
	ctx := context.Background()
	storeDir := localStore(t, "libreoffice", "fpdf")
	code, out, stderr := runArgs(ctx, "status", "--store", storeDir, "--json")
	if code != 0 {
		t.Fatalf("status --json: exit %d: %s", code, stderr)
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &keys); err != nil {
		t.Fatalf("status --json: %v\n%s", err, out)
	}
	var got []string
	for k := range keys {
		got = append(got, k)
	}
	sort.Strings(got)
	want := []string{"duplicates", "failed", "files", "gaps", "meetings", "outdated", "pending_elasticsearch", "store", "years"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("status --json keys %v, want %v", got, want)
	}
	if string(keys["meetings"]) != "8" {
		t.Errorf("meetings %s, want 8", keys["meetings"])
	}
	code, out, stderr = runArgs(ctx, "status", "--store", storeDir)
	for _, line := range []string{"8 meetings; files: 8 ok, 0 failed, 8 duplicates", "\n2019: 1 meetings\n  etats-MBA       1  2019-12-12\n", "\nduplicates: 8\n", "\ngaps: none\n", "elasticsearch: 8 file(s) and 0 delete(s) not confirmed"} {
		if code != 0 || !strings.Contains(out, line) {
			t.Errorf("status: exit %d, no %q in\n%s%s", code, line, out, stderr)
		}
	}
	missing := filepath.Join(t.TempDir(), "none")
	code, _, stderr = runArgs(ctx, "status", "--store", missing)
	if code != 1 || !strings.Contains(stderr, "no store in "+missing) || strings.Count(stderr, "\n") != 1 {
		t.Errorf("status of a missing store: exit %d, %q", code, stderr)
	}
}
