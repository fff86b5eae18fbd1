package index

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/ntlnav/referat"
)

// The aliases the documents go into, one per kind of document.
const (
	Meetings   = "referat-meetings"   // one document per source file
	Cases      = "referat-cases"      // one per case
	Statements = "referat-statements" // one per statement
	Topics     = "referat-topics"     // one per (case, topic), for charts
)

// A Stemmer returns the stems of the words of a text, as analysis makes
// them; they are indexed beside the text. The caller supplies it (package
// analyze has one), so that this package does not depend on analysis.
type Stemmer func(text string) []string

// An Action is one bulk operation: index Doc under ID, or delete ID.
type Action struct {
	Index  string // an alias
	ID     string
	Doc    json.RawMessage // nil for a delete
	Delete bool
}

// MeetingID returns the id of the meeting document of a source file.
func MeetingID(sha256 string) string { return shortHash(sha256) }

// CaseID returns the id of case seq of a source file.
func CaseID(sha256 string, seq int) string { return fmt.Sprintf("%s-%03d", shortHash(sha256), seq) }

func shortHash(sha string) string {
	if len(sha) > 32 {
		return sha[:32]
	}
	return sha
}

// TopicID returns the id of a case's (case, topic) document.
func TopicID(caseID, topic string) string { return caseID + "-" + topic }

// DocRefs returns the documents Docs makes for d, without making them.
func DocRefs(d *referat.Document) []Ref {
	sha := d.Source.SHA256
	refs := []Ref{{Meetings, MeetingID(sha)}}
	for _, c := range d.Cases {
		cid := CaseID(sha, c.Seq)
		refs = append(refs, Ref{Cases, cid})
		for i := range c.Statements {
			refs = append(refs, Ref{Statements, StatementID(cid, i+1)})
		}
		for _, t := range c.Topics {
			refs = append(refs, Ref{Topics, TopicID(cid, t.ID)})
		}
	}
	return refs
}

// StatementID returns the id of statement n (1-based) of a case.
func StatementID(caseID string, n int) string { return fmt.Sprintf("%s-s%03d", caseID, n) }

func uniqueStrings(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// Docs returns the actions that index d: its meeting, cases, statements
// and (case, topic) documents. Ids are derived from the source's SHA-256,
// so the same file always makes the same ids.
func Docs(d *referat.Document, stems Stemmer) []Action {
	sha := d.Source.SHA256
	mid := MeetingID(sha)
	m := docMaker{stems: stems, common: map[string]any{
		"meeting_id":       mid,
		"body":             d.Meeting.Body,
		"meeting_title":    d.Meeting.Title,
		"source_path":      d.Source.Path,
		"source_sha256":    sha,
		"pipeline_version": referat.Version,
		"taxonomy_version": d.TaxonomyVersion,
	}}
	if date := d.Meeting.Date; len(date) == 10 {
		m.common["meeting_date"] = date
		var y, mon int
		fmt.Sscanf(date, "%d-%d", &y, &mon)
		m.common["year"] = y
		m.common["quarter"] = fmt.Sprintf("%d-Q%d", y, (mon-1)/3+1)
		m.common["month"] = date[:7]
	}
	acts := []Action{{Index: Meetings, ID: mid, Doc: m.with(map[string]any{
		"title": d.Meeting.Title, "pages": d.Source.Pages, "producer": d.Source.Producer,
		"date_source": d.Meeting.DateSource, "intro": d.Intro, "case_count": len(d.Cases),
		"attendees": nonNil(d.Meeting.Attendees), "absent": nonNil(d.Meeting.Absent),
		"minutes_taker": d.Meeting.MinutesTaker, "chair": d.Meeting.Chair, "place": d.Meeting.Place, "time": d.Meeting.Time,
	})}}
	for i := range d.Cases {
		acts = m.caseDocs(acts, CaseID(sha, d.Cases[i].Seq), &d.Cases[i])
	}
	return acts
}

// A docMaker makes the documents of one meeting: each has the meeting's
// common fields.
type docMaker struct {
	common map[string]any
	stems  Stemmer
}

// with returns a document of the common fields and fields.
func (m docMaker) with(fields map[string]any) json.RawMessage {
	doc := make(map[string]any, len(m.common)+len(fields))
	for k, v := range m.common {
		doc[k] = v
	}
	for k, v := range fields {
		doc[k] = v
	}
	b, _ := json.Marshal(doc) // maps of strings, numbers and slices of them always marshal
	return b
}

// joined returns the stems of s, space-separated, or "" without a Stemmer.
func (m docMaker) joined(s string) string {
	if m.stems == nil {
		return ""
	}
	return strings.Join(m.stems(s), " ")
}

// caseDocs appends the actions that index case c (id cid): the case, its
// statements and its (case, topic) documents.
func (m docMaker) caseDocs(acts []Action, cid string, c *referat.Case) []Action {
	var topics []string
	for _, t := range c.Topics {
		topics = append(topics, t.ID)
	}
	actors := map[string]bool{}
	byTopic := map[string]map[string]int{}
	for _, s := range c.Statements {
		actors[s.Actor] = true
		for _, t := range s.Topics {
			if byTopic[t] == nil {
				byTopic[t] = map[string]int{}
			}
			byTopic[t][s.Actor]++
		}
	}
	actorList := sortedKeys(actors)
	caseDoc := map[string]any{
		"case_id": cid, "seq": c.Seq, "number": c.Number, "title": c.Title, "title_stems": m.joined(c.Title), "decision": c.Decision,
		"text": c.Text, "text_stems": m.joined(c.Text), "topics": nonNil(topics), "keywords": nonNil(c.Keywords),
		"actors": actorList, "pages": c.Pages, "statement_count": len(c.Statements),
		"exchanges": nonNilExchanges(c.Exchanges),
	}
	if c.Thread != "" {
		caseDoc["thread"] = c.Thread // absent, not "", when there is none: exists finds the cases in threads
	}
	acts = append(acts, Action{Index: Cases, ID: cid, Doc: m.with(caseDoc)})
	for i, s := range c.Statements {
		var st []string // every stem in order (phrases need them), once
		if m.stems != nil {
			st = m.stems(s.Text)
		}
		acts = append(acts, Action{Index: Statements, ID: StatementID(cid, i+1), Doc: m.with(map[string]any{
			"case_id": cid, "case_seq": c.Seq, "case_title": c.Title, "actor": s.Actor, "kind": s.Kind,
			"actor_kind": s.Actor + " / " + s.Kind, "text": s.Text, "text_stems": strings.Join(st, " "), "stems": nonNil(uniqueStrings(st)), "topics": nonNil(s.Topics),
			"position": i + 1, "case_topics": nonNil(topics), "actors": actorList, "start": s.Start, "end": s.End,
		})})
	}
	for _, t := range c.Topics {
		terms := make([]string, 0, len(t.Terms))
		for term := range t.Terms {
			terms = append(terms, term)
		}
		sort.Strings(terms)
		acts = append(acts, Action{Index: Topics, ID: TopicID(cid, t.ID), Doc: m.with(map[string]any{
			"case_id": cid, "case_seq": c.Seq, "case_title": c.Title, "topic": t.ID, "topic_label": t.Label,
			"score": t.Score, "terms": terms, "actors": actorList, "evidence": t.Terms, "sentences": t.Evidence,
			"statements_ntl":          byTopic[t.ID][referat.ActorNTL],
			"statements_arbeidsgiver": byTopic[t.ID][referat.ActorArbeidsgiver],
			"statements_andre":        byTopic[t.ID][referat.ActorAndre],
		})})
	}
	return acts
}

// Deletes returns the actions that delete the documents with the given
// ids, as Refs records them.
func Deletes(refs []Ref) []Action {
	out := make([]Action, len(refs))
	for i, r := range refs {
		out[i] = Action{Index: r.Index, ID: r.ID, Delete: true}
	}
	return out
}

// A Ref names one indexed document.
type Ref struct {
	Index string `json:"index"`
	ID    string `json:"id"`
}

// Refs returns the documents the actions write.
func Refs(acts []Action) []Ref {
	var out []Ref
	for _, a := range acts {
		if !a.Delete {
			out = append(out, Ref{a.Index, a.ID})
		}
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func nonNilExchanges(e []referat.Exchange) []referat.Exchange {
	if e == nil {
		return []referat.Exchange{}
	}
	return e
}
