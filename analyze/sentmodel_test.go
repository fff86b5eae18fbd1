package analyze

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/ntlnav/referat"
)

// handModel is a topic model that gives no topic by the rules (its bias
// refuses all) with a sentence model that weighs a few stems, so that
// what the sentence model decides shows alone.
func handModel(threshold, veto float64) *TopicModel {
	m := RulesTopicModel()
	m.Sentences = &SentenceModel{
		Topics:    []string{"lønn", "arbeidstid"},
		Threshold: threshold,
		Veto:      veto,
		Bias:      []float64{-3, -3},
		Weights: map[string][]float64{
			"lønnsoppgjør": {4, 0},
			"forhandling":  {2, -1},
			"kjernetid":    {0, 5},
			"pott":         {3, 0},
			"fordeling":    {1, 0},
		},
	}
	return m
}

// TestSentenceModelGives: a topic the rules do not give is given when one
// sentence (or the title) scores the threshold for it, with that sentence
// as its evidence; a topic the model does not score is never given so.
func TestSentenceModelGives(t *testing.T) {
	a := New(nil, Options{TopicModel: handModel(0.7, 0)})
	tests := []struct {
		name, title, text string
		want              string // the topic given, or ""
		evidence          string // the evidence sentence, or the title
		title0            bool   // the evidence is the title
		terms             []string
	}{
		{name: "one sentence", title: "Orientering", text: "Saken ble lagt fram. Vi tok opp lønnsoppgjøret i år. Møtet ble hevet.",
			want: "lønn", evidence: "Vi tok opp lønnsoppgjøret i år."},
		{name: "words the rules lack", title: "Orientering", text: "Saken ble lagt fram. Partene ble enige om potten og fordelingen. Møtet ble hevet.",
			want: "lønn", evidence: "Partene ble enige om potten og fordelingen.", terms: []string{"potten", "fordelingen"}},
		{name: "the title", title: "Lønnsoppgjøret", text: "Saken ble lagt fram.", want: "lønn", evidence: "Lønnsoppgjøret", title0: true},
		{name: "below the threshold", title: "Orientering", text: "Forhandlingene fortsetter.", want: ""},
		{name: "two weak words in one sentence", title: "Orientering", text: "Forhandlingene om lønnsoppgjøret fortsetter.",
			want: "lønn", evidence: "Forhandlingene om lønnsoppgjøret fortsetter."},
		{name: "nothing weighed", title: "Orientering", text: "Saken ble lagt fram.", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := referat.Case{Title: tt.title, Text: tt.text}
			a.Case(&c)
			e, ok := oneTopic(t, c, tt.want)
			if !ok {
				return
			}
			src := c.Text
			if e.Title {
				src = c.Title
			}
			if e.Title != tt.title0 || src[e.Start:e.End] != tt.evidence {
				t.Errorf("evidence %+v = %q, want %q (title %v)", e, src[e.Start:e.End], tt.evidence, tt.title0)
			}
			if tt.terms != nil && !slices.Equal(e.Terms, tt.terms) {
				t.Errorf("evidence terms %q, want %q (the words that weigh, heaviest first)", e.Terms, tt.terms)
			}
		})
	}
}

// TestSentenceModelVeto: a topic the topic model gives is taken away when
// no sentence of the case scores the veto for it, and kept when one does;
// a topic the sentence model does not score is never taken away.
func TestSentenceModelVeto(t *testing.T) {
	text := "Vi tok opp lønnsoppgjøret og budsjettet for lønnsmidler. NTL ba om fleksibel arbeidstid og hjemmekontor."
	rules := New(nil, Options{TopicModel: RulesTopicModel()}).Topics("Orientering", text)
	has := func(ts []referat.Topic, id string) bool {
		for _, tp := range ts {
			if tp.ID == id {
				return true
			}
		}
		return false
	}
	if !has(rules, "lønn") || !has(rules, "arbeidstid") || !has(rules, "budsjett") {
		t.Fatalf("the rules give %+v, want lønn, arbeidstid and budsjett", rules)
	}
	m := handModel(0.99, 0.2)
	m.Weights[0], m.Weights[1] = -5, 10 // the rules' decision
	got := New(nil, Options{TopicModel: m}).Topics("Orientering", text)
	if !has(got, "lønn") || has(got, "arbeidstid") || !has(got, "budsjett") {
		t.Errorf("with the veto: %+v, want lønn (a sentence is about it), not arbeidstid (none is), budsjett (not scored)", got)
	}
}

// TestSentenceModelEvidence: a topic the sentence model gives where the
// rules found evidence too keeps the rules' evidence and adds its best
// sentence in order, once.
func TestSentenceModelEvidence(t *testing.T) {
	tests := []struct {
		name string
		es   []referat.Evidence
		e    referat.Evidence
		want []int // the starts of the result, -1 for the title
	}{
		{name: "between", es: []referat.Evidence{{Start: 0}, {Start: 40}}, e: referat.Evidence{Start: 20}, want: []int{0, 20, 40}},
		{name: "already there", es: []referat.Evidence{{Start: 0}, {Start: 40}}, e: referat.Evidence{Start: 40}, want: []int{0, 40}},
		{name: "the title first", es: []referat.Evidence{{Start: 0}}, e: referat.Evidence{Title: true}, want: []int{-1, 0}},
		{name: "after the title", es: []referat.Evidence{{Title: true}, {Start: 30}}, e: referat.Evidence{Start: 10}, want: []int{-1, 10, 30}},
		{name: "last", es: []referat.Evidence{{Start: 0}}, e: referat.Evidence{Start: 10}, want: []int{0, 10}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := evidenceWith(tt.es, tt.e)
			var starts []int
			for _, e := range got {
				if e.Title {
					starts = append(starts, -1)
				} else {
					starts = append(starts, e.Start)
				}
			}
			if !slices.Equal(starts, tt.want) {
				t.Errorf("evidenceWith = %v, want %v", starts, tt.want)
			}
		})
	}
}

// TestSentenceModelRoundTrip: the model reads back what it wrote, and a
// stem with weights that do not fit the topics is an error.
func TestSentenceModelRoundTrip(t *testing.T) {
	checkRoundTrip(t, handModel(0.9, 0.05), `"kjernetid": [0,5]`, `"kjernetid": [5]`, func(back *TopicModel) bool {
		return back.Sentences.Weights["kjernetid"][1] == 5 && back.Sentences.Veto == 0.05
	})
}

// checkRoundTrip writes m, reads it back and checks that it writes the
// same bytes and that read holds for what was read; then it spoils the
// weights written as good (they become bad, fewer than the topics) and
// checks that they are refused.
func checkRoundTrip(t *testing.T, m *TopicModel, good, bad string, read func(*TopicModel) bool) {
	t.Helper()
	b := m.Marshal()
	back, err := ParseTopicModel(b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(back.Marshal(), b) || !read(back) {
		t.Errorf("read back:\n%s\nwrote:\n%s", back.Marshal(), b)
	}
	spoilt := strings.Replace(string(b), good, bad, 1)
	if spoilt == string(b) {
		t.Fatalf("no %s in\n%s", good, b)
	}
	if _, err := ParseTopicModel([]byte(spoilt)); err == nil {
		t.Errorf("a stem with weights %s for two topics was read without error", bad)
	}
}

// TestFitSentences: a stem found only in sentences of cases with a topic
// gets a positive weight for it, one found only in cases without it a
// negative one, a stem in too few meetings none, and the same cases give
// the same weights.
func TestFitSentences(t *testing.T) {
	var gold []GoldMeeting
	for i := 0; i < 8; i++ {
		gold = append(gold, GoldMeeting{ID: string(rune('a' + i)), Cases: []GoldCase{
			{Title: "Lønnsoppgjøret", Paragraphs: []string{"Partene drøftet lønnsoppgjøret og potten."}, Topics: []string{"lønn"}},
			{Title: "Kontorene", Paragraphs: []string{"Partene drøftet kontorene og inventaret."}},
		}})
	}
	gold[0].Cases[0].Paragraphs[0] += " Lønnsoppgjøret gjelder Tromsø."
	a := New(nil, Options{TopicModel: RulesTopicModel()})
	m := a.TrainSentenceModel(gold)
	i := 0
	for i < len(m.Topics) && m.Topics[i] != "lønn" {
		i++
	}
	w := func(stem string) float64 {
		if ws, ok := m.Weights[stem]; ok {
			return ws[i]
		}
		return 0
	}
	if w("lønnsoppgjør") <= 0 || w("inventar") >= 0 || w("tromsø") != 0 {
		t.Errorf("weights for lønn: lønnsoppgjør %.3f, inventar %.3f, tromsø %.3f; want > 0, < 0, 0", w("lønnsoppgjør"), w("inventar"), w("tromsø"))
	}
	again := a.TrainSentenceModel(gold)
	ma, mb := &TopicModel{Features: topicFeatures, Weights: make([]float64, len(topicFeatures)), Sentences: m},
		&TopicModel{Features: topicFeatures, Weights: make([]float64, len(topicFeatures)), Sentences: again}
	if !bytes.Equal(ma.Marshal(), mb.Marshal()) {
		t.Error("two fits on the same meetings differ")
	}
}

// TestFitSentencesBags: a case with a topic whose sentences the rules
// do not say support it teaches the sentence model in bags (labelBag):
// the stem found only in such cases gets a positive weight for the topic,
// where the rules' labels (labelTerms) leave it without one; a stem the
// bags share with cases without the topic does not.
func TestFitSentencesBags(t *testing.T) {
	var gold []GoldMeeting
	for i := 0; i < 8; i++ {
		gold = append(gold, GoldMeeting{ID: string(rune('a' + i)), Cases: []GoldCase{
			{Title: "Lønnsoppgjøret", Paragraphs: []string{"Partene drøftet lønnsoppgjøret."}, Topics: []string{"lønn"}},
			{Title: "Orientering", Paragraphs: []string{"Partene drøftet plakatene. Møtet ble hevet."}, Topics: []string{"lønn"}},
			{Title: "Kontorene", Paragraphs: []string{"Partene drøftet inventaret. Møtet ble hevet."}},
		}})
	}
	a := New(nil, Options{TopicModel: RulesTopicModel()})
	co := a.sentCorpus(gold)
	i := slices.IndexFunc(a.tax.Topics, func(d TopicDef) bool { return d.ID == "lønn" })
	weight := func(w []float64, stem string) float64 {
		s, ok := slices.BinarySearch(co.stems, stem)
		if !ok {
			t.Fatalf("stem %q not in the corpus %v", stem, co.stems)
		}
		return w[s*co.topics+i]
	}
	all := func(*sentCase) bool { return true }
	_, terms := co.fitSentences(all, sentConfig{label: labelTerms, minMeetings: sentMinMeetings, l2: sentL2})
	_, bags := co.fitSentences(all, sentConfig{label: labelBag, minMeetings: sentMinMeetings, l2: sentL2})
	if w := weight(terms, "plakat"); math.Abs(w) > 0.01 {
		t.Errorf("labelTerms: plakat weighs %.3f for lønn, want about 0", w)
	}
	if w := weight(bags, "plakat"); w < 0.5 {
		t.Errorf("labelBag: plakat weighs %.3f for lønn, want 0.5 or more", w)
	}
	if p, h := weight(bags, "plakat"), weight(bags, "hev"); h >= p/2 {
		t.Errorf("labelBag: hev (hevet) weighs %.3f for lønn, plakat %.3f; want well under plakat", h, p)
	}
}

// TestCrossValidateRecipe: leaving one development meeting out, the topic
// model with the sentence model keeps the precision of the topic model
// alone within 0.025 and is better in F1 (the tolerance was 0.005 until
// wave 16: trained on the labelled passages too, the sentence model adds
// more than it did, and costs more precision, which the stack takes back
// (leaving one batch out, pooled, P 0.904 -> 0.916): 120 meetings, alone
// P 0.940 R 0.774 F1 0.849, with it P 0.920 R 0.844 F1 0.880, with the
// case model too P 0.909 R 0.868 F1 0.888; measured on 96 meetings, with
// the wave-6 batches a7 and a8, compound parts and the threshold 0.65
// chosen leaving one batch out: alone P 0.931 R 0.771 F1 0.843, with it
// P 0.929 R 0.790 F1 0.854 — at the earlier 0.60: alone P 0.921 R 0.786
// F1 0.848, with it P 0.924 R 0.799 F1 0.857; on 72 meetings: alone
// P 0.936 R 0.832 F1 0.881; with it P 0.941 R 0.853 F1 0.895; on the 60
// before the a6 batch: alone P 0.933 R 0.854 F1 0.892; with it P 0.938
// R 0.889 F1 0.913); the case model added raises F1 by 0.005 or more and
// keeps precision within 0.015 (96 meetings: P 0.928 R 0.813 F1 0.867;
// with the wave-7 term lists and the case model's settings 0.70 / 0.5,
// chosen leaving one batch out, where they cost no precision (pooled P
// 0.905 -> 0.904, R 0.844 -> 0.858): without it P 0.945 R 0.822 F1 0.879,
// with it P 0.934 R 0.850 F1 0.890, hence the tolerance 0.015, was 0.005;
// since the sentence model learns from bags too, wave 15, it learns some
// of what the case model did, and the case model adds less: 120 meetings,
// without it P 0.910 R 0.854 F1 0.881, with it P 0.901 R 0.870 F1 0.885,
// hence 0.003, was 0.005);
// and the full analysis of each meeting without the case model scores as
// the cheaper count of CrossValidateSentences at the built-in settings
// within 0.005 F1 (not exactly: the cheap count splits compounds with the
// stems of all the meetings, each fold's model with its own).
func TestCrossValidateRecipe(t *testing.T) {
	if testing.Short() {
		t.Skip("trains three models per meeting")
	}
	gold, err := LoadGold(devSets...)
	if err != nil {
		t.Fatal(err)
	}
	a := New(nil, Options{})
	th := DefaultTopicModel().Threshold
	sent := a.crossValidateRecipe(gold, th, false)
	full := a.CrossValidateRecipe(gold, th)
	scores := a.CrossValidateSentences(gold, th, false)
	alone := scores[0].Topics
	t.Logf("topic model alone %v; with the sentence model %v; with the case model too %v", alone, sent, full)
	if sent.Precision() < alone.Precision()-0.025 || sent.F1() < alone.F1()+0.005 || sent.F1() < 0.85 {
		t.Errorf("with the sentence model %v, alone %v: want P within 0.025 of alone's, F1 >= 0.85 and 0.005 above alone's", sent, alone)
	}
	if full.Precision() < sent.Precision()-0.015 || full.F1() < sent.F1()+0.003 {
		t.Errorf("with the case model %v, without %v: want P within 0.015 of without's, F1 0.003 above", full, sent)
	}
	found := false
	for _, s := range scores[1:] {
		if strings.HasSuffix(s.Config, fmt.Sprintf("one sentence, veto %.2f", sentVeto)) && s.Threshold == sentThreshold {
			found = true
			if math.Abs(s.Topics.F1()-sent.F1()) > 0.005 {
				t.Errorf("CrossValidateSentences at the built-in settings: %v, the full analysis: %v", s.Topics, sent)
			}
		}
	}
	if !found {
		t.Errorf("no built-in row in %v", scores)
	}
}

// oneTopic checks that the case analysed c has no topic when want is
// "", else exactly the topic want with one evidence sentence, which it
// returns (ok false: no topic was wanted).
func oneTopic(t *testing.T, c referat.Case, want string) (e referat.Evidence, ok bool) {
	t.Helper()
	if want == "" {
		if len(c.Topics) != 0 {
			t.Errorf("got %+v, want no topic", c.Topics)
		}
		return e, false
	}
	if len(c.Topics) != 1 || c.Topics[0].ID != want || len(c.Topics[0].Evidence) != 1 {
		t.Fatalf("got %+v, want %s with one evidence sentence", c.Topics, want)
	}
	return c.Topics[0].Evidence[0], true
}
