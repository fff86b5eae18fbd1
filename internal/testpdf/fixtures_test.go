package testpdf

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the fixtures in testdata/realworld-fixtures")

// TestFixturesRegenerate checks that every committed fixture, PDF and
// expected text, is what its generator makes now, byte for byte, and that
// the generator makes the same bytes twice. With -update it rewrites them.
func TestFixturesRegenerate(t *testing.T) {
	dir := filepath.Join("..", "..", FixtureDir)
	if *update {
		if err := MakeFixtures(dir); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := os.ReadFile(filepath.Join(dir, "README.md")); err != nil || string(got) != FixturesReadme() {
		t.Errorf("README.md is not what the generator makes (%v)", err)
	}
	for _, f := range Fixtures {
		t.Run(f.Name, func(t *testing.T) {
			pdf := f.PDF()
			if again := f.PDF(); !bytes.Equal(pdf, again) {
				t.Fatal("two runs of the generator differ")
			}
			if len(pdf) > 30<<10 {
				t.Errorf("%d bytes, want < 30 KB", len(pdf))
			}
			for name, want := range map[string][]byte{f.Name + ".pdf": pdf, f.Name + ".txt": []byte(f.Text)} {
				got, err := os.ReadFile(filepath.Join(dir, name))
				if err != nil {
					t.Fatalf("%v (go test ./internal/testpdf -run TestFixturesRegenerate -update)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from what the generator makes (go test ./internal/testpdf -run TestFixturesRegenerate -update)", name)
				}
			}
		})
	}
}
