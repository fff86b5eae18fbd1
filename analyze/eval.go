package analyze

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ntlnav/referat"
)

// A GoldMeeting is an annotated meeting, as described in
// testdata/samples/FORMAT.md: cases with their gold topics and the actor
// of every statement.
type GoldMeeting struct {
	ID     string     `json:"id"`
	Date   string     `json:"date"`
	Body   string     `json:"body"`
	Header string     `json:"header"` // the first line printed on page 1
	Intro  string     `json:"intro"`
	Cases  []GoldCase `json:"cases"`
	// Batch is the batch the meeting's file belongs to (see BatchOf),
	// set by LoadGold from the file's name; "" for none.
	Batch string `json:"-"`
	// Passage marks a labelled passage read by LoadGold from a JSON
	// Lines file (testdata/annotated/passages): one case of one paragraph,
	// with no title and no statements. Passages are training data only:
	// the models learn from them, Evaluate and the cross-validations never
	// score them, and they belong to no batch.
	Passage bool `json:"-"`
}

// A GoldCase is an annotated case.
type GoldCase struct {
	Title      string          `json:"title"`
	Paragraphs []string        `json:"paragraphs"`
	Topics     []string        `json:"topics"`
	Statements []GoldStatement `json:"statements"`
	// Extensions of testdata/annotated (see its README); empty elsewhere.
	Number    string             `json:"number"`
	Decision  string             `json:"decision"`
	Thread    string             `json:"thread"`
	Exchanges []referat.Exchange `json:"exchanges"`
}

// A GoldStatement is a sentence and the actor who states it.
type GoldStatement struct {
	Actor    string `json:"actor"`
	Sentence string `json:"sentence"`
}

// LoadGold reads annotated meetings: files, or every *.json in folders;
// and labelled passages: files, or every *.jsonl in folders, each line
// {"text": "...", "topics": ["..."]}, one GoldMeeting (Passage) per line
// with the id "<file stem>:<line>" (lines 1-indexed). Folders are read
// in the order given, files in a folder by name.
func LoadGold(paths ...string) ([]GoldMeeting, error) {
	var out []GoldMeeting
	for _, p := range paths {
		files := []string{p}
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			files = nil
			for _, pattern := range []string{"*.json", "*.jsonl"} {
				m, err := filepath.Glob(filepath.Join(p, pattern))
				if err != nil {
					return nil, err
				}
				files = append(files, m...)
			}
			sort.Strings(files)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			base := filepath.Base(f)
			stem := strings.TrimSuffix(base, filepath.Ext(base))
			if filepath.Ext(base) == ".jsonl" {
				ps, err := parsePassages(stem, b)
				if err != nil {
					return nil, fmt.Errorf("%s:%w", f, err)
				}
				out = append(out, ps...)
				continue
			}
			var m GoldMeeting
			if err := json.Unmarshal(b, &m); err != nil {
				return nil, fmt.Errorf("%s: %w", f, err)
			}
			if m.ID == "" {
				m.ID = stem
			}
			m.Batch = BatchOf(stem)
			out = append(out, m)
		}
	}
	return out, nil
}

// A passage is one line of a passages file.
type passage struct {
	Text   string   `json:"text"`
	Topics []string `json:"topics"`
}

// ErrPassage is the cause of a passages file's error: a line that is
// not one passage.
var ErrPassage = errors.New("not a passage: want {\"text\": ..., \"topics\": [...]}")

// parsePassages reads the lines of a passages file (see LoadGold); an
// error names the line ("12: ...").
func parsePassages(stem string, b []byte) ([]GoldMeeting, error) {
	var out []GoldMeeting
	for i, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var p passage
		d := json.NewDecoder(strings.NewReader(line))
		d.DisallowUnknownFields()
		if err := d.Decode(&p); err != nil {
			return nil, fmt.Errorf("%d: %w: %w", i+1, ErrPassage, err)
		}
		if strings.TrimSpace(p.Text) == "" || p.Topics == nil {
			return nil, fmt.Errorf("%d: %w", i+1, ErrPassage)
		}
		out = append(out, GoldMeeting{ID: fmt.Sprintf("%s:%d", stem, i+1), Passage: true,
			Cases: []GoldCase{{Paragraphs: []string{p.Text}, Topics: p.Topics}}})
	}
	return out, nil
}

// PRF counts true positives, false positives and false negatives.
type PRF struct{ TP, FP, FN int }

// Precision, Recall and F1 of the counts; 0 when undefined.
func (s PRF) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }
func (s PRF) Recall() float64    { return ratio(s.TP, s.TP+s.FN) }
func (s PRF) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s PRF) String() string {
	return fmt.Sprintf("P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN)
}

func (s *PRF) add(o PRF) { s.TP += o.TP; s.FP += o.FP; s.FN += o.FN }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// An Evaluation scores analysis against annotated meetings. A topic counts
// when the case has it in gold; a statement counts when its sentence and
// actor are both right; an exchange pair counts when the same NTL (or
// other union's) sentence is paired with the same employer sentence, or
// left unanswered in both.
type Evaluation struct {
	Topics, Statements PRF
	// PerTopic counts each topic's hits and errors.
	PerTopic map[string]*PRF
	// Confusion counts, per gold topic missed in a case, the topics
	// predicted in that case in its place ("" when none was).
	Confusion map[string]map[string]int
	// Exchanges scores pairs; Relations counts, over the pairs found, how
	// many have the gold relation.
	Exchanges         PRF
	RelationsRight    int
	RelationsCompared int
	Misses            []string // one line per error, for a human to read
}

// RelationAccuracy is the share of pairs found with the right relation.
func (ev *Evaluation) RelationAccuracy() float64 {
	return ratio(ev.RelationsRight, ev.RelationsCompared)
}

// Evaluate analyses the cases of the gold meetings (title and paragraphs)
// and scores the result. Passages (GoldMeeting.Passage) are skipped: they
// are training data, not meetings.
func (a *Analyzer) Evaluate(gold []GoldMeeting) Evaluation {
	ev := Evaluation{PerTopic: map[string]*PRF{}, Confusion: map[string]map[string]int{}}
	for _, m := range gold {
		if m.Passage {
			continue
		}
		for _, gc := range m.Cases {
			c := referat.Case{Title: gc.Title, Paragraphs: gc.Paragraphs, Text: strings.Join(gc.Paragraphs, "\n\n")}
			a.Case(&c)
			ev.topics(m.ID, gc, &c)
			ev.statements(m.ID, gc, &c)
			if gc.Exchanges != nil {
				ev.exchanges(m.ID, gc, &c)
			}
		}
	}
	sort.Strings(ev.Misses)
	return ev
}

func (ev *Evaluation) topic(id string) *PRF {
	if ev.PerTopic[id] == nil {
		ev.PerTopic[id] = &PRF{}
	}
	return ev.PerTopic[id]
}

func (ev *Evaluation) topics(meeting string, gc GoldCase, c *referat.Case) {
	want := map[string]bool{}
	for _, t := range gc.Topics {
		want[t] = true
	}
	var s PRF
	var extra, missed []string
	for _, t := range c.Topics {
		if want[t.ID] {
			s.TP++
			ev.topic(t.ID).TP++
			delete(want, t.ID)
			continue
		}
		s.FP++
		ev.topic(t.ID).FP++
		extra = append(extra, t.ID)
		ev.Misses = append(ev.Misses, fmt.Sprintf("%s %q: topic %s not in gold (score %.1f, %v)", meeting, gc.Title, t.ID, t.Score, t.Terms))
	}
	for t := range want {
		s.FN++
		ev.topic(t).FN++
		missed = append(missed, t)
		ev.Misses = append(ev.Misses, fmt.Sprintf("%s %q: topic %s missed", meeting, gc.Title, t))
	}
	for _, g := range missed {
		if ev.Confusion[g] == nil {
			ev.Confusion[g] = map[string]int{}
		}
		if len(extra) == 0 {
			ev.Confusion[g][""]++
		}
		for _, p := range extra {
			ev.Confusion[g][p]++
		}
	}
	ev.Topics.add(s)
}

func (ev *Evaluation) statements(meeting string, gc GoldCase, c *referat.Case) {
	gs := map[string]string{}
	for _, st := range gc.Statements {
		gs[st.Sentence] = st.Actor
	}
	var ss PRF
	for _, st := range c.Statements {
		if actor, ok := gs[st.Text]; ok && actor == st.Actor {
			ss.TP++
			delete(gs, st.Text)
		} else {
			ss.FP++
			ev.Misses = append(ev.Misses, fmt.Sprintf("%s: extra %s statement: %s", meeting, st.Actor, st.Text))
		}
	}
	for sent, actor := range gs {
		ss.FN++
		ev.Misses = append(ev.Misses, fmt.Sprintf("%s: missed %s statement: %s", meeting, actor, sent))
	}
	ev.Statements.add(ss)
}
