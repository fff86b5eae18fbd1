package analyze

import (
	"fmt"
	"math/rand"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/ntlnav/referat"
)

// goldTexts returns the titles and texts of the annotated cases, and some
// texts made to test where sentences, clauses and tokens meet.
func goldTexts(t *testing.T) []string {
	t.Helper()
	gold, err := LoadGold("../testdata/samples", "../testdata/meetings", "../testdata/annotated/train", "../testdata/annotated/heldout")
	if err != nil || len(gold) == 0 {
		t.Fatalf("no annotated meetings: %v", err)
	}
	texts := []string{
		"Det økte 3 %. Neste sak gjelder 20% av 7,1 %.\n\nArbeids- og velferdsetaten, og NTL ba om IT-utvikling.",
		"Kapittel 3.5 gjelder 2024. NTL mente det; men arbeidsgiver, og direktøren svarte.\n\n«Sitat.» (Parentes.) Slutt-",
		"", "   ", "NTL", "1. oktober. 2. november",
	}
	for _, m := range gold {
		for _, c := range m.Cases {
			texts = append(texts, c.Title, strings.Join(c.Paragraphs, "\n\n"))
		}
	}
	return texts
}

// TestSplitIsTokensOfSentences checks what analysing a case from one
// split rests on: the tokens of each sentence are those Tokens gives for
// the sentence alone, and the words of each clause those of the old
// split by clauseBreak.
func TestSplitIsTokensOfSentences(t *testing.T) {
	a := New(nil, Options{})
	for _, text := range goldTexts(t) {
		ct := a.split(text, true)
		if len(ct.sents) != len(Sentences(text)) {
			t.Fatalf("%q: %d sentences, Sentences gives %d", text, len(ct.sents), len(Sentences(text)))
		}
		var clauses [][2]int
		for _, sp := range ct.sents {
			s := text[sp.Start:sp.End]
			var got []Token
			for _, tk := range ct.toks[sp.t0:sp.t1] {
				got = append(got, Token{Text: tk.w.text, Start: tk.start - sp.Start, End: tk.end - sp.Start, Part: tk.part})
			}
			if want := Tokens(s); !reflect.DeepEqual(got, want) {
				t.Errorf("sentence %q: tokens\n%v\nwant\n%v", s, got, want)
			}
			// The clauses as the regular expression cuts them.
			var want [][]string
			at := 0
			for _, m := range clauseBreak.FindAllStringIndex(s, -1) {
				want = append(want, sentenceWords(s[at:m[0]]))
				at = m[0] + 1
			}
			want = append(want, sentenceWords(s[at:]))
			var gotClauses [][]string
			for _, cl := range ct.clauses(&sp, clauses[:0]) {
				var ws []string
				for _, w := range ct.whole[cl[0]:cl[1]] {
					ws = append(ws, w.text)
				}
				gotClauses = append(gotClauses, ws)
			}
			if !reflect.DeepEqual(gotClauses, want) {
				t.Errorf("sentence %q: clauses %q, want %q", s, gotClauses, want)
			}
		}
		ct.release()
	}
}

// clauseBreak is how coordinated main clauses were split before
// splitClauses: "…, og NTL ba om …", "…, men vi ønsker …", "…; …".
var clauseBreak = regexp.MustCompile(`[,;]\s+(?:og|men|mens)\s+|;\s+`)

// TestSplitClausesIsRegexp checks splitClauses against clauseBreak on
// random strings of the characters that matter to it.
func TestSplitClausesIsRegexp(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	pieces := []string{",", ";", " ", "\n", "\t", "\f", "og", "men", "mens", "s", "o", "m", "x", "Og", "\v"}
	for n := 0; n < 200000; n++ {
		var b strings.Builder
		for k := rng.Intn(12); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		var want []int
		for _, m := range clauseBreak.FindAllStringIndex(s, -1) {
			want = append(want, m[0])
		}
		if got := splitClauses(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("splitClauses(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestConcurrentCases analyses the annotated cases from several
// goroutines with one analyzer, whose word lexicon they share, and checks
// that each gets what one goroutine alone gets.
func TestConcurrentCases(t *testing.T) {
	texts := goldTexts(t)
	var cases []referat.Case
	for i := 0; i+1 < len(texts); i += 2 {
		cases = append(cases, referat.Case{Title: texts[i], Text: texts[i+1]})
	}
	want := make([]referat.Case, len(cases))
	serial := New(nil, Options{})
	for i, c := range cases {
		serial.Case(&c)
		want[i] = c
	}
	shared := New(nil, Options{})
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(cases))
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range cases {
				i := (k + g*len(cases)/4) % len(cases)
				c := cases[i]
				shared.Case(&c)
				if !reflect.DeepEqual(c, want[i]) {
					errs <- fmt.Sprintf("case %q differs in goroutine %d", c.Title, g)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestLexiconBound fills a lexicon past maxLexicon: every form put is
// found until the lexicon starts afresh, and it never holds more.
func TestLexiconBound(t *testing.T) {
	var l lexicon
	words := map[string]*word{}
	for i := 0; i < maxLexicon+maxLexicon/2; i++ {
		k := fmt.Sprint("w", i)
		w := &word{text: k}
		if got := l.put(k, w); got != w {
			t.Fatalf("put(%q) kept another word", k)
		}
		words[k] = w
		if got := l.get(k); got != w {
			t.Fatalf("get(%q) right after put = %v", k, got)
		}
		n := len(l.dirty)
		if r := l.read.Load(); r != nil {
			n += len(*r)
		}
		if n > maxLexicon {
			t.Fatalf("after %d forms the lexicon holds %d, more than %d", i+1, n, maxLexicon)
		}
	}
	// The last forms put are still there.
	for i := maxLexicon + maxLexicon/2 - 1000; i < maxLexicon+maxLexicon/2; i++ {
		k := fmt.Sprint("w", i)
		if l.get(k) != words[k] {
			t.Errorf("recent form %q forgotten", k)
		}
	}
	if l.get("w0") != nil {
		t.Errorf("the first form is still there after starting afresh")
	}
}
