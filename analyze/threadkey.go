package analyze

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// What a case title says about its matter (threadKey), and how two
// titles compare (similarity, compatible).

// threadKey is what a title says about its matter: content stems, and
// the years it names.
type threadKey struct {
	words  []string
	units  []string // named units (threadUnits), not among words
	groups []string // named groups of people (threadGroups), not among words
	names  []string // names in the title (titleNames)
	// codes are the words that stand in the title as a short code of
	// capitals ("BN0": "bn"); initials, by word, the codes the other
	// words may be abbreviated by as compounds ("budsjettnotat": "bn",
	// see compoundInitials). A code and the compound it abbreviates are
	// one word (see codeMatch).
	codes    []string
	initials map[string][]string
	// bases and fives are, by word, what mayBePart looks for of it in a
	// compound: its definite base and its first five letters.
	bases, fives []string
	years        []int
	period       string // the part of a year a title names: "3 kvartal", "1 halvår" (titlePeriod)
	forYr        bool   // "for 2024": a plan for the year, discussed the year before
	date         time.Time
	hasDay       bool
	title        []string // the title's words, lower-case
	places       []string // names that follow a place preposition (placePrepositions)
	mods         []string // stems of modifiers (isModifier)
	// settings are stems of words right after "i", "på", "ved": where a
	// matter is ("KI-verktøy i saksbehandlingen"), no evidence alone.
	settings []string
	amu      bool              // the meeting is of a working environment committee (bodyKindAMU)
	next     map[string]string // stems of words → the stem of the word after them
	topics   []string
	unit     string // the unit whose body met (meetingUnit), if hasBody
	// hasBody is whether the meeting's heading is known.
	hasBody bool
}

func (a *Analyzer) threadKey(c ThreadCase) threadKey {
	var k threadKey
	prev := ""
	var whole []string
	var code []bool // whether each word of whole is written as a short code
	for _, t := range Tokens(c.Title) {
		if !t.Part {
			whole = append(whole, t.Text)
			code = append(code, isCode(c.Title[t.Start:t.End]))
		}
	}
	for i, w := range whole {
		// "X om Y": X is what kind of thing it is (a report, an
		// agreement, a warning), Y the matter: "Varsling om trakassering"
		// is not the whistleblowing routine.
		if i+2 < len(whole) && whole[i+1] == "om" {
			prev = w
			continue
		}
		if y, err := strconv.Atoi(w); err == nil {
			if len(w) == 4 && y >= 1900 && y < 2100 {
				k.years = append(k.years, y)
				k.forYr = k.forYr || prev == "for"
			}
			prev = w
			continue
		}
		prev = w
		if IsStopWord(w) || len([]rune(w)) < 3 {
			continue
		}
		// A short code with a number names a series: BN0, BN1 are "bn".
		if n := len(w); n <= 4 && w[n-1] >= '0' && w[n-1] <= '9' {
			w = strings.TrimRight(w, "0123456789")
		}
		if officeWords[w] {
			if !contains(k.units, offices) {
				k.units = append(k.units, offices)
			}
			continue
		}
		st := a.stem.Stem(w)
		if (threadUnits[st] || isUnit(w)) && !contains(k.units, st) {
			k.units = append(k.units, st)
			continue
		}
		if threadGroups[st] && !contains(k.groups, st) {
			k.groups = append(k.groups, st)
			continue
		}
		if threadStop[st] || contains(k.words, st) {
			continue
		}
		if i > 0 && settingPrepositions[whole[i-1]] && (i+1 == len(whole) || endsPhrase(whole[i+1])) {
			k.settings = append(k.settings, st)
		}
		if i+1 < len(whole) {
			if k.next == nil {
				k.next = map[string]string{}
			}
			k.next[st] = a.stem.Stem(whole[i+1])
			if isModifier(w, whole[i+1]) {
				k.mods = append(k.mods, st)
			}
		}
		k.words = append(k.words, st)
		if code[i] {
			k.codes = append(k.codes, st)
		} else if in := a.compoundInitials(st); len(in) > 0 {
			if k.initials == nil {
				k.initials = map[string][]string{}
			}
			k.initials[st] = in
		}
	}
	k.title = whole
	k.topics = c.Topics
	k.unit, k.hasBody, k.amu = meetingUnit(c.Heading), c.Heading != "", bodyKindAMU(c.Heading)
	if d, err := time.Parse("2006-01-02", c.Date); err == nil {
		k.date, k.hasDay = d, true
	}
	k.names = a.titleNames(c.Title)
	for _, n := range k.names {
		first := strings.Fields(n)[0]
		for i, w := range whole {
			if w == first && i > 0 && placePrepositions[whole[i-1]] {
				k.places = append(k.places, n)
				break
			}
		}
	}
	// A place is where a matter is, not what it is: its words are no
	// evidence (they must still fit, see namesFit).
	for _, n := range k.places {
		for _, w := range strings.Fields(n) {
			k.words = remove(k.words, a.stem.Stem(w))
		}
	}
	k.period = titlePeriod(whole)
	k.setParts()
	return k
}

// setParts sets bases and fives from words.
func (k *threadKey) setParts() {
	k.bases, k.fives = k.bases[:0], k.fives[:0]
	for _, w := range k.words {
		k.bases, k.fives = append(k.bases, definiteBase(w)), append(k.fives, firstFive(w))
	}
}

// firstFive returns a stem's first five letters, or all of a shorter
// one: what two stems that are the same word (sameWord) share.
func firstFive(w string) string {
	if r := []rune(w); len(r) > 5 {
		return string(r[:5])
	}
	return w
}

// isCode reports whether a title's token, as written, is a short code:
// two to four capitals, then digits if any ("BN0", "AAP", "HMS").
func isCode(raw string) bool {
	letters, digits := 0, false
	for _, r := range raw {
		switch {
		case unicode.IsUpper(r) && !digits:
			letters++
		case unicode.IsDigit(r) && letters > 0:
			digits = true
		default:
			return false
		}
	}
	return letters >= 2 && letters <= 4
}

// compoundInitials returns the initials a stem may be abbreviated by as
// a compound of two to four parts: each part but the last a stem the
// sentence model (else the case model) knows, as it stands or with a
// linking -s- or -e-, of three letters or more, and the last of four
// letters or more, known or not ("budsjettnotat": "bn",
// "arbeidsavklaringspeng": "aap"). It returns nil when it is no such
// compound.
func (a *Analyzer) compoundInitials(stem string) []string {
	sc := a.sent
	if sc == nil {
		sc = a.cases
	}
	if sc == nil {
		return nil
	}
	var out []string
	var walk func(rest, initials string)
	walk = func(rest, initials string) {
		r, _ := utf8.DecodeRuneInString(rest)
		initials += string(r)
		if utf8.RuneCountInString(initials) > 1 && utf8.RuneCountInString(rest) >= compoundMinTail && !contains(out, initials) {
			out = append(out, initials)
		}
		if utf8.RuneCountInString(initials) == 4 {
			return
		}
		for i := range rest {
			if i > 0 && slices.ContainsFunc(headForms(rest[:i]), sc.knows) {
				walk(rest[i:], initials)
			}
		}
	}
	walk(stem, "")
	return out
}

// codeMatch reports whether title word w of x and v of y are a short
// code and the compound it abbreviates ("BN1", "budsjettnotat").
func codeMatch(x, y *threadKey, w, v string) bool {
	return contains(x.codes, w) && contains(y.initials[v], w) || contains(y.codes, v) && contains(x.initials[w], v)
}

// compoundOf returns the two parts of stem c that are each the same word
// (sameWord, or for the first part inflects) as a different word of
// title k ("skyflytting": "sky" and "flytting" of "Fagsystemene flyttes
// til skyen"), the first part in one of its headForms, and the last of
// four letters or more; ok is false when there are none.
func compoundOf(c string, k *threadKey) (head, tail string, ok bool) {
	words := k.words
	// Both parts begin a word: first find a word that begins as c does.
	if len(c) < compoundMinHead+compoundMinTail || !slices.ContainsFunc(words, func(w string) bool { return w != "" && w[0] == c[0] && w != c }) {
		return "", "", false
	}
	for t, w := range words {
		if w == c || w == "" {
			continue
		}
		// The tail is the same word as w: it begins with w's first five
		// letters (all of a shorter w).
		p := k.fives[t]
		for off := 1; off < len(c); {
			k := strings.Index(c[off:], p)
			if k < 0 {
				break
			}
			i := off + k
			off = i + 1
			if utf8.RuneCountInString(c[i:]) < compoundMinTail || !sameWord(w, c[i:]) {
				continue
			}
			for _, h := range headForms(c[:i]) {
				if j := slices.IndexFunc(words, func(w string) bool { return w != c && (inflects(w, h) || sameWord(w, h)) }); j >= 0 && j != t {
					return h, c[i:], true
				}
			}
		}
	}
	return "", "", false
}

// inflects reports whether the stem w is the stem h, or h with an
// ending of the definite form the stemmer left on a short word ("skyen",
// "sky").
func inflects(w, h string) bool {
	if w == h {
		return true
	}
	rest, ok := strings.CutPrefix(w, h)
	return ok && slices.Contains(definiteEndings, rest)
}

// definiteBase returns w without an ending of definiteEndings that
// leaves three letters or more, or w.
func definiteBase(w string) string {
	for _, e := range definiteEndings {
		if b, ok := strings.CutSuffix(w, e); ok && utf8.RuneCountInString(b) >= compoundMinHead {
			return b
		}
	}
	return w
}

// definiteEndings are endings of Norwegian definite nouns.
var definiteEndings = []string{"en", "et", "a", "ene", "ane", "i"}

// mayBePart reports whether a word, given by its definite base and
// first five letters (all of a shorter word), may be a part of compound c
// as partOf asks: c begins with its base or holds its first five letters
// past its first letter. It is a cheap test before compoundOf.
func mayBePart(base, five, c string) bool {
	return len(c) >= compoundMinHead+compoundMinTail && (strings.HasPrefix(c, base) || strings.Contains(c[1:], five))
}

// compoundMatch returns the word of title y that is the same word as
// word i of title x as a compound and one of its parts (compoundOf,
// partOf), either way round, or "".
func compoundMatch(x, y *threadKey, i int) string {
	w := x.words[i]
	for j, v := range y.words {
		if sameWord(w, v) {
			continue // the same word, not a match for its modifiers or setting
		}
		if mayBePart(x.bases[i], x.fives[i], v) {
			if h, t, ok := compoundOf(v, x); ok && partOf(w, h, t) {
				return v
			}
		}
		if mayBePart(y.bases[j], y.fives[j], w) {
			if h, t, ok := compoundOf(w, y); ok && partOf(v, h, t) {
				return v
			}
		}
	}
	return ""
}

// partOf reports whether word w is a part of a compound whose parts are
// head and tail ("" for none): "flyttes" of "skyflyttingen" whose parts
// are "skyen" and "flyttes" of "Fagsystemene flyttes til skyen" (see
// compoundOf). similarity counts such a word and the compound as one.
func partOf(w, head, tail string) bool {
	return head != "" && (inflects(w, head) || sameWord(w, head) || sameWord(w, tail))
}

// sameWord reports whether two stems name the same thing: equal, or one
// of five letters or more begins the other (budsjett, budsjettfordeling)
// and the rest is not one of otherHeads.
func sameWord(x, y string) bool {
	if x == y {
		return true
	}
	if x == "" || y == "" || x[0] != y[0] {
		return false // neither begins the other
	}
	if len([]rune(x)) > len([]rune(y)) {
		x, y = y, x
	}
	if len([]rune(x)) < 5 || !strings.HasPrefix(y, x) {
		return false
	}
	// A compound is what its last part names: "varslingssaker" are
	// cases, reports of them, not the routine "varsling" names.
	rest := strings.TrimPrefix(strings.TrimPrefix(y[len(x):], "s"), "e")
	for _, head := range otherHeads {
		if strings.HasPrefix(rest, head) {
			return false
		}
	}
	return true
}

// otherHeads are last parts of compounds that make them another matter
// than their first part: a case, a report, figures, a role
// ("varslingsombud" is the ombud, not the routine) and a system
// ("saksbehandlingsløsning" is an IT system, not how cases are handled),
// and a budget ("nasjonalbudsjett" is the state budget, not what is
// national).
var otherHeads = []string{"sak", "rapport", "statistikk", "tall", "ombud", "løsning", "system", "budsjett"}

// yearFits reports whether a case that names no year, from a meeting in
// year m, may belong with a title that names year y.
func yearFits(y int, forYear bool, m int) bool {
	if forYear {
		return m == y-1 || m == y
	}
	return m == y || m == y+1
}

// similarity scores how likely two cases are about the same matter, 0..1+:
// the share of the shorter title's content words the other shares (a
// modifier only with its noun, not two settings: see nounsMatch and
// settingPrepositions), plus a quarter when both name the same year; 1
// when they share only a name that is no place ("Ny HR-portal (Mitt HR)",
// "Mitt HR – erfaringer etter innføringen"); -1 when they cannot be (see
// compatible), share no content word or name, share only standing matters
// without what standingLink asks, or share one word alone more than
// farYears apart.
func similarity(x, y *threadKey) float64 {
	if !compatible(x, y) {
		return -1
	}
	bonus := 0.0
	if len(x.years) > 0 && len(y.years) > 0 {
		bonus = 0.25
	}
	short, long := x.words, y.words
	if len(short) > len(long) {
		short, long = long, short
	}
	sk, lk := x, y
	if len(x.words) > len(y.words) {
		sk, lk = y, x
	}
	matched, specific := 0, false
	for i, w := range short {
		match := ""
		for _, v := range long {
			if codeMatch(sk, lk, w, v) || sameWord(w, v) && (len(sk.mods) == 0 && len(lk.mods) == 0 || nounsMatch(sk, lk, w, v)) &&
				!(contains(sk.settings, w) && contains(lk.settings, v)) {
				match = v
				break
			}
		}
		if match == "" {
			match = compoundMatch(sk, lk, i)
		}
		if match != "" {
			matched++
			specific = specific || !standingMatters[w] && !standingMatters[match]
		}
	}
	switch {
	case matched == 0 && sharesMatterName(x, y):
		return 1
	case matched == 0:
		return -1
	case !specific && !standingLink(x, y):
		return -1
	case matched == 1 && bonus == 0 && !sharesName(x.names, y.names) && yearsApart(x, y) > farYears:
		return -1
	}
	return float64(matched)/float64(len(short)) + bonus
}

// compatible reports whether two cases may be about the same matter at
// all: at most five years apart; units, groups of people and names that
// fit (facetFits, namesFit); the same part of a year when both name one;
// years that are shared when both titles name
// years, and a year the other meeting fits when only one does.
func compatible(x, y *threadKey) bool {
	if x.hasDay && y.hasDay {
		if d := x.date.Sub(y.date); d > maxSpan || d < -maxSpan {
			return false
		}
	}
	if !facetFits(x.units, y.units) || !facetFits(x.groups, y.groups) || !namesFit(x.names, y.names) {
		return false
	}
	if !unitsFit(x, y) || !topicsFit(x.topics, y.topics) {
		return false
	}
	// Reports of two parts of a year are two matters.
	if x.period != "" && y.period != "" && x.period != y.period {
		return false
	}
	switch {
	case len(x.years) > 0 && len(y.years) > 0:
		for _, a := range x.years {
			for _, b := range y.years {
				if a == b {
					return true
				}
			}
		}
		return false
	case len(x.years) > 0 && y.hasDay && !yearFits(x.years[0], x.forYr, y.date.Year()),
		len(y.years) > 0 && x.hasDay && !yearFits(y.years[0], y.forYr, x.date.Year()):
		return false
	}
	return true
}

// facetFits reports whether two titles' units (or groups) allow the same
// matter: one of them names none, or they share one.
func facetFits(x, y []string) bool {
	if len(x) == 0 || len(y) == 0 {
		return true
	}
	for _, u := range x {
		for _, v := range y {
			if sameWord(u, v) {
				return true
			}
		}
	}
	return false
}
