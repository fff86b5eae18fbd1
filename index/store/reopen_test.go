package store

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"
)

// TestReopen: a writer whose transactions allocate reopenAlloc bytes
// reopens its database between transactions, while other goroutines
// read; what it wrote before and after is all there. While it is between
// the close and the open, another writer gets ErrLocked and a reader the
// snapshot, never the live file, and SetAside fails with ErrLocked.
func TestReopen(t *testing.T) {
	defer func(n int64) { reopenAlloc = n }(reopenAlloc)
	reopenAlloc = 64 << 10
	dir := t.TempDir()
	s, err := Open(dir, Options{})
	must(t, err)
	var hooked int
	reopenHook = func() {
		hooked++
		if hooked > 1 {
			return
		}
		if o, err := Open(dir, Options{LockTimeout: 20 * time.Millisecond}); !errors.Is(err, ErrLocked) {
			t.Errorf("a second writer during a reopen: %v", err)
			if o != nil {
				o.Close()
			}
		}
		r, err := Open(dir, Options{ReadOnly: true, LockTimeout: 20 * time.Millisecond})
		if err != nil || r.Snapshot.IsZero() {
			t.Errorf("a reader during a reopen: snapshot %v, %v", r != nil && !r.Snapshot.IsZero(), err)
		}
		if r != nil {
			must(t, r.Close())
		}
		if _, err := SetAside(dir, 20*time.Millisecond); !errors.Is(err, ErrLocked) {
			t.Errorf("SetAside during a reopen: %v", err)
		}
	}
	defer func() { reopenHook = nil }()

	const files = 400
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ { // readers beside the writer
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				if _, err := s.Source(fmt.Sprintf("f%04d.pdf", i%files)); err != nil {
					t.Errorf("a read beside the writer: %v", err)
					return
				}
				time.Sleep(50 * time.Microsecond) // a reopen waits for a moment without reads

			}
		}()
	}
	for i := 0; i < files; i += 10 {
		must(t, s.Batch(func(b *Batch) error {
			for j := i; j < i+10; j++ {
				p := Parsed{Path: fmt.Sprintf("f%04d.pdf", j), Size: int64(j), MTime: 1, Doc: doc(fmt.Sprintf("%064x", j), 3)}
				if err := b.RecordParsed(p); err != nil {
					return err
				}
			}
			return nil
		}))
	}
	close(stop)
	wg.Wait()
	if s.reopens < 2 || hooked != s.reopens {
		t.Fatalf("%d reopens (hook ran %d times), want 2 or more", s.reopens, hooked)
	}
	for i := 0; i < files; i++ {
		rec, err := s.Source(fmt.Sprintf("f%04d.pdf", i))
		if err != nil || rec == nil || rec.Size != int64(i) {
			t.Fatalf("f%04d.pdf after the reopens: %+v, %v", i, rec, err)
		}
	}
	if r, err := s.Check(); err != nil || len(r.Problems) > 0 {
		t.Errorf("check: %v %v", err, r.Problems)
	}
	must(t, s.Close())
	s, err = Open(dir, Options{})
	must(t, err)
	defer s.Close()
	if rec, err := s.Source(fmt.Sprintf("f%04d.pdf", files-1)); err != nil || rec == nil {
		t.Errorf("the last file after closing: %+v, %v", rec, err)
	}
}
