package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ntlnav/referat/index/store"
	"github.com/ntlnav/referat/ingest"
)

// A job is one file to look at; a result what became of it.
type (
	job struct {
		path        string
		size, mtime int64
		prev        *store.SourceRecord // the file's record, nil when none or when unchanged by its entry
	}
	result struct {
		job
		outcome  string
		sha      string
		doc      *ingest.Encoded // parsed and analysed; nil when failed or reused
		err      error
		pages    int
		ocrPages int      // of pages, those recognised by OCR
		gone     []string // paths of the same content that no longer exist (a move)
		reused   bool     // the store holds the document of the same content (doc is nil)
		touch    bool     // unchanged content with another size or modification time
	}
)

// classify looks at a file without reading it: the same size and
// modification time as recorded means unchanged, and the result is
// returned; else the job to hash it. A file read before and not failed
// is looked at from its entry e alone (a few bytes, nil when it has
// none; err when it could not be read); others from their whole record.
func (r *run) classify(path string, e *store.Entry, err error) (job, *result) {
	j := job{path: path}
	fi, serr := os.Stat(path)
	if serr == nil && !fi.Mode().IsRegular() { // replaced since it was found
		serr = fmt.Errorf("%w (a %s)", ErrNotRegular, fileKind(fi.Mode()))
	}
	if serr != nil {
		return j, &result{job: j, outcome: Failed, err: &ingest.Error{File: path, Err: serr}}
	}
	j.size, j.mtime = fi.Size(), fi.ModTime().UnixNano()
	if err != nil || e == nil {
		if err != nil {
			return j, &result{job: j, outcome: Failed, err: err}
		}
		return j, nil // new
	}
	if e.Status == store.StatusOK && e.Size == j.size && e.MTime == j.mtime && e.ExtractorVersion >= r.version {
		return j, &result{job: j, outcome: Unchanged, sha: e.SHA256}
	}
	prev, err := r.db.Source(path)
	if err != nil {
		return j, &result{job: j, outcome: Failed, err: err}
	}
	j.prev = prev
	if prev != nil && prev.Size == j.size && prev.MTime == j.mtime && r.current(prev) && !retry(prev) {
		return j, unchanged(j, prev.SHA256)
	}
	return j, nil
}

// unchanged is the result of a file whose content is as recorded: a file
// that failed fails again, with the error it had.
func unchanged(j job, sha string) *result {
	res := &result{job: j, outcome: Unchanged, sha: sha, touch: j.prev.Size != j.size || j.prev.MTime != j.mtime}
	if j.prev.Status == store.StatusFailed {
		res.outcome, res.err = Failed, recordedError(j.prev)
	}
	return res
}

// retry reports whether a file recorded as failed is read again though
// unchanged: a scan that failed for want of OCR (no-text) may be read
// once Tesseract is installed; reading its text layer again is cheap.
func retry(rec *store.SourceRecord) bool {
	return rec.Status == store.StatusFailed && rec.Cause == "no-text"
}

// recordedError is the error a failed file had last time, with its cause.
func recordedError(rec *store.SourceRecord) error {
	if c := ingest.CauseError(rec.Cause); c != nil {
		return &ingest.Error{File: rec.Path, Err: fmt.Errorf("%w%s", c, strings.TrimPrefix(rec.Error, c.Error()))}
	}
	return &ingest.Error{File: rec.Path, Err: errors.New(rec.Error)}
}

// handle hashes a file and parses it when its content is new: a worker
// reads and analyses it (opts.Analyzer, the run's).
func (r *run) handle(ctx context.Context, j job, pool *ingest.Pool, opts ingest.Options) result {
	sha, err := hashFile(j.path)
	if err != nil {
		return result{job: j, outcome: Failed, err: &ingest.Error{File: j.path, Err: err}}
	}
	if j.prev != nil && j.prev.SHA256 == sha && r.current(j.prev) && !retry(j.prev) {
		return *unchanged(j, sha) // touched, not changed
	}
	res := result{job: j, sha: sha, outcome: New}
	switch {
	case j.prev != nil && j.prev.SHA256 == sha:
		res.outcome = Reread // the same content, read by an older extractor
	case j.prev != nil:
		res.outcome = Changed
	}
	if ok, err := r.db.HasDocument(sha); err == nil && ok && r.isCurrent(sha) {
		res.reused = true
		if res.gone, err = r.gonePaths(sha, j.path); err != nil {
			res.outcome, res.err = Failed, err
			return res
		}
		if len(res.gone) > 0 && j.prev == nil {
			res.outcome = Moved
		}
		return res
	}
	doc, err := pool.ExtractEncoded(ctx, j.path, opts)
	if err != nil {
		res.outcome, res.err = Failed, err
		return res
	}
	// The file may have changed while it was read: the hash is of what was parsed.
	src := doc.Outline.Source
	res.sha = src.SHA256
	res.doc, res.pages, res.ocrPages = doc, src.Pages, len(src.OCR)
	return res
}

// gonePaths returns the recorded paths of content sha, other than path,
// that no longer exist. A path marked found by this run is not looked at;
// the others are (os.Stat). The files found are marked from its first
// call on: a run that meets no copy and no move, such as one that changes
// nothing, keeps no marks; the files found before that call are looked
// at when their content comes again.
func (r *run) gonePaths(sha, path string) ([]string, error) {
	r.marking.Store(true)
	paths, err := r.db.PathsOf(sha)
	if err != nil {
		return nil, err
	}
	var gone []string
	for _, p := range paths {
		if p == path || r.marks.has(p) { // found by this run: not gone
			continue
		}
		if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
			gone = append(gone, p)
		}
	}
	return gone, nil
}

// hashFile returns the hex SHA-256 of a file's bytes.
func hashFile(path string) (string, error) {
	f, err := openRegular(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
