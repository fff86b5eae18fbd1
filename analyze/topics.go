package analyze

import (
	"sort"

	"github.com/ntlnav/referat"
)

// sentenceTopic is what one sentence says for one topic.
type sentenceTopic struct {
	own, weak []string // distinct terms, in order of appearance
}

// strength is what the sentence counts for the topic: 1 for each
// distinct own term, a half for each distinct weak term.
func (s *sentenceTopic) strength() float64 {
	return float64(len(s.own)) + 0.5*float64(len(s.weak))
}

// supports reports whether the sentence is about the topic: it holds one
// of the topic's own terms, or two of its weak terms.
func (s *sentenceTopic) supports() bool { return len(s.own) > 0 || len(s.weak) >= 2 }

// strong reports whether the sentence alone gives the topic: several
// distinct terms, at least one of them the topic's own.
func (s *sentenceTopic) strong() bool { return len(s.own) > 0 && s.strength() >= 2 }

func (s *sentenceTopic) terms() []string {
	return append(append([]string(nil), s.own...), s.weak...)
}

// sentenceTopics returns, for each topic index, what the sentence s says.
func (a *Analyzer) sentenceTopics(s string) map[int]*sentenceTopic {
	out := map[int]*sentenceTopic{}
	for _, h := range a.terms.find(Tokens(s)) {
		st := out[h.ref.topic]
		if st == nil {
			st = &sentenceTopic{}
			out[h.ref.topic] = st
		}
		list := &st.own
		if h.ref.weak {
			list = &st.weak
		}
		if !contains(*list, h.ref.term) {
			*list = append(*list, h.ref.term)
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Topics returns the topics of a case with the given title and text,
// highest score first (then in taxonomy order), each with its evidence
// sentences. Text is scored sentence by sentence: a sentence supports a
// topic when it holds one of the topic's own terms or two of its weak
// terms, and is strong when it holds two distinct terms or more, one of
// them the topic's own. A case has a topic when the title supports it,
// when one sentence is strong, when an actor's statement supports it, or
// when Options.MinSentences sentences support it: a passing word in a
// narrative sentence is not enough. The score is Options.TitleWeight
// for the title plus each supporting sentence's strength.
func (a *Analyzer) Topics(title, text string) []referat.Topic {
	return a.topics(title, text, a.Statements(text))
}

// topics is Topics with the text's statements already found: one
// supporting sentence gives a topic when it is an actor's statement (a
// party raised the matter), and a title with one weak term gives it with
// one supporting sentence.
func (a *Analyzer) topics(title, text string, stmts []referat.Statement) []referat.Topic {
	said := map[int]bool{}
	for _, s := range stmts {
		said[s.Start] = true
	}
	type acc struct {
		score    float64
		given    bool
		single   bool
		support  int
		terms    map[string]int
		evidence []referat.Evidence
	}
	accs := map[int]*acc{}
	get := func(i int) *acc {
		if accs[i] == nil {
			accs[i] = &acc{terms: map[string]int{}}
		}
		return accs[i]
	}
	titleWeak := map[int]bool{}
	for i, st := range a.sentenceTopics(title) {
		if !st.supports() {
			titleWeak[i] = true // one weak term: given with one supporting sentence
			continue
		}
		t := get(i)
		t.given = true
		t.score += a.opts.TitleWeight
		t.evidence = append(t.evidence, referat.Evidence{Title: true, Start: 0, End: len(title), Terms: st.terms(), Strong: true})
		for _, w := range st.terms() {
			t.terms[w]++
		}
	}
	for _, sp := range Sentences(text) {
		for i, st := range a.sentenceTopics(text[sp.Start:sp.End]) {
			if !st.supports() {
				continue
			}
			t := get(i)
			t.support++
			t.score += st.strength()
			strong := st.strong()
			if strong {
				t.given = true
			}
			if st.supports() && said[sp.Start] {
				t.single = true
			}
			t.evidence = append(t.evidence, referat.Evidence{Start: sp.Start, End: sp.End, Terms: st.terms(), Strong: strong})
			for _, w := range st.terms() {
				t.terms[w]++
			}
		}
	}
	var out []referat.Topic
	for i, d := range a.tax.Topics {
		t := accs[i]
		if t == nil || !t.given && !t.single && !(titleWeak[i] && t.support > 0) && t.support < a.opts.MinSentences {
			continue
		}
		out = append(out, referat.Topic{ID: d.ID, Label: d.Label, Score: t.score, Terms: t.terms, Evidence: t.evidence})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// supportedIn returns the ids of the topics the sentence s supports, in
// taxonomy order.
func (a *Analyzer) supportedIn(s string) []string {
	sts := a.sentenceTopics(s)
	var ids []string
	for i, d := range a.tax.Topics {
		if st := sts[i]; st != nil && st.supports() {
			ids = append(ids, d.ID)
		}
	}
	return ids
}

// statementTopics narrows each statement's topics to the case's: a
// statement keeps the topics it supports itself that the case has, and a
// statement that supports none of them is about what the title names
// (in "Budsjett 2018", "NTL ba om en oversikt." is about the budget).
func statementTopics(c *referat.Case) {
	caseTopic := map[string]bool{}
	var titled []string
	for _, t := range c.Topics {
		caseTopic[t.ID] = true
		if len(t.Evidence) > 0 && t.Evidence[0].Title {
			titled = append(titled, t.ID)
		}
	}
	for i := range c.Statements {
		s := &c.Statements[i]
		var keep []string
		for _, id := range s.Topics {
			if caseTopic[id] {
				keep = append(keep, id)
			}
		}
		if len(keep) == 0 {
			keep = append(keep, titled...)
		}
		s.Topics = keep
	}
}
