package pipeline

import (
	"context"
	"errors"
	"os"
	"strings"
	"unicode"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index/store"
	"github.com/ntlnav/referat/ingest"
)

// One meeting is stored once, however many files carry it: a file read in
// a run whose document has the same meeting body and date as a stored
// document, and nearly the same text, is a duplicate of the file that
// gave that document.
//
// Nearly the same text: the Jaccard index of the two texts' word
// 3-shingles (sets of every run of three consecutive words, lower-cased,
// punctuation and layout left out) is at least DuplicateSimilarity. The
// same meeting from another producer, or exported again, reads the same
// after extraction (the bundled minutes from LibreOffice, ghostscript and
// fpdf all give 1.0); a corrected version in which a fraction f of the
// words changed gives about (1-f)/(1+f), so 0.7 tolerates about a sixth of
// the text rewritten (one paragraph of five). Two different meetings share
// only set phrases: under 0.3 between any two of the bundled minutes. The
// body and the date must be equal too (bodies compared without case and
// punctuation; a document without a date is never a duplicate), so that
// a meeting that repeats another's text on another day stays a meeting.
//
// When the texts differ, a text layer wins over recognised text (OCR
// makes errors a text layer does not: the file with fewer recognised
// pages wins), then the newer file (by modification time): its document
// replaces the stored one, and the files that gave that become its
// duplicates. Otherwise the file read is the duplicate, and the stored
// document stays.
const DuplicateSimilarity = 0.7

// A Duplicate is a file found to hold a meeting the store already had.
type Duplicate struct {
	File        string  `json:"file"`         // the file read in this run
	DuplicateOf string  `json:"duplicate_of"` // the file that gave the meeting first
	Similarity  float64 `json:"similarity"`   // of the two texts, DuplicateSimilarity to 1
	TextFrom    string  `json:"text_from"`    // the file whose text the store keeps: File when its text wins (see DuplicateSimilarity)
}

// A meetingIndex finds the stored documents of a meeting body and date:
// key → content hashes. It is built on first use and kept up to date by
// the committer; hashes whose document has gone are skipped when looked up.
type meetingIndex map[string][]string

// meetingKey is the key of a meeting in a meetingIndex, "" when it has no
// date.
func meetingKey(m referat.Meeting) string {
	if m.Date == "" {
		return ""
	}
	body := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, m.Body)
	return m.Date + "|" + body
}

// index returns the meeting index, building it from the store first.
func (r *run) index(w writer) (meetingIndex, error) {
	if r.meetings != nil {
		return r.meetings, nil
	}
	idx := meetingIndex{}
	err := w.Documents(func(d *referat.Document) bool {
		if k := meetingKey(d.Meeting); k != "" {
			idx[k] = append(idx[k], d.Source.SHA256)
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	r.meetings = idx
	return idx, nil
}

// A match is the stored document a new one duplicates.
type match struct {
	sha        string
	first      string // the first recorded file that gives it
	mtime      int64  // the newest modification time of the files that give it
	similarity float64
	same       bool // the texts are the same word for word
	ocrPages   int  // pages of the stored document that were recognised
}

// replacedBy reports whether the document d, of a file modified at mtime,
// replaces the stored text of the meeting m: the texts differ, and d has
// fewer recognised pages, or as many and its file is newer.
func (m *match) replacedBy(d *ingest.Encoded, mtime int64) bool {
	if m.same {
		return false
	}
	if n := len(d.Outline.Source.OCR); n != m.ocrPages {
		return n < m.ocrPages
	}
	return mtime > m.mtime
}

// findDuplicate returns the stored document, given by a file other than
// path, that enc duplicates, or nil. enc is decoded only when a stored
// document of the same meeting is found.
func (r *run) findDuplicate(w writer, path string, enc *ingest.Encoded) (*match, error) {
	key := meetingKey(enc.Outline.Meeting)
	if key == "" {
		return nil, nil
	}
	idx, err := r.index(w)
	if err != nil {
		return nil, err
	}
	var best *match
	var print textPrint
	var d *referat.Document
	for _, sha := range idx[key] {
		if sha == enc.Outline.Source.SHA256 || best != nil && best.sha == sha {
			continue
		}
		m, err := r.candidate(w, sha, key, path)
		if err != nil || m == nil {
			if err != nil {
				return nil, err
			}
			continue
		}
		other, err := w.Document(sha)
		if err != nil {
			return nil, err
		}
		if d == nil {
			if d, err = enc.Decode(); err != nil {
				return nil, err
			}
			print = fingerprint(d)
		}
		m.similarity = jaccard(print, fingerprint(other))
		m.same = strings.Join(words(d), " ") == strings.Join(words(other), " ")
		m.ocrPages = len(other.Source.OCR)
		if m.similarity >= DuplicateSimilarity && (best == nil || m.similarity > best.similarity) {
			best = m
		}
	}
	return best, nil
}

// candidate returns the stored document sha as a match when it is still
// stored, of the meeting key, and given by a file other than path.
func (r *run) candidate(w writer, sha, key, path string) (*match, error) {
	doc, err := w.Document(sha)
	if err != nil || doc == nil || meetingKey(doc.Meeting) != key {
		return nil, err
	}
	paths, err := w.PathsOf(sha)
	if err != nil {
		return nil, err
	}
	var m *match
	for _, p := range paths {
		rec, err := w.Source(p)
		if err != nil {
			return nil, err
		}
		if p == path || rec == nil || rec.Status == store.StatusDuplicate {
			continue
		}
		if m == nil {
			m = &match{sha: sha, first: p}
		}
		m.mtime = max(m.mtime, rec.MTime)
	}
	return m, nil
}

// record records a file read or recognised: a document of its own, a
// duplicate of a stored meeting, or the newer text of a stored meeting.
func (r *run) record(w writer, res result) error {
	if res.reused {
		err := w.RecordCopy(store.Copy{Path: res.path, Size: res.size, MTime: res.mtime, SHA256: res.sha, Moved: res.gone, ExtractorVersion: r.version})
		if errors.Is(err, store.ErrNoDocument) {
			return nil // replaced since the file was looked at: the next run reads it
		}
		return err
	}
	p := store.Parsed{Path: res.path, Size: res.size, MTime: res.mtime, JSON: res.doc.JSON, Stats: docStats(res.doc.Outline), Moved: res.gone, ExtractorVersion: r.version}
	if res.outcome == Reread && res.prev != nil && res.prev.SHA256 == res.sha && res.prev.Status == store.StatusOK {
		return w.Reread(p) // a meeting of its own already: it stays one
	}
	m, err := r.findDuplicate(w, res.path, res.doc)
	if err != nil {
		return err
	}
	key := meetingKey(res.doc.Outline.Meeting)
	switch {
	case m == nil:
		if err := w.RecordParsed(p); err != nil {
			return err
		}
	case m.replacedBy(res.doc, res.mtime):
		if err := w.Supersede(p, m.sha, m.similarity); err != nil {
			return err
		}
		r.sum.Duplicates = append(r.sum.Duplicates, Duplicate{File: res.path, DuplicateOf: m.first, Similarity: round3(m.similarity), TextFrom: res.path})
	default:
		r.sum.Duplicates = append(r.sum.Duplicates, Duplicate{File: res.path, DuplicateOf: m.first, Similarity: round3(m.similarity), TextFrom: m.first})
		return w.RecordDuplicate(store.Duplicate{Path: res.path, Size: res.size, MTime: res.mtime, SHA256: res.sha,
			Of: m.first, OfSHA256: m.sha, Similarity: round3(m.similarity), ExtractorVersion: r.version})
	}
	if key != "" && r.meetings != nil {
		r.meetings[key] = append(r.meetings[key], res.sha)
	}
	return nil
}

// docStats returns the DocStats of the document o outlines.
func docStats(o ingest.Outline) *store.DocStats {
	st := &store.DocStats{SHA256: o.Source.SHA256, Date: o.Meeting.Date, TaxonomyVersion: o.TaxonomyVersion, Cases: make([]store.CaseStats, len(o.Cases))}
	for i, c := range o.Cases {
		st.Cases[i] = store.CaseStats{Seq: c.Seq, Title: c.Title, Thread: c.Thread, Topics: c.Topics, Statements: c.Statements}
	}
	return st
}

// round3 rounds a similarity to three decimals, as it is shown.
func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// promote reads again, after a prune, the duplicates of the files pruned:
// the first of a meeting's duplicates takes its place, the others become
// its duplicates.
func (r *run) promote(ctx context.Context) error {
	if len(r.pruned) == 0 || r.opts.Worker == nil {
		return nil
	}
	gone := map[string]bool{}
	for _, p := range r.pruned {
		gone[p] = true
	}
	var dups []string
	err := r.db.Sources(func(rec *store.SourceRecord) bool {
		if rec.Status == store.StatusDuplicate && gone[rec.DuplicateOf] {
			dups = append(dups, rec.Path)
		}
		return true
	})
	if err != nil || len(dups) == 0 {
		return err
	}
	return r.readAgain(ctx, dups)
}

// readAgain reads the files paths again, as the run's own, without
// progress lines of their own.
func (r *run) readAgain(ctx context.Context, paths []string) error {
	progress := r.opts.Progress
	r.opts.Progress = NoProgress{}
	defer func() { r.opts.Progress = progress }()
	set := newFileSet(paths...)
	defer set.release()
	return r.files(ctx, set.len(), setSource(set))
}

// rereadOrphans reads again, after a run that changed files, the
// duplicates whose meeting's document is gone. A file whose content
// changed gave up its old content's document, and the duplicates of
// that document were judged current when the walk met them if the
// change was not yet recorded: read again, the first takes the
// meeting's place, as a clean run over the same files would have it.
// Duplicates whose file is gone are left to --prune.
func (r *run) rereadOrphans(ctx context.Context) error {
	if r.sum.Files[Changed] == 0 || r.opts.Worker == nil {
		return nil
	}
	type dup struct{ path, of, sha string }
	var dups []dup
	err := r.db.Sources(func(rec *store.SourceRecord) bool {
		if rec.Status == store.StatusDuplicate {
			dups = append(dups, dup{rec.Path, rec.DuplicateOf, rec.DuplicateOfSHA256})
		}
		return true
	})
	if err != nil {
		return err
	}
	var orphans []string
	for _, d := range dups {
		ok, err := r.holdsMeeting(d.of, d.sha)
		if err != nil {
			return err
		}
		if _, serr := os.Stat(d.path); !ok && serr == nil {
			orphans = append(orphans, d.path)
		}
	}
	if len(orphans) == 0 {
		return nil
	}
	return r.readAgain(ctx, orphans)
}
