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
	phrases := q.Phrases(r.Stems)
	var topic, year map[string]any
	if q.Topic != "" {
		topic = term("topics", q.Topic)
	}
	if q.Year != 0 {
		year = term("year", q.Year)
	}
	run := func(alias string, stemFields, textFields []string, filters []map[string]any, hit func(id string, score float64, src json.RawMessage) index.Hit) ([]index.Hit, error) {
		must := []any{map[string]any{"multi_match": map[string]any{"query": joined, "fields": stemFields}}}
		for _, p := range phrases {
			// Each phrase's stems together and in order, in one of the
			// fields (index.HasPhrases is the same test in the store).
			must = append(must, map[string]any{"multi_match": map[string]any{"query": strings.Join(p, " "), "type": "phrase", "fields": stemFields}})
		}
		body := map[string]any{"size": size, "query": map[string]any{"bool": map[string]any{
			"must":   must,
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
	Number       string   `json:"number"`
	Title        string   `json:"title"`
	Decision     string   `json:"decision"`
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
	var topic, year, thread, number map[string]any
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
	if q.Number != "" {
		number = term("number", q.Number)
	}
	rows := []index.CaseRow{}
	err := r.scan(ctx, Cases, boolFilter(topic, year, thread, number), []any{map[string]any{"meeting_date": map[string]any{"order": "desc", "missing": "_last"}}, map[string]any{"case_id": "asc"}},
		func(src json.RawMessage) {
			var c caseSource
			if json.Unmarshal(src, &c) == nil {
				rows = append(rows, index.CaseRow{ID: c.CaseID, Date: c.Date, Body: c.Body, Number: c.Number, Title: c.Title,
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
		Meeting: referat.Meeting{Date: c.Date, Body: c.Body, Title: c.MeetingTitle, Attendees: []string{}, Absent: []string{}},
		Case: referat.Case{Seq: c.Seq, Number: c.Number, Title: c.Title, Decision: c.Decision, Text: c.Text, Paragraphs: strings.Split(c.Text, "\n\n"), Pages: c.Pages, Keywords: c.Keywords,
			Thread: c.Thread, Exchanges: c.Exchanges}}
	if c.Text == "" {
		out.Case.Paragraphs = []string{}
	}
	if mb, err := do(ctx, r.Client, esapi.GetRequest{Index: Meetings, DocumentID: c.MeetingID}); err == nil {
		var m struct {
			Source struct {
				DateSource   string   `json:"date_source"`
				Attendees    []string `json:"attendees"`
				Absent       []string `json:"absent"`
				MinutesTaker string   `json:"minutes_taker"`
				Chair        string   `json:"chair"`
				Place        string   `json:"place"`
				Time         string   `json:"time"`
			} `json:"_source"`
		}
		json.Unmarshal(mb, &m)
		s := m.Source
		out.Meeting.DateSource = s.DateSource
		out.Meeting.Attendees, out.Meeting.Absent = nonNilStrings(s.Attendees), nonNilStrings(s.Absent)
		out.Meeting.MinutesTaker, out.Meeting.Chair, out.Meeting.Place, out.Meeting.Time = s.MinutesTaker, s.Chair, s.Place, s.Time
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

// nonNilStrings returns s, or an empty slice for nil, as the local store
// gives it.
func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
