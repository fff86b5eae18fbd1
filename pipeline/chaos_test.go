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

// envChaos sets the number of kills of TestChaos (`make chaos`); without
// it the test is skipped. envChaosSeed replays a run.
const (
	envChaos     = "REFERAT_CHAOS"
	envChaosSeed = "REFERAT_CHAOS_SEED"
)

// A chaosRun is what TestChaos did, for the checks at its end.
type chaosRun struct {
	Dir   string // the PDFs, as the last run saw them
	Store string // the store that lived through the kills
	Clean string // a store made by one clean run over Dir
	ESURL string // Elasticsearch the runs sent to, or ""
}

// chaosESURL returns the Elasticsearch the chaos runs send to: none by
// default. A file of Elasticsearch checks sets it (in an init function)
// and appends to chaosChecks a check that compares the cluster's ids with
// the store's.
var chaosESURL = func(t *testing.T) string { return "" }

// chaosChecks run at the end of TestChaos, after the store's own check.
var chaosChecks []func(t *testing.T, c chaosRun)

// TestChaos kills ingest runs with SIGKILL at random points, many times,
// while files change, appear, vanish and move between the kills; then a
// run to the end (with Prune) must leave the store holding exactly what a
// clean run over the same files gives: the same records (path, content,
// status, document ids) and documents, and a store that checks sound.
func TestChaos(t *testing.T) {
	kills, _ := strconv.Atoi(os.Getenv(envChaos))
	if kills <= 0 {
		t.Skipf("set $%s to the number of kills (make chaos)", envChaos)
	}
	seed := time.Now().UnixNano()
	if s, err := strconv.ParseInt(os.Getenv(envChaosSeed), 10, 64); err == nil {
		seed = s
	}
	t.Logf("seed %d (replay: %s=%d %s=%d)", seed, envChaos, kills, envChaosSeed, seed)
	rng := rand.New(rand.NewSource(seed))
	dir, _ := pipetest.CorpusDir(t, pdfs, 24)
	c := chaosRun{Dir: dir, Store: tempStore(t), ESURL: chaosESURL(t)}
	rs := runSpec{Store: c.Store, ESURL: c.ESURL, Paths: []string{dir}, Prune: true}
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
	c.Clean = tempStore(t)
	if _, err := runT(t, context.Background(), options(c.Clean, "", dir)); err != nil {
		t.Fatal(err)
	}
	got, want := storeIDs(t, c.Store), storeIDs(t, c.Clean)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after %d kills the store differs from a clean run's:\n got %v\nwant %v", kills, got, want)
	}
	for _, check := range chaosChecks {
		check(t, c)
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

// storeIDs returns, for every recorded file, its content, status and the
// ids of its documents, and the stored contents; it fails the test when
// the store does not check sound.
func storeIDs(t *testing.T, dir string) map[string]string {
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
