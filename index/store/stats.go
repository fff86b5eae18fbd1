package store

import (
	bolt "go.etcd.io/bbolt"

	"github.com/ntlnav/referat/index"
)

// DocStats are the few fields of one stored document that a run's
// summary adds up, thread linking compares, and a file of stored content
// needs for its record (the ids of its documents: DocRefs).
type DocStats struct {
	SHA256 string `json:"-"`              // the document's key: its file's content hash
	Date   string `json:"date,omitempty"` // the meeting's date, ISO 8601, or ""
	// Heading is the meeting's heading (referat.Meeting.Title), which
	// names the body that met, or ""; "" also in docstats kept before it
	// was (linking then reads no unit).
	Heading         string      `json:"heading,omitempty"`
	TaxonomyVersion string      `json:"taxonomy_version,omitempty"`
	Cases           []CaseStats `json:"cases"` // one per case
}

// CaseStats are the counts and names of one case.
type CaseStats struct {
	Seq        int      `json:"seq"`
	Title      string   `json:"title,omitempty"`
	Thread     string   `json:"thread,omitempty"`
	Topics     []string `json:"topics,omitempty"` // topic ids
	Statements int      `json:"statements,omitempty"`
}

// statsDoc is the part of a stored referat.Document that DocStats needs,
// for a store whose docstats were not yet derived: decoding only it skips
// the text.
type statsDoc struct {
	TaxonomyVersion string `json:"taxonomy_version"`
	Meeting         struct {
		Date  string `json:"date"`
		Title string `json:"title"`
	} `json:"meeting"`
	Cases []struct {
		Seq    int    `json:"seq"`
		Title  string `json:"title"`
		Thread string `json:"thread"`
		Topics []struct {
			ID string `json:"id"`
		} `json:"topics"`
		Statements []struct{} `json:"statements"`
	} `json:"cases"`
}

func (d *statsDoc) stats(sha string) *DocStats {
	st := &DocStats{SHA256: sha, Date: d.Meeting.Date, Heading: d.Meeting.Title, TaxonomyVersion: d.TaxonomyVersion, Cases: make([]CaseStats, len(d.Cases))}
	for i, c := range d.Cases {
		st.Cases[i].Seq, st.Cases[i].Title, st.Cases[i].Thread = c.Seq, c.Title, c.Thread
		st.Cases[i].Statements = len(c.Statements)
		for _, t := range c.Topics {
			st.Cases[i].Topics = append(st.Cases[i].Topics, t.ID)
		}
	}
	return st
}

// EachDocStats calls fn with the counts and case names of every stored
// document, in hash order, until fn returns false: Documents for when
// only the counts matter. It reads the docstats kept beside the documents
// (a few hundred bytes each), not the documents; a store without them
// (not opened by a writer since they were kept) has its documents
// decoded in part.
func (s *Store) EachDocStats(fn func(*DocStats) bool) error {
	return s.scan(func(tx *bolt.Tx) error {
		stats := tx.Bucket(bucketDocStats)
		scan := tx.Bucket(bucketDocuments)
		if stats != nil {
			scan = stats // the same keys (txn.putDocument, txn.deleteDocument)
		}
		return s.eachTrimmed(tx, scan, func(k, v []byte) error {
			st, err := s.docStatsIn(stats, k, v)
			if err != nil {
				return err
			}
			if !fn(st) {
				return errStop
			}
			return nil
		})
	})
}

// docStatsIn returns the DocStats of the document sha whose stored value
// is v, from the docstats bucket stats when it has them (stats may be
// nil), else from the document.
func (s *Store) docStatsIn(stats *bolt.Bucket, sha, v []byte) (*DocStats, error) {
	if stats != nil {
		if b := stats.Get(sha); b != nil {
			st := &DocStats{SHA256: string(sha)}
			if err := s.decode(b, st); err != nil {
				return nil, err
			}
			if st.Cases == nil {
				st.Cases = []CaseStats{}
			}
			return st, nil
		}
	}
	var d statsDoc
	if err := s.decode(v, &d); err != nil {
		return nil, err
	}
	return d.stats(string(sha)), nil
}

// sha, refs and taxonomy are the hash of p's document, the ids of the
// documents it makes and its taxonomy version: from its DocStats when it
// comes encoded, else from Doc.
func (p *Parsed) sha() string {
	if p.JSON != nil {
		return p.Stats.SHA256
	}
	return p.Doc.Source.SHA256
}

func (p *Parsed) refs() []index.Ref {
	if p.JSON != nil {
		return p.Stats.refs()
	}
	return index.DocRefs(p.Doc)
}

func (p *Parsed) taxonomy() string {
	if p.JSON != nil {
		return p.Stats.TaxonomyVersion
	}
	return p.Doc.TaxonomyVersion
}
