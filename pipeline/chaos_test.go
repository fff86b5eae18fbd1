package pipeline

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/ntlnav/referat/index/store"
	"github.com/ntlnav/referat/internal/pipetest"
)

// TestChaos runs only with $REFERAT_CHAOS=1 (`make chaos`);
// $REFERAT_CHAOS_KILLS (default 40) and $REFERAT_CHAOS_SEED (default: the
// clock, logged) shape it. Its Elasticsearch counterpart, with the cluster
// losing an index once, is TestChaosES (scripts/chaos-es.sh).
const (
	envChaos      = "REFERAT_CHAOS"
	envChaosKills = "REFERAT_CHAOS_KILLS"
	envChaosSeed  = "REFERAT_CHAOS_SEED"
)

// TestChaos kills ingest runs with SIGKILL at random points, many times,
// while files change, appear, vanish and move between the kills; then a
// run to the end (with Prune) must leave the store holding exactly what a
// clean run over the same files gives: the same records (path, content,
// status, document ids) and documents, and a store that checks sound.
func TestChaos(t *testing.T) {
	if os.Getenv(envChaos) != "1" {
		t.Skipf("set %s=1 to run the chaos series (make chaos)", envChaos)
	}
	kills, err := strconv.Atoi(os.Getenv(envChaosKills))
	if err != nil || kills <= 0 {
		kills = 40
	}
	seed := time.Now().UnixNano()
	if s, err := strconv.ParseInt(os.Getenv(envChaosSeed), 10, 64); err == nil {
		seed = s
	}
	t.Logf("seed %d (replay: %s=1 %s=%d %s=%d)", seed, envChaos, envChaosKills, kills, envChaosSeed, seed)
	rng := rand.New(rand.NewSource(seed))
	dir, _ := pipetest.CorpusDir(t, pdfs, 24)
	db := tempStore(t)
	rs := runSpec{Store: db, Paths: []string{dir}, Prune: true}
	for i := 0; i < kills; i++ {
		cmd := helper(t, rs)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Intn(2000)) * time.Millisecond)
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // the run; its workers die with it
		cmd.Wait()
		t.Logf("kill %d: %s", i, chaosChange(t, rng, dir, i))
	}
	out, err := helper(t, rs).Output()
	if err != nil {
		t.Fatalf("the run after %d kills: %v\n%s", kills, err, out)
	}
	clean := tempStore(t)
	if _, err := runT(t, context.Background(), options(clean, "", dir)); err != nil {
		t.Fatal(err)
	}
	got, want := storeState(t, db), storeState(t, clean)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after %d kills the store differs from a clean run's:\n got %v\nwant %v", kills, got, want)
	}
}

// chaosChange changes the folder of PDFs at random and says how.
func chaosChange(t *testing.T, rng *rand.Rand, dir string, i int) string {
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	sort.Strings(files)
	if len(files) == 0 {
		return "no files"
	}
	f := files[rng.Intn(len(files))]
	src, _ := filepath.Glob(filepath.Join(pdfs, "*", "*.pdf"))
	switch rng.Intn(6) {
	case 0: // new content
		b, _ := os.ReadFile(src[rng.Intn(len(src))])
		os.WriteFile(f, append(b, fmt.Sprintf("\n%% chaos %d\n%%%%EOF\n", i)...), 0o644)
		return "changed " + filepath.Base(f)
	case 1:
		os.Remove(f)
		return "removed " + filepath.Base(f)
	case 2:
		to := filepath.Join(dir, fmt.Sprintf("moved-%03d.pdf", i))
		os.Rename(f, to)
		return "moved " + filepath.Base(f)
	case 3: // a copy: the same content under two paths
		b, _ := os.ReadFile(f)
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("copy-%03d.pdf", i)), b, 0o644)
		return "copied " + filepath.Base(f)
	case 4:
		now := time.Now().Add(time.Duration(i) * time.Second)
		os.Chtimes(f, now, now)
		return "touched " + filepath.Base(f)
	}
	return "nothing"
}

// storeState returns, for every recorded file, its content, status and the
// ids of its documents, and the stored contents; it fails the test when
// the store does not check sound.
func storeState(t *testing.T, dir string) map[string]string {
	t.Helper()
	st, err := store.Open(dir, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r, err := st.Check()
	if err != nil || len(r.Problems) > 0 {
		t.Fatalf("store %s: %v %v", dir, err, r.Problems)
	}
	ids := map[string]string{}
	err = st.Sources(func(rec *store.SourceRecord) bool {
		refs := fmt.Sprint(rec.Refs)
		ids[filepath.Base(rec.Path)] = rec.SHA256 + " " + rec.Status + " " + refs
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	ids["(documents)"] = strconv.Itoa(r.Documents)
	return ids
}
