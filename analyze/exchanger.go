package analyze

import (
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

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
	// the lower-case texts' bytes (see lower): written once each, read
	// while the case lasts, overwritten by the next case's
	lowBuf []byte
}

var exchangers = sync.Pool{New: func() any {
	return &exchanger{stems: map[string][]string{}, lows: map[string]string{}}
}}

// Exchanges pairs the statements of a case (as Statements returns them,
// in order): each run of NTL statements with the employer statements that
// answer it, how they answered (Relation), and other unions' statements
// that join in. Every NTL statement is in an exchange. The rules are
// exchanger.Exchanges's (exchanges.go).
//
// The relation of an exchange with an employer statement is the
// analyzer's RelationModel's, when its TopicModel has one (the built-in
// one does), else the rules'.
func (a *Analyzer) Exchanges(stmts []referat.Statement) []referat.Exchange {
	x := exchangers.Get().(*exchanger)
	x.Analyzer = a
	out := x.Exchanges(stmts)
	x.release()
	a.relabel(stmts, out)
	return out
}

// exchanges is Exchanges of the statements Case found in ct.
func (a *Analyzer) exchanges(stmts []referat.Statement, ct *caseText) []referat.Exchange {
	out := a.ruleExchanges(stmts, ct)
	a.relabel(stmts, out)
	return out
}

// ruleExchanges is exchanges with the rules' relations: their content
// stems come from ct's tokens (a sentence's tokens are what split gives
// for the sentence alone) instead of splitting each again.
func (a *Analyzer) ruleExchanges(stmts []referat.Statement, ct *caseText) []referat.Exchange {
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
	if cap(x.lowBuf) > 1<<20 {
		x.lowBuf = nil // an outsize case: let it go
	}
	x.lowBuf = x.lowBuf[:0]
	exchangers.Put(x)
}

// lower is strings.ToLower, once per text. The strings it returns live
// in x.lowBuf, which the next case overwrites: nothing of them may be kept
// after x is released (the exchange rules only test them).
func (x *exchanger) lower(s string) string {
	if l, ok := x.lows[s]; ok {
		return l
	}
	if !needsLower(s) {
		x.lows[s] = s
		return s
	}
	if cap(x.lowBuf)-len(x.lowBuf) < len(s)+utf8.UTFMax {
		// A new block; the strings in the old one stay where they are.
		x.lowBuf = make([]byte, 0, max(4096, 2*cap(x.lowBuf), 2*(len(s)+utf8.UTFMax)))
	}
	from := len(x.lowBuf)
	x.lowBuf = appendLower(x.lowBuf, s)
	b := x.lowBuf[from:]
	l := unsafe.String(unsafe.SliceData(b), len(b))
	x.lows[s] = l
	return l
}

// needsLower reports whether toLower(s) is not s itself: s has an ASCII
// capital or a byte that is not ASCII.
func needsLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

// toLower is strings.ToLower, quicker on text with a few non-ASCII
// letters (æ, ø, å): ASCII bytes are lowered in place of a call per rune.
// Like strings.ToLower it writes U+FFFD for a byte that is not UTF-8.
func toLower(s string) string {
	if !needsLower(s) {
		return s
	}
	return string(appendLower(make([]byte, 0, len(s)+utf8.UTFMax), s))
}

// appendLower appends toLower(s) to b.
func appendLower(b []byte, s string) []byte {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	b = append(b, s[:i]...)
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
	return b
}

// answersAll is the package's answersAll, with its quick test on the text
// in lower case, which relation needs too: strings.ToLower turns every
// letter (?i) matches to a part of allPointsLower into that part, as the
// parts hold no s (the long s stays itself) and the Kelvin sign lowers to
// k.
func (x *exchanger) answersAll(s string) bool {
	return hasAny(x.lower(s), allPointsLower) && allPoints.MatchString(s)
}
