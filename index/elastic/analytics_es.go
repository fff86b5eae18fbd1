package elastic

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/esapi"

	"github.com/ntlnav/referat"
	"github.com/ntlnav/referat/index"
)

// Remote answers from Elasticsearch, with aggregations where it can.
// Stems must be the analyzer's, as for indexing.
type Remote struct {
	Client *elasticsearch.Client
	Stems  index.Stemmer
	// Words stems the words that may set a year apart in Compare
	// (index.Distinguish); default (nil): Stems.
	Words index.Stemmer
}

func term(field string, v any) map[string]any {
	return map[string]any{"term": map[string]any{field: v}}
}

func boolFilter(filters ...map[string]any) map[string]any {
	var fs []map[string]any
	for _, f := range filters {
		if f != nil {
			fs = append(fs, f)
		}
	}
	return map[string]any{"bool": map[string]any{"filter": fs}}
}

func dateRange(from, to string) map[string]any {
	if from == "" && to == "" {
		return nil
	}
	r := map[string]any{}
	if from != "" {
		r["gte"] = from
	}
	if to != "" {
		r["lte"] = to
	}
	return map[string]any{"range": map[string]any{"meeting_date": r}}
}

// periodField is the field that holds a period.
func periodField(by string) string {
	switch by {
	case "month", "quarter":
		return by
	}
	return "year"
}

type bucket struct {
	Key      any `json:"key"`
	DocCount int `json:"doc_count"`
}

func keyString(k any) string {
	switch v := k.(type) {
	case float64:
		return fmt.Sprintf("%.0f", v)
	case string:
		return v
	}
	return fmt.Sprint(k)
}

// Trends counts with terms aggregations: all cases per period from the
// cases, topics per period from the (case, topic) documents.
func (r *Remote) Trends(ctx context.Context, q index.TrendQuery) (*index.Trends, error) {
	by := q.By
	if by == "" {
		by = "year"
	}
	pf := periodField(by)
	var actor map[string]any
	if q.Actor != "" {
		actor = term("actors", q.Actor)
	}
	t := &index.Trends{By: by, Totals: map[string]int{}, Counts: map[string]map[string]int{}}
	var totals struct {
		Aggregations struct {
			P struct{ Buckets []bucket }
		}
	}
	body := map[string]any{"size": 0, "query": boolFilter(dateRange(q.From, q.To), actor),
		"aggs": map[string]any{"P": map[string]any{"terms": map[string]any{"field": pf, "size": 10000}}}}
	if err := search(ctx, r.Client, Cases, body, &totals); err != nil {
		return nil, err
	}
	for _, b := range totals.Aggregations.P.Buckets {
		t.Totals[keyString(b.Key)] = b.DocCount
	}
	var topics map[string]any
	if len(q.Topics) > 0 {
		topics = map[string]any{"terms": map[string]any{"topic": q.Topics}}
	}
	var counts struct {
		Aggregations struct {
			P struct {
				Buckets []struct {
					bucket
					T struct{ Buckets []bucket }
				}
			}
		}
	}
	body = map[string]any{"size": 0, "query": boolFilter(dateRange(q.From, q.To), actor, topics),
		"aggs": map[string]any{"P": map[string]any{"terms": map[string]any{"field": pf, "size": 10000},
			"aggs": map[string]any{"T": map[string]any{"terms": map[string]any{"field": "topic", "size": 1000}}}}}}
	if err := search(ctx, r.Client, Topics, body, &counts); err != nil {
		return nil, err
	}
	for _, p := range counts.Aggregations.P.Buckets {
		for _, tb := range p.T.Buckets {
			topic := keyString(tb.Key)
			if t.Counts[topic] == nil {
				t.Counts[topic] = map[string]int{}
			}
			t.Counts[topic][keyString(p.Key)] = tb.DocCount
		}
	}
	return t.Finish(), nil
}

// scan pages through every hit of a query sorted by sort, with
// search_after.
func (r *Remote) scan(ctx context.Context, alias string, query map[string]any, sortBy []any, fn func(src json.RawMessage)) error {
	var after []any
	for {
		body := map[string]any{"size": 1000, "query": query, "sort": sortBy, "track_total_hits": false}
		if after != nil {
			body["search_after"] = after
		}
		var res struct {
			Hits struct {
				Hits []struct {
					Source json.RawMessage `json:"_source"`
					Sort   []any           `json:"sort"`
				}
			}
		}
		if err := search(ctx, r.Client, alias, body, &res); err != nil {
			return err
		}
		for _, h := range res.Hits.Hits {
			fn(h.Source)
		}
		if len(res.Hits.Hits) < 1000 {
			return nil
		}
		after = res.Hits.Hits[len(res.Hits.Hits)-1].Sort
	}
}

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
	cmp := byYear.Comparison(q)
	n := q.Terms
	if n <= 0 {
		n = 8
	}
	index.Distinguish(cmp, index.Or(r.Words, r.Stems), n)
	return cmp, nil
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

// Search matches the query's stems in the *_stems fields, so that
// inflected forms find each other on any cluster, ranks by Elasticsearch's
// score with the plain text fields as a boost, and makes snippets as
// Local does.
func (r *Remote) Search(ctx context.Context, q index.SearchQuery) (*index.SearchResult, error) {
	qs, size, res := q.Prepare(r.Stems)
	if len(qs) == 0 {
		return res, nil
	}
	joined := strings.Join(qs, " ")
	var topic, year map[string]any
	if q.Topic != "" {
		topic = term("topics", q.Topic)
	}
	if q.Year != 0 {
		year = term("year", q.Year)
	}
	run := func(alias string, stemFields, textFields []string, filters []map[string]any, hit func(id string, score float64, src json.RawMessage) index.Hit) ([]index.Hit, error) {
		body := map[string]any{"size": size, "query": map[string]any{"bool": map[string]any{
			"must":   []any{map[string]any{"multi_match": map[string]any{"query": joined, "fields": stemFields}}},
			"should": []any{map[string]any{"multi_match": map[string]any{"query": q.Text, "fields": textFields}}},
			"filter": boolFilter(filters...)["bool"].(map[string]any)["filter"],
		}}, "sort": []any{"_score", map[string]any{"meeting_date": "desc"}}}
		var sr struct {
			Hits struct {
				Hits []struct {
					ID     string          `json:"_id"`
					Score  float64         `json:"_score"`
					Source json.RawMessage `json:"_source"`
				}
			}
		}
		if err := search(ctx, r.Client, alias, body, &sr); err != nil {
			return nil, err
		}
		out := []index.Hit{}
		for _, h := range sr.Hits.Hits {
			out = append(out, hit(h.ID, h.Score, h.Source))
		}
		return out, nil
	}
	var caseActor map[string]any
	if q.Actor != "" {
		caseActor = term("actors", q.Actor)
	}
	var err error
	res.Cases, err = run(Cases, []string{"title_stems^3", "text_stems"}, []string{"title^3", "text"}, []map[string]any{topic, year, caseActor},
		func(id string, score float64, src json.RawMessage) index.Hit {
			var c struct {
				Date  string `json:"meeting_date"`
				Title string `json:"title"`
				Text  string `json:"text"`
			}
			json.Unmarshal(src, &c)
			return index.Hit{ID: id, Score: score, Date: c.Date, Title: c.Title, Snippet: index.Snippet(c.Text, qs, r.Stems)}
		})
	if err != nil {
		return nil, err
	}
	var stmtActor, stmtTopic map[string]any
	if q.Actor != "" {
		stmtActor = term("actor", q.Actor)
	}
	if q.Topic != "" {
		stmtTopic = term("case_topics", q.Topic)
	}
	res.Statements, err = run(Statements, []string{"text_stems"}, []string{"text"}, []map[string]any{stmtTopic, year, stmtActor},
		func(id string, score float64, src json.RawMessage) index.Hit {
			var s statementSource
			json.Unmarshal(src, &s)
			return index.Hit{ID: id, Score: score, Date: s.Date, Title: s.CaseTitle, Actor: s.Actor, Snippet: index.Snippet(s.Text, qs, r.Stems)}
		})
	return res, err
}

type caseSource struct {
	CaseID       string   `json:"case_id"`
	MeetingID    string   `json:"meeting_id"`
	Date         string   `json:"meeting_date"`
	Body         string   `json:"body"`
	MeetingTitle string   `json:"meeting_title"`
	Source       string   `json:"source_path"`
	Seq          int      `json:"seq"`
	Title        string   `json:"title"`
	Text         string   `json:"text"`
	Topics       []string `json:"topics"`
	Keywords     []string `json:"keywords"`
	Pages        []int    `json:"pages"`
	Thread       string   `json:"thread"`
	// Exchanges are kept in the source, not indexed.
	Exchanges []referat.Exchange `json:"exchanges"`
}

// Cases lists cases, newest first.
func (r *Remote) Cases(ctx context.Context, q index.CaseQuery) ([]index.CaseRow, error) {
	var topic, year, thread map[string]any
	if q.Topic != "" {
		topic = term("topics", q.Topic)
	}
	if q.Year != 0 {
		year = term("year", q.Year)
	}
	switch {
	case q.Thread != "":
		thread = term("thread", q.Thread)
	case q.InThread:
		thread = map[string]any{"exists": map[string]any{"field": "thread"}}
	}
	rows := []index.CaseRow{}
	err := r.scan(ctx, Cases, boolFilter(topic, year, thread), []any{map[string]any{"meeting_date": map[string]any{"order": "desc", "missing": "_last"}}, map[string]any{"case_id": "asc"}},
		func(src json.RawMessage) {
			var c caseSource
			if json.Unmarshal(src, &c) == nil {
				rows = append(rows, index.CaseRow{ID: c.CaseID, Date: c.Date, Body: c.Body, Title: c.Title,
					Topics: append([]string{}, c.Topics...), Thread: c.Thread})
			}
		})
	index.SortCaseRows(rows)
	if q.Limit > 0 && len(rows) > q.Limit {
		rows = rows[:q.Limit]
	}
	return rows, err
}

// Case assembles one case from its case, topic and statement documents.
func (r *Remote) Case(ctx context.Context, id string) (*index.CaseDetail, error) {
	b, err := do(ctx, r.Client, esapi.GetRequest{Index: Cases, DocumentID: id})
	if IsNotFound(err) {
		return nil, fmt.Errorf("%w: %s", index.ErrNoCase, id)
	}
	if err != nil {
		return nil, err
	}
	var doc struct {
		Source caseSource `json:"_source"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, err
	}
	c := doc.Source
	out := &index.CaseDetail{ID: id, Source: c.Source,
		Meeting: referat.Meeting{Date: c.Date, Body: c.Body, Title: c.MeetingTitle},
		Case: referat.Case{Seq: c.Seq, Title: c.Title, Text: c.Text, Paragraphs: strings.Split(c.Text, "\n\n"), Pages: c.Pages, Keywords: c.Keywords,
			Thread: c.Thread, Exchanges: c.Exchanges}}
	if c.Text == "" {
		out.Case.Paragraphs = []string{}
	}
	if mb, err := do(ctx, r.Client, esapi.GetRequest{Index: Meetings, DocumentID: c.MeetingID}); err == nil {
		var m struct {
			Source struct {
				DateSource string `json:"date_source"`
			} `json:"_source"`
		}
		json.Unmarshal(mb, &m)
		out.Meeting.DateSource = m.Source.DateSource
	}
	var topics []referat.Topic
	err = r.scan(ctx, Topics, boolFilter(term("case_id", id)), []any{map[string]any{"score": "desc"}, map[string]any{"topic": "asc"}},
		func(src json.RawMessage) {
			var t struct {
				Topic    string             `json:"topic"`
				Label    string             `json:"topic_label"`
				Score    float64            `json:"score"`
				Evidence map[string]int     `json:"evidence"`
				Support  []referat.Evidence `json:"sentences"`
			}
			if json.Unmarshal(src, &t) == nil {
				topics = append(topics, referat.Topic{ID: t.Topic, Label: t.Label, Score: t.Score, Terms: t.Evidence, Evidence: t.Support})
			}
		})
	if err != nil {
		return nil, err
	}
	// Topics in the order analysis gave them: by score, ties as listed on the case.
	order := map[string]int{}
	for i, t := range c.Topics {
		order[t] = i
	}
	sort.SliceStable(topics, func(i, j int) bool { return order[topics[i].ID] < order[topics[j].ID] })
	out.Case.Topics = topics
	err = r.scan(ctx, Statements, boolFilter(term("case_id", id)), []any{map[string]any{"position": "asc"}},
		func(src json.RawMessage) {
			var s statementSource
			if json.Unmarshal(src, &s) == nil {
				out.Case.Statements = append(out.Case.Statements, referat.Statement{Actor: s.Actor, Kind: s.Kind, Text: s.Text,
					Start: s.Start, End: s.End, Topics: s.Topics})
			}
		})
	if err != nil {
		return nil, err
	}
	out.Thread = []index.CaseRow{}
	if c.Thread != "" {
		rows, err := r.Cases(ctx, index.CaseQuery{Thread: c.Thread})
		if err != nil {
			return nil, err
		}
		out.Thread = index.ThreadOthers(rows, id)
	}
	return out, nil
}
