package pipeline

import (
	"errors"

	"github.com/ntlnav/referat"

	"github.com/ntlnav/referat/index/store"
	"github.com/ntlnav/referat/ingest"
)

// A writer is where the committer records results: the store, or a
// batch of the store (one transaction for several files).
type writer interface {
	Touch(path string, size, mtime int64) error
	RecordFailed(store.Failure) error
	RecordCopy(store.Copy) error
	RecordParsed(store.Parsed) error
	Reread(store.Parsed) error
	Supersede(keep store.Parsed, old string, similarity float64) error
	RecordDuplicate(store.Duplicate) error
	Source(path string) (*store.SourceRecord, error)
	PathsOf(sha string) ([]string, error)
	Document(sha string) (*referat.Document, error)
	Documents(fn func(*referat.Document) bool) error
}

// commit counts one result and records it with w.
func (r *run) commit(w writer, res result) error {
	r.sum.Files[res.outcome]++
	r.sum.PagesParsed += res.pages
	r.sum.PagesOCR += res.ocrPages
	switch res.outcome {
	case Unchanged:
		if res.touch {
			return w.Touch(res.path, res.size, res.mtime)
		}
		return nil
	case Failed:
		f := failure(res.path, res.err)
		r.sum.Failures = append(r.sum.Failures, f)
		if res.size == 0 && res.mtime == 0 {
			return nil // could not even be looked at
		}
		return w.RecordFailed(store.Failure{Path: res.path, Size: res.size, MTime: res.mtime, Cause: f.Cause, Error: f.Error, ExtractorVersion: r.version})
	}
	return r.record(w, res) // dupes.go
}

// failure describes a file's error: its cause, the message without the
// file name, and advice.
func failure(path string, err error) Failure {
	f := Failure{Path: path, Cause: "io", Error: err.Error(), Advice: ingest.Advice(err)}
	var ie *ingest.Error
	if errors.As(err, &ie) {
		f.Cause, f.Error = ingest.CauseName(err), ie.Err.Error()
	}
	return f
}

// writes reports whether committing res writes the store.
func writes(res result) bool {
	switch res.outcome {
	case Unchanged:
		return res.touch
	case Failed:
		return res.size != 0 || res.mtime != 0
	}
	return true
}
