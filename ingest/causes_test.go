package ingest_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/ntlnav/referat/ingest"
)

// TestCauseNames checks that every cause has one name, the same on every
// call (a cause that wraps another is named first), and that the name
// gives back an error that errors.Is finds the cause in, as the worker
// protocol and the store need.
func TestCauseNames(t *testing.T) {
	tests := []struct {
		err       error
		name      string
		alsoNoTxt bool
	}{
		{err: ingest.ErrEmpty, name: "empty"},
		{err: ingest.ErrNotPDF, name: "not-pdf"},
		{err: ingest.ErrDamaged, name: "damaged"},
		{err: ingest.ErrEncrypted, name: "encrypted"},
		{err: ingest.ErrBlank, name: "blank", alsoNoTxt: true},
		{err: ingest.ErrNoText, name: "no-text", alsoNoTxt: true},
		{err: ingest.ErrTooLarge, name: "too-large"},
		{err: ingest.ErrTimeout, name: "timeout"},
		{err: ingest.ErrCrashed, name: "crashed"},
		{err: errors.New("open x.pdf: permission denied"), name: "io"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wrapped := &ingest.Error{File: "x.pdf", Err: fmt.Errorf("%w on 2 page(s)", tt.err)}
			for i := 0; i < 20; i++ { // map order once made this random
				if got := ingest.CauseName(wrapped); got != tt.name {
					t.Fatalf("CauseName = %q, want %q", got, tt.name)
				}
			}
			if tt.name == "io" {
				if ingest.CauseError("io") != nil {
					t.Error(`CauseError("io") is not nil`)
				}
				return
			}
			if c := ingest.CauseError(tt.name); !errors.Is(c, tt.err) || errors.Is(c, ingest.ErrNoText) != tt.alsoNoTxt {
				t.Errorf("CauseError(%q) = %v", tt.name, c)
			}
		})
	}
}
