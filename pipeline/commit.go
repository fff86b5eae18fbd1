package pipeline

import (
	"errors"

	"github.com/ntlnav/referat/index/store"
	"github.com/ntlnav/referat/ingest"
)

// commit counts one result and records it in the store, in one
// transaction.
func (r *run) commit(res result) error {
	r.sum.Files[res.outcome]++
	r.sum.PagesParsed += res.pages
	r.sum.PagesOCR += res.ocrPages
	switch res.outcome {
	case Unchanged:
		if res.touch {
			return r.db.Touch(res.path, res.size, res.mtime)
		}
		return nil
	case Failed:
		f := failure(res.path, res.err)
		r.sum.Failures = append(r.sum.Failures, f)
		if res.size == 0 && res.mtime == 0 {
			return nil // could not even be looked at
		}
		return r.db.RecordFailed(store.Failure{Path: res.path, Size: res.size, MTime: res.mtime, Cause: f.Cause, Error: f.Error, ExtractorVersion: r.version})
	}
	return r.record(res) // dupes.go
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
