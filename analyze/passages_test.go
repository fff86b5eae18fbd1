package analyze

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadPassages: a passages file (JSON Lines) gives one training-only
// meeting per passage, named by file and line; a line that is not a
// passage is an error naming the file and the line, with cause
// ErrPassage.
func TestLoadPassages(t *testing.T) {
	tests := []struct {
		name    string
		content string
		wantIDs []string
		badLine string // the "file:line" an error names; "" for none
	}{
		{name: "two passages, a blank line", content: `{"text": "NTL ba om flere veiledere.", "topics": ["bemanning"]}` + "\n\n" +
			`{"text": "Neste møte er 3. mai.", "topics": []}` + "\n", wantIDs: []string{"p:1", "p:3"}},
		{name: "unknown key", content: `{"text": "x", "topics": [], "topic": "lønn"}`, badLine: "p.jsonl:1:"},
		{name: "no topics key", content: `{"text": "NTL ba om flere veiledere.", "topics": ["bemanning"]}` + "\n" + `{"text": "x"}`, badLine: "p.jsonl:2:"},
		{name: "empty text", content: `{"text": " ", "topics": ["lønn"]}`, badLine: "p.jsonl:1:"},
		{name: "not JSON", content: `text: x`, badLine: "p.jsonl:1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "p.jsonl"), []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := LoadGold(dir)
			if tt.badLine != "" {
				if err == nil || !errors.Is(err, ErrPassage) || !strings.Contains(err.Error(), tt.badLine) {
					t.Fatalf("err = %v, want ErrPassage naming %s", err, tt.badLine)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, m := range got {
				ids = append(ids, m.ID)
				if !m.Passage || m.Batch != "" || len(m.Cases) != 1 || m.Cases[0].Title != "" || len(m.Cases[0].Paragraphs) != 1 {
					t.Errorf("%s: %+v, want a passage of one untitled case of one paragraph, of no batch", m.ID, m)
				}
			}
			if strings.Join(ids, ",") != strings.Join(tt.wantIDs, ",") {
				t.Errorf("ids %v, want %v", ids, tt.wantIDs)
			}
			if ev := New(nil, Options{}).Evaluate(got); ev.Topics != (PRF{}) || ev.Statements != (PRF{}) {
				t.Errorf("Evaluate scored passages: topics %v, statements %v", ev.Topics, ev.Statements)
			}
		})
	}
}

// TestPassagesData holds testdata/annotated/passages to its README: every
// topic is the built-in taxonomy's, each topic has passages enough to
// learn from, no passage is written twice, and none repeats a sentence of
// a held-out meeting (the passages' writers read none).
func TestPassagesData(t *testing.T) {
	ps, err := LoadGold("../testdata/annotated/passages")
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) < 3600 {
		t.Fatalf("%d passages, want the 3,600 the README counts", len(ps))
	}
	known := map[string]bool{}
	for _, d := range DefaultTaxonomy().Topics {
		known[d.ID] = true
	}
	per := map[string]int{}
	seen := map[string]string{}
	for _, p := range ps {
		c := p.Cases[0]
		for _, id := range c.Topics {
			if !known[id] {
				t.Errorf("%s: topic %q is not the taxonomy's", p.ID, id)
			}
			per[id]++
		}
		if other, ok := seen[c.Paragraphs[0]]; ok {
			t.Errorf("%s repeats %s", p.ID, other)
		}
		seen[c.Paragraphs[0]] = p.ID
	}
	for _, d := range DefaultTaxonomy().Topics {
		t.Logf("%-16s %d passages", d.ID, per[d.ID])
		if per[d.ID] < 60 {
			t.Errorf("topic %s: %d passages, want 60 or more", d.ID, per[d.ID])
		}
	}
	dirs, err := filepath.Glob("../testdata/annotated/heldout*")
	if err != nil {
		t.Fatal(err)
	}
	held, err := LoadGold(append(dirs, "../testdata/heldout")...)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range held {
		for _, c := range m.Cases {
			for _, par := range c.Paragraphs {
				for _, sp := range Sentences(par) {
					s := par[sp.Start:sp.End]
					if len(s) < 40 {
						continue
					}
					for text, id := range seen {
						if strings.Contains(text, s) {
							t.Errorf("passage %s repeats a sentence of held-out %s: %q", id, m.ID, s)
						}
					}
				}
			}
		}
	}
}
