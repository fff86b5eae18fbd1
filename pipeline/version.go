package pipeline

import (
	"errors"
	"os"

	"github.com/ntlnav/referat/index/store"
)

// ExtractorVersion is the version of what reading a PDF gives: the text,
// paragraphs, meeting and cases that packages ingest and internal/pdftext
// make of a file. Bump it with every change to them that changes their
// output for some file (a golden file under testdata/golden changes, say):
// the next run then reads again, from its PDF, every file whose documents
// an older extractor made, and replaces those documents (and their
// Elasticsearch documents).
//
// The analysis has a version of its own: the taxonomy's content hash
// (analyze.Taxonomy.Version), stored with every document; a changed
// taxonomy needs no PDF read again, Options.Retag analyses the stored
// text again.
//
// Records written before versions were kept have version 0, older than
// every extractor.
const ExtractorVersion = 1

// extractorVersion is the version a run records and compares with:
// ExtractorVersion, lowered by tests to make a store as an older
// extractor would have.
var extractorVersion = ExtractorVersion

// Reread is the outcome of a file whose content is recorded, read again
// because an older extractor read it (see ExtractorVersion).
const Reread = "reread"

// An Outdated file was read by an older extractor and could not be read
// again: its documents are kept.
type Outdated struct {
	Path             string `json:"path"`
	ExtractorVersion int    `json:"extractor_version"` // that read it
	Reason           string `json:"reason"`            // "gone": the file no longer exists
}

// current reports whether a file's record is up to date: written by this
// extractor, and, for a duplicate, the file it duplicates still gives the
// document it gave then (else the duplicate is read again: to take the
// meeting's place when that file is gone or holds another meeting now, or
// to find the file that holds it now).
func (r *run) current(prev *store.SourceRecord) bool {
	if prev == nil || prev.ExtractorVersion < r.version {
		return false
	}
	if prev.Status != store.StatusDuplicate {
		return true
	}
	ok, err := r.holdsMeeting(prev.DuplicateOf, prev.DuplicateOfSHA256)
	return err == nil && ok
}

// holdsMeeting reports whether the file at path, not a duplicate itself,
// gives the stored document of content sha.
func (r *run) holdsMeeting(path, sha string) (bool, error) {
	rec, err := r.db.Source(path)
	if err != nil || rec == nil || rec.Status == store.StatusDuplicate || rec.SHA256 != sha {
		return false, err
	}
	d, err := r.db.Document(sha)
	return d != nil, err
}

// docCurrent reports whether the stored document of content sha was made
// by this extractor: a file of that content, not a duplicate, records it.
func (r *run) docCurrent(sha string) (bool, error) {
	paths, err := r.db.PathsOf(sha)
	if err != nil {
		return false, err
	}
	for _, p := range paths {
		rec, err := r.db.Source(p)
		if err != nil {
			return false, err
		}
		if rec != nil && rec.Status == store.StatusOK && rec.SHA256 == sha {
			return rec.ExtractorVersion >= r.version, nil
		}
	}
	return false, nil
}

// withOutdated returns files and the recorded files, not among them, that
// an older extractor read and that still exist, to be read again; those
// that are gone are listed in the Summary (their documents are kept).
func (r *run) withOutdated(files []string) ([]string, error) {
	given := make(map[string]bool, len(files))
	for _, f := range files {
		given[f] = true
	}
	out := files
	err := r.db.Sources(func(rec *store.SourceRecord) bool {
		if given[rec.Path] || rec.Status != store.StatusOK || rec.ExtractorVersion >= r.version {
			return true
		}
		if _, err := os.Stat(rec.Path); errors.Is(err, os.ErrNotExist) {
			r.sum.Outdated = append(r.sum.Outdated, Outdated{Path: rec.Path, ExtractorVersion: rec.ExtractorVersion, Reason: "gone"})
		} else if r.opts.Worker != nil {
			out = append(out, rec.Path)
		}
		return true
	})
	return out, err
}

// isCurrent is docCurrent, false on an error (the file is then read).
func (r *run) isCurrent(sha string) bool {
	ok, err := r.docCurrent(sha)
	return err == nil && ok
}
