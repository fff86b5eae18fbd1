package pipeline

import (
	"context"
	"testing"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index/store"
	"github.com/ntlnav/referat/internal/pipetest"
)

// TestLinkAfterKill: a run killed after it stored documents and before
// linking ended leaves the store's mark of stale threads, and the next
// run links again though no file changed. The kill is stood in for by
// storing a document again with a thread linking would not give it.
func TestLinkAfterKill(t *testing.T) {
	dir, _ := pipetest.CorpusDir(t, pdfs, 3)
	db := tempStore(t)
	ctx := context.Background()
	if _, err := runT(t, ctx, options(db, "", dir)); err != nil {
		t.Fatal(err)
	}
	first := func(st *store.Store) (d *referat.Document) {
		err := st.Documents(func(x *referat.Document) bool { d = x; return false })
		if err != nil || d == nil || len(d.Cases) == 0 {
			t.Fatalf("no stored case: %v", err)
		}
		return d
	}
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if stale, err := st.ThreadsStale(); err != nil || stale {
		t.Errorf("after a whole run: stale %v, %v", stale, err)
	}
	d := first(st)
	want := d.Cases[0].Thread
	d.Cases[0].Thread = "not-linked"
	if err := st.Retag(d); err != nil {
		t.Fatal(err)
	}
	if stale, err := st.ThreadsStale(); err != nil || !stale {
		t.Errorf("after storing a document: stale %v, %v", stale, err)
	}
	st.Close()
	s, err := runT(t, ctx, options(db, "", dir))
	if err != nil || s.Files[Unchanged] != 3 {
		t.Fatalf("the second run: %v, %+v", err, s)
	}
	st, err = store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if got := first(st).Cases[0].Thread; got != want {
		t.Errorf("after the next run the thread is %q, want %q", got, want)
	}
	if stale, err := st.ThreadsStale(); err != nil || stale {
		t.Errorf("after linking: stale %v, %v", stale, err)
	}
}
