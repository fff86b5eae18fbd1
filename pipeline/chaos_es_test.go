package pipeline

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ntlnav/referat/index/elastic"
	"github.com/ntlnav/referat/internal/estest"
	"github.com/ntlnav/referat/internal/pipetest"
)

// TestChaosES is the cluster's part of the chaos run (scripts/chaos-es.sh):
// runs are killed with SIGKILL at random points, many times, files change
// and move between the kills, and once the cluster loses an index; then
// one run goes to the end, and Elasticsearch must hold exactly the ids a
// clean run (a new store, an empty cluster) gives for the same files. It
// runs only with REFERAT_CHAOS_ES=1; REFERAT_CHAOS_KILLS (default 40) and
// REFERAT_CHAOS_SEED (default: the clock, logged) shape it.
func TestChaosES(t *testing.T) {
	if os.Getenv("REFERAT_CHAOS_ES") != "1" {
		t.Skip("set REFERAT_CHAOS_ES=1 (scripts/chaos-es.sh) to run the chaos series")
	}
	url := estest.URL(t)
	es := estest.Client(t)
	estest.Reset(t, es)
	kills := envInt(t, "REFERAT_CHAOS_KILLS", 40)
	seed := int64(envInt(t, "REFERAT_CHAOS_SEED", int(time.Now().UnixNano()%1e9)))
	t.Logf("seed %d (REFERAT_CHAOS_SEED=%d reproduces the series), %d kills", seed, seed, kills)
	rng := rand.New(rand.NewSource(seed))
	dir, names := pipetest.CorpusDir(t, pdfs, 16)
	db := tempStore(t)
	// Every run prunes, as a nightly job does: a file that moved after it
	// changed (and before a run recorded the change) leaves its old path
	// behind, which only pruning forgets.
	rs := runSpec{Store: db, ESURL: url, Paths: []string{dir}, Prune: true}
	other, err := os.ReadFile(filepath.Join(pdfs, "ghostscript", "2019-12-12.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	lostAt := kills / 2
	for i := 0; i < kills; i++ {
		cmd := helper(t, rs)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Intn(2500)) * time.Millisecond)
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // the run and its workers
		cmd.Wait()
		switch k := rng.Intn(4); {
		case k == 0: // a file changes
			n := names[rng.Intn(len(names))]
			if err := os.WriteFile(n, append(other, []byte(fmt.Sprintf("\n%% chaos %d\n%%%%EOF\n", i))...), 0o644); err != nil {
				t.Fatal(err)
			}
		case k == 1: // a file moves
			j := rng.Intn(len(names))
			to := filepath.Join(dir, fmt.Sprintf("moved-%d.pdf", i))
			if err := os.Rename(names[j], to); err != nil {
				t.Fatal(err)
			}
			names[j] = to
		}
		if i == lostAt {
			alias := elastic.Aliases[rng.Intn(len(elastic.Aliases))]
			t.Logf("after kill %d the cluster loses %s", i+1, elastic.Concrete(alias))
			res, err := es.Indices.Delete([]string{elastic.Concrete(alias)}, es.Indices.Delete.WithIgnoreUnavailable(true))
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
		}
	}
	out, err := helper(t, rs).Output()
	if err != nil {
		t.Fatalf("the run after the kills: %v\n%s", err, out)
	}
	var s Summary
	if err := json.Unmarshal(out, &s); err != nil || s.ES == nil || s.ES.Pending != 0 || s.ES.Error != "" {
		t.Fatalf("after %d kills: %v %+v", kills, err, s.ES)
	}
	after := esIDs(t, es)
	if want := storeIDs(t, db); strings.Join(after, " ") != strings.Join(want, " ") {
		t.Errorf("after the kills Elasticsearch holds %d ids, the store %d; they differ", len(after), len(want))
	}
	// A clean run of the same files: a new store, an empty cluster.
	estest.Reset(t, es)
	clean := runSpec{Store: tempStore(t), ESURL: url, Paths: []string{dir}}
	if out, err := helper(t, clean).Output(); err != nil {
		t.Fatalf("the clean run: %v\n%s", err, out)
	}
	want := esIDs(t, es)
	if strings.Join(after, " ") != strings.Join(want, " ") {
		t.Errorf("after %d kills Elasticsearch held %d ids; a clean run gives %d; they differ", kills, len(after), len(want))
	}
	t.Logf("%d kills; %d ids after the kills, %d from a clean run, equal: %v", kills, len(after), len(want), strings.Join(after, " ") == strings.Join(want, " "))
}

func envInt(t *testing.T, name string, def int) int {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		t.Fatalf("%s=%q: %v", name, v, err)
	}
	return n
}
