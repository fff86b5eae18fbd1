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

// storeState returns what a run over the same files must agree on, for
// every recorded file and every meeting, and fails the test when the store
// does not check sound. Two things legitimately depend on the history of
// runs, not on the files, and are compared without it:
//   - a file that became damaged keeps its earlier content's documents
//     (README: "A file that becomes damaged keeps its earlier documents"),
//     which a clean run never saw: a failed file is compared by its status
//     alone, and the documents counted are those of files read;
//   - a file that other files duplicate and that then became damaged
//     keeps holding the meeting by its earlier documents, where a clean
//     run reads one of the duplicates: either way the meeting is read
//     once, with its documents;
//   - of two contents holding the same meeting (a changed file given
//     another producer's PDF of a meeting already there), the one met first
//     is read and the other is its duplicate, so which is which follows the
//     order of the runs: such contents are one meeting, labelled by the
//     smallest content hash among them, with its files, how many of its
//     contents are read (one) and how many documents that content makes.
func storeState(t *testing.T, dir string) map[string]string {
	t.Helper()
	st := openChecked(t, dir)
	defer st.Close()
	var recs []store.SourceRecord
	err := st.Sources(func(rec *store.SourceRecord) bool {
		recs = append(recs, *rec)
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	// meetings: contents joined by a duplicate to the content it repeats
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		p, ok := parent[x]
		if !ok || p == x {
			return x
		}
		root := find(p)
		parent[x] = root
		return root
	}
	union := func(a, b string) {
		for _, x := range []string{a, b} {
			if _, ok := parent[x]; !ok {
				parent[x] = x
			}
		}
		ra, rb := find(a), find(b)
		if ra != rb {
			parent[max(ra, rb)] = min(ra, rb) // the smallest hash is the root
		}
	}
	for _, rec := range recs {
		if rec.Status == store.StatusDuplicate && rec.DuplicateOfSHA256 != "" {
			union(rec.SHA256, rec.DuplicateOfSHA256)
		}
	}
	ids := map[string]string{}
	read := map[string]map[string]bool{} // meeting -> contents read
	docs := map[string]int{}             // meeting -> documents of a content read
	distinct := map[string]bool{}
	for _, rec := range recs {
		name := filepath.Base(rec.Path)
		switch rec.Status {
		case store.StatusFailed:
			ids[name] = rec.Status
			if _, pointed := parent[rec.SHA256]; !pointed || len(rec.Refs) == 0 {
				continue
			}
			// A damaged file that other files duplicate still holds the
			// meeting by its kept documents; a clean run reads one of
			// those files instead.
			m := find(rec.SHA256)
			if read[m] == nil {
				read[m] = map[string]bool{}
			}
			read[m][rec.SHA256] = true
			docs[m] = len(rec.Refs)
			for _, ref := range rec.Refs {
				distinct[fmt.Sprint(ref)] = true
			}
			continue
		case store.StatusOK, store.StatusDuplicate:
			m := find(rec.SHA256)
			ids[name] = "meeting " + m
			if rec.Status == store.StatusOK {
				if read[m] == nil {
					read[m] = map[string]bool{}
				}
				read[m][rec.SHA256] = true
				docs[m] = len(rec.Refs)
			}
		default:
			ids[name] = rec.SHA256 + " " + rec.Status + " " + fmt.Sprint(rec.Refs)
		}
		for _, ref := range rec.Refs {
			distinct[fmt.Sprint(ref)] = true
		}
	}
	for m, contents := range read {
		ids["(meeting "+m+")"] = fmt.Sprintf("%d contents read, %d documents", len(contents), docs[m])
	}
	ids["(documents of files read)"] = strconv.Itoa(len(distinct))
	return ids
}
