package report

import (
	"context"
	"sort"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index"
)

// EvidenceCases is how many of a topic's newest cases the page shows with
// the sentences that gave them the topic; EvidenceSentences is how many
// sentences of each.
const (
	EvidenceCases     = 3
	EvidenceSentences = 3
)

// A CaseEvidence is one case of a topic with the sentences that gave it
// the topic (the title first when it names the topic) and the taxonomy
// terms they hold.
type CaseEvidence struct {
	Date, Title string
	Sentences   []string
	Terms       []string
}

// collectEvidence asks a for the newest EvidenceCases cases of the topic
// and returns their evidence sentences.
func collectEvidence(ctx context.Context, a index.Analytics, topic string) ([]CaseEvidence, error) {
	rows, err := a.Cases(ctx, index.CaseQuery{Topic: topic, Limit: EvidenceCases})
	if err != nil {
		return nil, err
	}
	var out []CaseEvidence
	for _, r := range rows {
		d, err := a.Case(ctx, r.ID)
		if err != nil {
			return nil, err
		}
		if ce, ok := evidenceOf(d.Meeting.Date, &d.Case, topic); ok {
			out = append(out, ce)
		}
	}
	return out, nil
}

// evidenceOf returns the evidence of the topic in c; false when c has no
// evidence for it (a case analysed before topics kept their sentences).
func evidenceOf(date string, c *referat.Case, topic string) (CaseEvidence, bool) {
	ce := CaseEvidence{Date: date, Title: c.Title}
	terms := map[string]bool{}
	for _, t := range c.Topics {
		if t.ID != topic {
			continue
		}
		for _, e := range t.Evidence {
			src := c.Text
			if e.Title {
				src = c.Title
			}
			if e.Start < 0 || e.End > len(src) || e.Start >= e.End {
				continue
			}
			if len(ce.Sentences) < EvidenceSentences {
				ce.Sentences = append(ce.Sentences, src[e.Start:e.End])
			}
			for _, w := range e.Terms {
				terms[w] = true
			}
		}
	}
	for w := range terms {
		ce.Terms = append(ce.Terms, w)
	}
	sort.Strings(ce.Terms)
	return ce, len(ce.Sentences) > 0
}

// An evidenceView is a case's evidence as the page shows it.
type evidenceView struct {
	About, Terms string
	Sentences    []string
}
