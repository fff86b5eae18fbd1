package analyze

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/ntlnav/referat"
)

// An exchanger pairs the statements of one case (see Exchanges). The
// exchange rules ask the same things of the same texts again and again: a
// statement's content stems for each statement it is set against, an
// answer's lower case. The exchanger works each out once per text and
// keeps it for the rest of the case; nothing is kept from one case to the
// next, so the Analyzer stays safe for concurrent use and every case costs
// what it costs alone.
type exchanger struct {
	*Analyzer
	stems map[string][]string // contentStems, by text
	lows  map[string]string   // strings.ToLower, by text
	arena []string            // the stems' backing store
	taken []bool              // sharedStems' scratch
}

var exchangers = sync.Pool{New: func() any {
	return &exchanger{stems: map[string][]string{}, lows: map[string]string{}}
}}

// Exchanges pairs the statements of a case (as Statements returns them,
// in order): each run of NTL statements with the employer statements that
// answer it, how they answered (Relation), and other unions' statements
// that join in. Every NTL statement is in an exchange. The rules are
// exchanger.Exchanges's (exchanges.go).
func (a *Analyzer) Exchanges(stmts []referat.Statement) []referat.Exchange {
	x := exchangers.Get().(*exchanger)
	x.Analyzer = a
	out := x.Exchanges(stmts)
	x.release()
	return out
}

// exchanges is Exchanges of the statements Case found in ct: their
// content stems come from ct's tokens (a sentence's tokens are what split
// gives for the sentence alone) instead of splitting each again.
func (a *Analyzer) exchanges(stmts []referat.Statement, ct *caseText) []referat.Exchange {
	x := exchangers.Get().(*exchanger)
	x.Analyzer = a
	x.seed(stmts, ct)
	out := x.Exchanges(stmts)
	x.release()
	return out
}

// seed keeps the content stems of the statements that are sentences of
// ct, from ct's tokens; it returns how many it kept.
func (x *exchanger) seed(stmts []referat.Statement, ct *caseText) int {
	k, n := 0, 0
	for _, st := range stmts {
		for k < len(ct.sents) && ct.sents[k].Start < st.Start {
			k++
		}
		if k == len(ct.sents) || ct.sents[k].Start != st.Start || ct.sents[k].End != st.End || ct.text[st.Start:st.End] != st.Text {
			continue // not a sentence of ct: contentStems will split it
		}
		x.keepStems(st.Text, ct.toks[ct.sents[k].t0:ct.sents[k].t1])
		n++
	}
	return n
}

// keepStems keeps the content stems of toks, the tokens of text, and
// returns them.
func (x *exchanger) keepStems(text string, toks []tok) []string {
	from := len(x.arena)
	for _, t := range toks {
		if !t.part && t.w.is(contentWord) { // see newWord
			x.arena = append(x.arena, t.w.stem)
		}
	}
	st := x.arena[from:len(x.arena):len(x.arena)]
	x.stems[text] = st
	return st
}

// release forgets the case and gives x back for another.
func (x *exchanger) release() {
	x.Analyzer = nil
	clear(x.stems)
	clear(x.lows)
	if cap(x.arena) > 1<<16 {
		x.arena = nil // an outsize case: let it go
	}
	clear(x.arena)
	x.arena = x.arena[:0]
	exchangers.Put(x)
}

// lower is strings.ToLower, once per text.
func (x *exchanger) lower(s string) string {
	if l, ok := x.lows[s]; ok {
		return l
	}
	l := toLower(s)
	x.lows[s] = l
	return l
}

// toLower is strings.ToLower, quicker on text with a few non-ASCII
// letters (æ, ø, å): ASCII bytes are lowered in place of a call per rune.
// Like strings.ToLower it writes U+FFFD for a byte that is not UTF-8.
func toLower(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, i, len(s)+utf8.UTFMax)
	copy(b, s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		b = utf8.AppendRune(b, unicode.ToLower(r))
		i += n
	}
	return string(b)
}

// answersAll is the package's answersAll, with its quick test on the text
// in lower case, which relation needs too: strings.ToLower turns every
// letter (?i) matches to a part of allPointsParts into that part, as the
// parts hold no k or s.
func (x *exchanger) answersAll(s string) bool {
	return hasAny(x.lower(s), allPointsParts) && allPoints.MatchString(s)
}
