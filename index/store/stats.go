package store

// DocStats are the few fields of one stored document that a run's
// summary adds up and thread linking compares.
type DocStats struct {
	SHA256 string      // the document's key: its file's content hash
	Date   string      // the meeting's date, ISO 8601, or ""
	Cases  []CaseStats // one per case
}

// CaseStats are the counts and names of one case.
type CaseStats struct {
	Seq        int
	Title      string
	Thread     string
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
		Seq    int    `json:"seq"`
		Title  string `json:"title"`
		Thread string `json:"thread"`
		Topics []struct {
			ID string `json:"id"`
		} `json:"topics"`
		Statements []struct{} `json:"statements"`
	} `json:"cases"`
}

// EachDocStats calls fn with the counts and case names of every stored document, in hash
// order, until fn returns false: Documents for when only the counts
// matter.
func (s *Store) EachDocStats(fn func(*DocStats) bool) error {
	return each(s, bucketDocuments, func(key []byte, d *statsDoc) bool {
		st := DocStats{SHA256: string(key), Date: d.Meeting.Date, Cases: make([]CaseStats, len(d.Cases))}
		for i, c := range d.Cases {
			st.Cases[i].Seq, st.Cases[i].Title, st.Cases[i].Thread = c.Seq, c.Title, c.Thread
			st.Cases[i].Statements = len(c.Statements)
			for _, t := range c.Topics {
				st.Cases[i].Topics = append(st.Cases[i].Topics, t.ID)
			}
		}
		return fn(&st)
	})
}
