package pipeline

import "fmt"

// What became of a file: the keys of Summary.Files.
const (
	New       = "new"       // not recorded before: parsed, or recognised by its content
	Changed   = "changed"   // recorded with other content: parsed again, its old documents replaced
	Unchanged = "unchanged" // the same size and modification time, or the same content
	Moved     = "moved"     // content recorded under a path that is gone: not parsed again
	Failed    = "failed"    // see Summary.Failures
	Skipped   = "skipped"   // not a PDF, not a regular file (see Summary.Skips), or a link that leads nowhere
	Pruned    = "pruned"    // gone from under the paths; its records removed (Options.Prune)
	Retagged  = "retagged"  // stored content analysed again (Options.Retag)
)

// A Summary is the result of a run.
type Summary struct {
	Files        map[string]int         `json:"files"`             // by what became of them (New, Changed, …)
	Failures     []Failure              `json:"failures"`          // one per failed file, in the order handled
	Skips        []Skip                 `json:"skipped,omitempty"` // not regular files, links that lead nowhere
	Meetings     int                    `json:"meetings"`          // what the store holds after the run
	Cases        int                    `json:"cases"`
	Statements   int                    `json:"statements"`
	Topics       int                    `json:"topics"`              // (case, topic) tags
	PagesParsed  int                    `json:"pages_parsed"`        // pages of the files parsed in this run
	PagesOCR     int                    `json:"pages_ocr,omitempty"` // of those, pages recognised by OCR
	Seconds      float64                `json:"seconds"`
	TopicsByYear map[int]map[string]int `json:"topics_by_year"` // year (0: unknown) → topic → cases
	// OtherAnalysis counts the stored meetings another version of the
	// analysis made (another taxonomy, or an older referat's models and
	// rules: analyze.Analyzer.Version); Options.Retag analyses them again.
	OtherAnalysis int         `json:"other_analysis,omitempty"`
	Duplicates    []Duplicate `json:"duplicates,omitempty"`    // files found in this run to repeat a stored meeting
	Outdated      []Outdated  `json:"outdated_kept,omitempty"` // files of an older extractor that could not be read again
	ES            *ESSummary  `json:"elasticsearch,omitempty"`
	Interrupted   bool        `json:"interrupted,omitempty"`
}

// A Failure is one failed file (or, in ESSummary.Items, one document
// Elasticsearch refused).
type Failure struct {
	Path   string `json:"path"`
	Cause  string `json:"cause"` // ingest.CauseName, "missing" or "io"; for documents the HTTP status
	Error  string `json:"error"`
	Advice string `json:"advice,omitempty"`
}

// An ESSummary is what happened in Elasticsearch.
type ESSummary struct {
	URL     string    `json:"url"` // without credentials
	Indexed int       `json:"indexed"`
	Deleted int       `json:"deleted"`
	Failed  int       `json:"failed"`
	Pending int       `json:"pending_files"` // files whose documents are not all confirmed
	Error   string    `json:"error,omitempty"`
	Items   []Failure `json:"item_failures,omitempty"` // the first 20 refused documents
	// Lost names the indices that no longer held what the store had
	// confirmed (gone, replaced, or fewer documents), one line each.
	Lost []string `json:"lost,omitempty"`
	// Resent counts the files whose documents were marked to be sent
	// again: those of the Lost indices, or all with Options.Resync.
	Resent int `json:"resent_files,omitempty"`
}

// An ESError reports that Elasticsearch could not be used; the documents
// are kept pending for the next run. Run returns it with the Summary.
type ESError struct {
	Msg     string
	Pending int   // files
	Err     error // the cause: it matches elastic.ErrUnreachable, elastic.ErrUnauthorized, …
}

// Unwrap returns the cause.
func (e *ESError) Unwrap() error { return e.Err }

func (e *ESError) Error() string {
	return fmt.Sprintf("Elasticsearch could not be used: %s; %d file(s) kept pending for the next run", e.Msg, e.Pending)
}

// Handled returns the number of files the run looked at: PDFs found, and
// paths given that name nothing.
func (s *Summary) Handled() int {
	return s.Files[New] + s.Files[Changed] + s.Files[Unchanged] + s.Files[Moved] + s.Files[Failed] + s.Files[Reread]
}
