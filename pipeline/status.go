package pipeline

import (
	"math"
	"sort"
	"strconv"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index/store"
)

// A Status is how complete the archive in a store is: `referat status`.
// Its JSON keys are snake_case and documented in README.md.
type Status struct {
	Store    string         `json:"store"`
	Meetings int            `json:"meetings"` // stored meetings (documents), each once
	Files    map[string]int `json:"files"`    // recorded files by status: ok, failed, duplicate
	Years    []YearStatus   `json:"years"`    // ascending; year 0 holds meetings without a date
	Failed   []FailedFile   `json:"failed"`   // in path order
	// Duplicates are files that repeat a stored meeting: File's text is
	// not stored, DuplicateOf's is.
	Duplicates []Duplicate `json:"duplicates"`
	Pending    ESPending   `json:"pending_elasticsearch"`
	Outdated   []Outdated  `json:"outdated"` // files read by an older extractor (the next run reads them again)
	Gaps       []Gap       `json:"gaps"`     // months without a meeting of a body that meets regularly
}

// A YearStatus is the meetings of one year, per body.
type YearStatus struct {
	Year     int          `json:"year"`
	Meetings int          `json:"meetings"`
	Bodies   []BodyStatus `json:"bodies"` // by body
}

// A BodyStatus is the meetings of one body in one year.
type BodyStatus struct {
	Body  string   `json:"body"`  // "" when the minutes name none
	Dates []string `json:"dates"` // ISO dates, ascending; "" for meetings without a date
}

// A FailedFile is a file the last run could not read.
type FailedFile struct {
	Path  string `json:"path"`
	Cause string `json:"cause"` // as in the ingest summary's failures
	Error string `json:"error"`
}

// ESPending is what Elasticsearch has not confirmed: files whose
// documents are to be sent, and deletes.
type ESPending struct {
	Files   int      `json:"files"`
	Deletes int      `json:"deletes"`
	Paths   []string `json:"paths"` // the files, in path order
}

// A Gap is a stretch in which a body that meets regularly did not meet:
// between two meetings further apart than its cadence.
type Gap struct {
	Body          string   `json:"body"`
	CadenceMonths int      `json:"cadence_months"` // the body's usual months between meetings
	After         string   `json:"after"`          // the last meeting before the gap
	Before        string   `json:"before"`         // the first meeting after it
	Missing       []string `json:"missing"`        // the months (YYYY-MM) in which a meeting was expected
}

// ReadStatus reports on the store st, reading only.
func ReadStatus(st *store.Store) (*Status, error) {
	s := &Status{Store: st.Dir, Files: map[string]int{}, Years: []YearStatus{}, Failed: []FailedFile{},
		Duplicates: []Duplicate{}, Outdated: []Outdated{}, Gaps: []Gap{}, Pending: ESPending{Paths: []string{}}}
	err := st.Sources(func(rec *store.SourceRecord) bool {
		s.Files[rec.Status]++
		switch rec.Status {
		case store.StatusFailed:
			s.Failed = append(s.Failed, FailedFile{Path: rec.Path, Cause: rec.Cause, Error: rec.Error})
		case store.StatusDuplicate:
			s.Duplicates = append(s.Duplicates, Duplicate{File: rec.Path, DuplicateOf: rec.DuplicateOf, Similarity: rec.Similarity, TextFrom: rec.DuplicateOf})
		case store.StatusOK:
			if !rec.Synced {
				s.Pending.Files++
				s.Pending.Paths = append(s.Pending.Paths, rec.Path)
			}
			if rec.ExtractorVersion < ExtractorVersion {
				s.Outdated = append(s.Outdated, Outdated{Path: rec.Path, ExtractorVersion: rec.ExtractorVersion, Reason: "older"})
			}
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	dels, err := st.PendingDeletes(math.MaxInt)
	if err != nil {
		return nil, err
	}
	s.Pending.Deletes = len(dels)
	byBody := map[string][]string{} // body → dates
	err = st.Documents(func(d *referat.Document) bool {
		s.Meetings++
		byBody[d.Meeting.Body] = append(byBody[d.Meeting.Body], d.Meeting.Date)
		return true
	})
	if err != nil {
		return nil, err
	}
	s.Years = years(byBody)
	for _, body := range sortedBodies(byBody) {
		s.Gaps = append(s.Gaps, gaps(body, byBody[body])...)
	}
	return s, nil
}

func sortedBodies(m map[string][]string) []string {
	out := make([]string, 0, len(m))
	for b := range m {
		out = append(out, b)
	}
	sort.Strings(out)
	return out
}

// years groups the bodies' meeting dates by year.
func years(byBody map[string][]string) []YearStatus {
	by := map[int]map[string][]string{}
	for body, dates := range byBody {
		for _, d := range dates {
			y := 0
			if len(d) >= 4 {
				y, _ = strconv.Atoi(d[:4])
			}
			if by[y] == nil {
				by[y] = map[string][]string{}
			}
			by[y][body] = append(by[y][body], d)
		}
	}
	out := []YearStatus{}
	for y, bodies := range by {
		ys := YearStatus{Year: y, Bodies: []BodyStatus{}}
		for _, b := range sortedBodies(bodies) {
			dates := bodies[b]
			sort.Strings(dates)
			ys.Meetings += len(dates)
			ys.Bodies = append(ys.Bodies, BodyStatus{Body: b, Dates: dates})
		}
		out = append(out, ys)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Year < out[j].Year })
	return out
}
