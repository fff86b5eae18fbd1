package store

// DocStats are the counts of one stored document that a run's summary
// adds up.
type DocStats struct {
	Date  string      // the meeting's date, ISO 8601, or ""
	Cases []CaseStats // one per case
}

// CaseStats are the counts of one case.
type CaseStats struct {
	Topics     []string // topic ids
	Statements int
}

// statsDoc is the part of a stored referat.Document that DocStats needs:
// decoding only it skips the text, which made a re-run that changed
// nothing spend most of its time decoding every document whole.
type statsDoc struct {
	Meeting struct {
		Date string `json:"date"`
	} `json:"meeting"`
	Cases []struct {
		Topics []struct {
			ID string `json:"id"`
		} `json:"topics"`
		Statements []struct{} `json:"statements"`
	} `json:"cases"`
}

// EachDocStats calls fn with the counts of every stored document, in hash
// order, until fn returns false: Documents for when only the counts
// matter.
func (s *Store) EachDocStats(fn func(*DocStats) bool) error {
	return each(s, bucketDocuments, func(_ []byte, d *statsDoc) bool {
		st := DocStats{Date: d.Meeting.Date, Cases: make([]CaseStats, len(d.Cases))}
		for i, c := range d.Cases {
			st.Cases[i].Statements = len(c.Statements)
			for _, t := range c.Topics {
				st.Cases[i].Topics = append(st.Cases[i].Topics, t.ID)
			}
		}
		return fn(&st)
	})
}
