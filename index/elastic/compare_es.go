package elastic

import (
	"context"
	"encoding/json"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index"
)

// statementSource is a statement document as Compare reads it.
type statementSource struct {
	CaseID    string   `json:"case_id"`
	Date      string   `json:"meeting_date"`
	Year      int      `json:"year"`
	CaseTitle string   `json:"case_title"`
	Actor     string   `json:"actor"`
	Kind      string   `json:"kind"`
	Text      string   `json:"text"`
	Position  int      `json:"position"`
	Topics    []string `json:"topics"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
}

// Compare reads the statements whose own topics include the topic, then
// the statements and exchanges of their cases, and sets the terms that
// set each year apart with the same code as the local store, so that both
// give the same answer.
func (r *Remote) Compare(ctx context.Context, q index.CompareQuery) (*index.Comparison, error) {
	var years map[string]any
	if len(q.Years) > 0 {
		years = map[string]any{"terms": map[string]any{"year": q.Years}}
	}
	topic := term("topics", q.Topic)
	byYear := index.YearGroups{}
	caseYear := map[string]int{}
	var caseIDs []string
	order := []any{map[string]any{"meeting_date": "asc"}, map[string]any{"case_id": "asc"}, map[string]any{"position": "asc"}}
	err := r.scan(ctx, Statements, boolFilter(topic, years, map[string]any{"exists": map[string]any{"field": "year"}}), order,
		func(src json.RawMessage) {
			var s statementSource
			if json.Unmarshal(src, &s) != nil {
				return
			}
			if _, ok := caseYear[s.CaseID]; !ok {
				caseYear[s.CaseID] = s.Year
				caseIDs = append(caseIDs, s.CaseID)
			}
			if q.Actor == "" || s.Actor == q.Actor {
				byYear.Add(s.Year, statementRow(s))
			}
		})
	if err != nil {
		return nil, err
	}
	for start := 0; start < len(caseIDs); start += 500 {
		batch := caseIDs[start:min(start+500, len(caseIDs))]
		if err := r.caseExchanges(ctx, batch, q.Topic, caseYear, byYear); err != nil {
			return nil, err
		}
	}
	return byYear.Compare(q, index.Or(r.Words, r.Stems)), nil
}

func statementRow(s statementSource) index.StatementRow {
	topics := s.Topics
	if topics == nil {
		topics = []string{}
	}
	return index.StatementRow{ID: index.StatementID(s.CaseID, s.Position), CaseID: s.CaseID, Date: s.Date,
		CaseTitle: s.CaseTitle, Actor: s.Actor, Kind: s.Kind, Text: s.Text, Topics: topics}
}

// caseExchanges files the exchanges on topic of the cases ids.
func (r *Remote) caseExchanges(ctx context.Context, ids []string, topic string, caseYear map[string]int, byYear index.YearGroups) error {
	stmts := map[string][]index.StatementRow{}
	err := r.scan(ctx, Statements, boolFilter(map[string]any{"terms": map[string]any{"case_id": ids}}),
		[]any{map[string]any{"case_id": "asc"}, map[string]any{"position": "asc"}},
		func(src json.RawMessage) {
			var s statementSource
			if json.Unmarshal(src, &s) == nil {
				stmts[s.CaseID] = append(stmts[s.CaseID], statementRow(s))
			}
		})
	if err != nil {
		return err
	}
	return r.scan(ctx, Cases, boolFilter(map[string]any{"terms": map[string]any{"case_id": ids}}),
		[]any{map[string]any{"case_id": "asc"}},
		func(src json.RawMessage) {
			var c struct {
				CaseID    string             `json:"case_id"`
				Exchanges []referat.Exchange `json:"exchanges"`
			}
			if json.Unmarshal(src, &c) == nil {
				byYear.AddExchanges(caseYear[c.CaseID], index.CaseExchanges(stmts[c.CaseID], c.Exchanges, topic))
			}
		})
}
