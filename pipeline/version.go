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
//
// Version 2: a sentence may end in the word "i" ("… samd i. Parat spurde …"),
// which the splitter took for an initial; titles and decisions split by
// sentences may differ.
//
// Version 3: letter-spaced text is read as words ("REFERAT", not "R E F E R
// A T"), and a known body named in capitals is spelled as usual
// ("ETATS-MBA" is etats-MBA): such reports get their date, body, agenda
// numbers and titles. A smaller line under a page's first line is no
// longer dropped as a running head (a heading in small capitals, code set
// smaller than the body). Minutes written as a table get a case a row.
//
// Version 4: text a viewer does not show is not read: letters under an
// opaque box painted after them and letters in the colour of the box under
// them (a blacked-out name; a hidden word inside a line leaves "█"), and
// text written on such a box over other text is read after the lines
// above the box. A store made before holds the blacked-out names; the next
// run replaces those documents, in the store and in Elasticsearch.
//
// Version 5: the glyphs of the AMS symbol fonts (msam, msbm) are read as
// the characters they draw: a beamer bullet is "▶", not the letter "I"
// before every item, and relations such as "⊊" and "⊈" are read. Letters
// drawn wholly outside the clip in force are not read (the end of a line
// cut off by a text box's or a panel's edge), as no viewer shows them.
const ExtractorVersion = 5

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
	e, err := r.db.Entry(path)
	if err != nil || e == nil || e.Status == store.StatusDuplicate || e.SHA256 != sha {
		return false, err
	}
	return r.db.HasDocument(sha)
}

// docCurrent reports whether the stored document of content sha was made
// by this extractor: a file of that content, not a duplicate, records it.
func (r *run) docCurrent(sha string) (bool, error) {
	paths, err := r.db.PathsOf(sha)
	if err != nil {
		return false, err
	}
	for _, p := range paths {
		e, err := r.db.Entry(p)
		if err != nil {
			return false, err
		}
		if e != nil && e.Status == store.StatusOK && e.SHA256 == sha {
			return e.ExtractorVersion >= r.version, nil
		}
	}
	return false, nil
}

// outdatedGone lists in the Summary the recorded files that an older
// extractor read and that no longer exist (their documents are kept), and
// counts in r.outdated those that exist and are not marked found (all of
// them when the walk has not run yet): withOutdated reads them again
// after the files given. It reads the entries of all recorded files, in
// one transaction, keeping none.
func (r *run) outdatedGone() error {
	return r.db.Entries(func(e *store.Entry) bool {
		if e.Status != store.StatusOK || e.ExtractorVersion >= r.version || r.marks.has(e.Path) {
			return true
		}
		if _, err := os.Stat(e.Path); errors.Is(err, os.ErrNotExist) {
			r.sum.Outdated = append(r.sum.Outdated, Outdated{Path: e.Path, ExtractorVersion: e.ExtractorVersion, Reason: "gone"})
		} else {
			r.outdated++
		}
		return true
	})
}

// withOutdated hands to emit, once the walk has marked the files given
// and found, the recorded files not among them that an older extractor
// read and that still exist, to be read again (outdatedGone listed those
// that are gone); they are marked found too. It reports false when emit
// did, or the store could not be read (r.outdatedErr).
func (r *run) withOutdated(emit func(string) bool) bool {
	if r.outdated == 0 || r.opts.Worker == nil {
		return true
	}
	set := newFileSet() // only these files: none unless the extractor changed
	defer set.release()
	r.outdatedErr = r.db.Entries(func(e *store.Entry) bool {
		if e.Status != store.StatusOK || e.ExtractorVersion >= r.version || r.marks.has(e.Path) {
			return true
		}
		if _, err := os.Stat(e.Path); !errors.Is(err, os.ErrNotExist) {
			set.add(e.Path)
		}
		return true
	})
	if r.outdatedErr != nil {
		return false
	}
	for i := range set.len() {
		p := set.at(i)
		r.marks.add(p)
		if !emit(p) {
			return false
		}
	}
	return true
}

// isCurrent is docCurrent, false on an error (the file is then read).
func (r *run) isCurrent(sha string) bool {
	ok, err := r.docCurrent(sha)
	return err == nil && ok
}
