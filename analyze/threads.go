package analyze

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// A ThreadCase is what linking cases across meetings reads of a case.
type ThreadCase struct {
	Meeting string // the meeting's id; cases of one meeting are never linked
	Date    string // the meeting's ISO date
	Title   string
	// Heading is the meeting's heading (referat.Meeting.Title), which
	// names the unit whose body met ("Referat frå MBA i NAV Hordaland 8.
	// februar 2018"); "" when not known, and then no rule of units applies.
	Heading string
	// Topics are the case's topic ids; nil when not known, and then no
	// rule of topics applies.
	Topics []string
}

// Words of titles that say nothing about the matter: process words and
// the names of units (a unit is where a matter is, not what it is).
var threadStop = func() map[string]bool {
	m := map[string]bool{}
	st := &Stemmer{}
	for _, w := range strings.Fields("ny nytt nye revidert revidert evaluering status oppstart første gangs behandling " +
		"endelig drøfting orientering sak saker rapport plan planer innføring erfaring erfaringar erfaringer kvartal " +
		"halvår tertial tertialet bruk arbeid arbeids tiltak oppfølging opplæring opplæringa kurs kurset kursa kursene eventuelt " +
		"godkjenning innkalling referat møte " +
		// Kinds of documents and steps a matter goes through: "Retningslinjer
		// for hjemmekontor" and "Retningslinjer for bruk av KI" are two
		// matters, as are "Oppsummering av vernerundene" and of wage talks.
		"oppsummering oppsummeringa retningslinjer retningslinje retningslinjene rutine rutiner rutinen " +
		"handlingsplan strategi resultat resultater resultata årsrapport forslag utkast prosess " +
		"fase fasen faser " +
		// Prepositions Snowball's stop list lacks.
		"under gjennom blant innen hos " +
		"egne eigne flere fleire " +
		// The pandemic is when a matter was, not what it is: "Hjemmekontor
		// under koronapandemien", "Tilbake på kontoret etter pandemien".
		"pandemi pandemien koronapandemi koronapandemien korona koronaviruset koronaen " +
		// Seasons and holidays are times too: "... i høst", "... i julen".
		"høst høsten vår våren sommer sommeren vinter vinteren jul julen påske påsken " +
		"nav nav-kontor nav-kontora nav-kontorene kontor kontora kontorene etat etaten etaten velferdsetaten " +
		"direktoratet direktorat linjen fylket fylkene enhet enhetene enheter avdeling avdelingen") {
		m[st.Stem(w)] = true
	}
	for st := range threadUnits {
		m[st] = true
	}
	for st := range threadGroups {
		m[st] = true
	}
	return m
}()

// threadGroups are stems of groups of people a matter is for: two titles
// that each name one, and not the same one, are other matters ("Oppfølging
// av sykmeldte brukere", "Oppfølging av sykmeldte ansatte").
var threadGroups = func() map[string]bool {
	m := map[string]bool{}
	st := &Stemmer{}
	for _, w := range strings.Fields("brukere brukerne brukarar brukarane ansatte ansatt tilsette medarbeidere " +
		"medarbeidarar ledere lederne leiarar veiledere veilederne rettleiarar") {
		m[st.Stem(w)] = true
	}
	return m
}()

// threadUnits are stems of named units and benefits: two titles that
// each name one, and not the same one, are about matters of different
// units ("Sykefravær i NAV Arbeid og ytelser", "Sykefravær i
// kontaktsenteret") or benefits.
var threadUnits = func() map[string]bool {
	m := map[string]bool{}
	st := &Stemmer{}
	for _, w := range strings.Fields("kontaktsenter kontaktsenteret ytelser ytelseslinjen økonomitjenester " +
		"hjelpemiddelsentral hjelpemiddelsentralen innkreving innkrevingssentralen " +
		// Benefits are fields of work: a system or a routine for one is
		// not the same matter as one for another.
		"sosialhjelp dagpenger sykepenger arbeidsavklaringspenger aap uføretrygd foreldrepenger " +
		"pensjon alderspensjon barnetrygd kontantstøtte tiltakspenger kvalifiseringsprogrammet " +
		"introduksjonsprogrammet") {
		m[st.Stem(w)] = true
	}
	return m
}()

// unitHeads end compounds that name a unit or a field of work:
// "forvaltningsenhetene", "dagpengeområdet", "kontaktsenteret",
// "sykepengeforvaltningen".
var unitHeads = []string{"enhetene", "enheten", "enheter", "eininga", "einingane", "området", "områda", "avdelingen",
	"avdelinga", "senteret", "sentralen", "forvaltningen", "forvaltninga"}

// isUnit reports whether the lower-case word w is a compound that names a
// unit: a unit head after at least three letters.
func isUnit(w string) bool {
	for _, h := range unitHeads {
		if strings.HasSuffix(w, h) && utf8.RuneCountInString(w)-utf8.RuneCountInString(h) >= 3 {
			return true
		}
	}
	return false
}

// threadKey is what a title says about its matter: content stems, and
// the years it names.
type threadKey struct {
	words  []string
	units  []string // named units (threadUnits), not among words
	groups []string // named groups of people (threadGroups), not among words
	names  []string // names in the title (titleNames)
	years  []int
	period string // the part of a year a title names: "3 kvartal", "1 halvår" (titlePeriod)
	forYr  bool   // "for 2024": a plan for the year, discussed the year before
	date   time.Time
	hasDay bool
	title  []string // the title's words, lower-case
	places []string // names that follow a place preposition (placePrepositions)
	mods   []string // stems of modifiers (isModifier)
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
	for _, t := range Tokens(c.Title) {
		if !t.Part {
			whole = append(whole, t.Text)
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
	return k
}

// sameWord reports whether two stems name the same thing: equal, or one
// of five letters or more begins the other (budsjett, budsjettfordeling)
// and the rest is not one of otherHeads.
func sameWord(x, y string) bool {
	if x == y {
		return true
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
	for _, w := range short {
		for _, v := range long {
			if sameWord(w, v) && (len(sk.mods) == 0 && len(lk.mods) == 0 || nounsMatch(sk, lk, w, v)) &&
				!(contains(sk.settings, w) && contains(lk.settings, v)) {
				matched++
				specific = specific || !standingMatters[w] && !standingMatters[v]
				break
			}
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

// maxSpan is the longest time between two linked meetings, and
// maxCandidates how many of the latest cases that share a word's start
// are compared with a case (a bound on the work for series such as
// "Budsjett" that recur at every meeting).
const (
	maxSpan       = 5 * 365 * 24 * time.Hour
	maxCandidates = 200
)

// MinThreadSimilarity is the similarity at which a case is linked to an
// earlier one.
const MinThreadSimilarity = 0.5

// Threads links cases about the same matter across meetings and returns
// a thread id for each case ("" for a case linked to none). Each case is
// linked to the most similar case of an earlier meeting (see similarity:
// shared title words, stems and compounds' heads, same or fitting years,
// at most five years apart) when the similarity reaches
// MinThreadSimilarity; linked cases form a thread, named by the slug of
// its first case's title and that meeting's year. The result depends only
// on the cases, not their order.
func (a *Analyzer) Threads(cases []ThreadCase) []string {
	order := make([]int, len(cases))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		x, y := cases[order[i]], cases[order[j]]
		if x.Date != y.Date {
			return x.Date < y.Date
		}
		if x.Meeting != y.Meeting {
			return x.Meeting < y.Meeting
		}
		return x.Title < y.Title
	})
	keys := make([]threadKey, len(cases))
	for i, c := range cases {
		keys[i] = a.threadKey(c)
	}
	parent := make([]int, len(cases))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	members := make([][]int, len(cases)) // root → the cases of its thread
	for i := range members {
		members[i] = []int{i}
	}
	seen := map[string][]int{} // block → earlier cases, in date order
	stamp := make([]int, len(cases))
	for oi, i := range order {
		best, bestRank := -1, 0.0
		for _, j := range candidates(keys, seen, stamp, i, oi+1) {
			if cases[j].Meeting == cases[i].Meeting || cases[j].Date == cases[i].Date {
				continue
			}
			s := similarity(&keys[i], &keys[j])
			if s < MinThreadSimilarity {
				continue
			}
			// The nearer in time ranks higher: a tenth per year apart
			// ("Utvidet åpningstid" on the NAV offices this spring before
			// the contact centre's five years ago).
			r := s - yearsApart(&keys[i], &keys[j])/10
			// Ties go to the latest earlier case, then the lowest index.
			if best >= 0 && (r < bestRank || r == bestRank && !later(cases, j, best)) {
				continue
			}
			// A case joins a thread only if it may be the matter of every
			// case in it: links do not chain "Kontorstruktur i Innlandet"
			// to "Kontorstruktur i Troms og Finnmark" through a third.
			if fitsThread(keys, members[find(j)], i) {
				best, bestRank = j, r
			}
		}
		if best >= 0 {
			ri, rb := find(i), find(best)
			if ri != rb {
				parent[ri] = rb
				members[rb] = append(members[rb], members[ri]...)
				members[ri] = nil
			}
		}
		for _, b := range blocks(&keys[i]) {
			if n := len(seen[b]); n == 0 || seen[b][n-1] != i {
				seen[b] = append(seen[b], i)
			}
		}
	}
	size := map[int]int{}
	first := map[int]int{}
	for _, i := range order {
		r := find(i)
		if size[r] == 0 {
			first[r] = i
		}
		size[r]++
	}
	out := make([]string, len(cases))
	for i := range cases {
		if r := find(i); size[r] > 1 {
			f := cases[first[r]]
			out[i] = threadSlug(f.Title, f.Date)
		}
	}
	return out
}

// threadSlug makes a thread id: the first four words of a title in
// lower-case ASCII, joined by hyphens, and the year.
func threadSlug(title, date string) string {
	r := strings.NewReplacer("æ", "ae", "ø", "o", "å", "a", "é", "e")
	var parts []string
	for _, t := range Tokens(title) {
		if t.Part || IsStopWord(t.Text) {
			continue
		}
		w := r.Replace(t.Text)
		var b strings.Builder
		for _, c := range w {
			if c < 128 && (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
				b.WriteRune(c)
			} else if c == '-' {
				b.WriteRune('-')
			}
		}
		if b.Len() > 0 {
			parts = append(parts, b.String())
		}
		if len(parts) == 4 {
			break
		}
	}
	year := ""
	if len(date) >= 4 {
		year = date[:4]
	}
	return fmt.Sprintf("%s-%s", strings.Join(parts, "-"), year)
}

// blocks are the keys under which a case is found as a candidate: each
// word's first five letters (all of a shorter word), as sameWord
// requires, and each name.
func blocks(k *threadKey) []string {
	out := make([]string, 0, len(k.words)+len(k.names))
	for _, w := range k.words {
		if r := []rune(w); len(r) > 5 {
			w = string(r[:5])
		}
		out = append(out, w)
	}
	for _, n := range k.names {
		out = append(out, "\x00"+n)
	}
	return out
}

// candidates returns the earlier cases that share a block with case i:
// the most recent maxCandidates of each block, back to the earliest date
// a link may span, each once (stamp marks them with mark).
func candidates(keys []threadKey, seen map[string][]int, stamp []int, i, mark int) []int {
	var cands []int
	for _, b := range blocks(&keys[i]) {
		list := seen[b]
		for k := len(list) - 1; k >= 0 && k >= len(list)-maxCandidates; k-- {
			j := list[k]
			if keys[i].hasDay && keys[j].hasDay && keys[i].date.Sub(keys[j].date) > maxSpan {
				break
			}
			if stamp[j] != mark {
				stamp[j] = mark
				cands = append(cands, j)
			}
		}
	}
	return cands
}

// fitsThread reports whether case i is compatible with every case of a
// thread (the first maxCandidates of it: a bound on the work).
func fitsThread(keys []threadKey, thread []int, i int) bool {
	for n, m := range thread {
		if n == maxCandidates {
			break
		}
		if !compatible(&keys[i], &keys[m]) {
			return false
		}
	}
	return true
}

// yearsApart is how many years lie between two cases' meetings (0 when a
// date is missing).
func yearsApart(x, y *threadKey) float64 {
	if !x.hasDay || !y.hasDay {
		return 0
	}
	d := x.date.Sub(y.date)
	if d < 0 {
		d = -d
	}
	return d.Hours() / (24 * 365)
}

// later reports whether case j is from a later meeting than case k, or
// the same date and a lower index.
func later(cases []ThreadCase, j, k int) bool {
	if cases[j].Date != cases[k].Date {
		return cases[j].Date > cases[k].Date
	}
	return j < k
}

// remove returns list without x (in place).
func remove(list []string, x string) []string {
	out := list[:0]
	for _, v := range list {
		if v != x {
			out = append(out, v)
		}
	}
	return out
}
