package pipeline

import (
	"strconv"

	"github.com/ntlnav/referat/index/store"
)

// tally counts what the store holds, and the files Elasticsearch has not
// confirmed.
func (r *run) tally() error {
	sum := r.sum
	sum.TopicsByYear = map[int]map[string]int{}
	if sum.ES != nil {
		pending, err := r.db.CountUnconfirmed()
		if err != nil {
			return err
		}
		sum.ES.Pending = pending
	}
	version := r.opts.Analyzer.Version()
	return r.db.EachDocStats(func(d *store.DocStats) bool {
		sum.Meetings++
		if d.TaxonomyVersion != version {
			sum.OtherAnalysis++
		}
		sum.Cases += len(d.Cases)
		year := 0
		if len(d.Date) >= 4 {
			year, _ = strconv.Atoi(d.Date[:4]) // 0 when the date is not ISO
		}
		for _, c := range d.Cases {
			sum.Statements += c.Statements
			sum.Topics += len(c.Topics)
			for _, t := range c.Topics {
				if sum.TopicsByYear[year] == nil {
					sum.TopicsByYear[year] = map[string]int{}
				}
				sum.TopicsByYear[year][t]++
			}
		}
		return true
	})
}
