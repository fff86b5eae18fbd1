package analyze

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// standingMatters are stems of matters that every body has on its agenda
// year after year, in every unit: sick leave, budgets and allocations,
// opening hours, infection control and preparedness, safety, violence and
// threats, local wage talks, surveys, office structure, plans for the
// year, holidays, backlogs, workload and working hours. Two titles that share only such
// words say what kind of agenda item they are, not that they are one
// matter ("Sykefravær i kontaktsenteret 2019", "Sykefravær 3. kvartal
// 2019"; "Smittevern ved NAV-kontorene" in HAMU and in a county): such a
// link needs more (see standingLink).
var standingMatters = func() map[string]bool {
	m := map[string]bool{}
	st := &Stemmer{}
	for _, w := range strings.Fields("sykefravær sykefraværet sjukefråvær fravær budsjett budsjetter budsjettet " +
		"tildeling tildelinga tildelingen åpningstid åpningstida opningstid opningstida smittevern beredskap " +
		"sikkerhet tryggleik vold trusler lokale lokal lønnsforhandlinger lønnsforhandlingene lønnsforhandlingane " +
		"lønnsoppgjøret lønnsoppgjer forhandlinger forhandlingene forhandlingane medarbeiderundersøkelse medarbeidarundersøking arbeidsmiljø arbeidsmiljøet " +
		"hms vernerunde vernerunder vernerundene kontorstruktur kontorstrukturen virksomhetsplan verksemdsplan " +
		"årsplan ferie sommerferie restanser arbeidsbelastning bemanning rekruttering kompetanseplan " +
		"arbeidstid arbeidstida arbeidstiden ia-arbeid ia-arbeidet ia-avtalen ia-avtala") {
		m[st.Stem(w)] = true
	}
	return m
}()

// standingDays is how close two meetings must be for titles that share
// only standing matters, and no year or name, to be linked: the matter
// is taken up again at the next monthly meeting ("Sykefravær 2. kvartal
// 2023", a month later "Tiltak i enhetene med høyest sykefravær").
const standingDays = 35

// offices is the unit stem of the NAV offices, where most matters are:
// naming them does not narrow a matter the way naming a special unit
// does (see standingLink).
const offices = "nav-kontor"

// officeWords are the forms of "the NAV offices" in titles: a unit, so
// that "Utvidet åpningstid på NAV-kontorene" is not the contact centre's.
var officeWords = map[string]bool{"nav-kontor": true, "nav-kontoret": true, "nav-kontora": true,
	"nav-kontorene": true, "nav-kontorane": true}

// titleNames returns the names a title holds: runs of capitalised words,
// next to each other with only spaces between, that are not the title's
// first word alone ("Innlandet", "Troms", "Finnmark", "Mitt HR"),
// lower-case. Words that say nothing of the matter (NAV, the offices,
// units, process words) and words with digits are left out of a run; a
// word alone must also not be a stop word or a single letter. A run that
// starts the title is a name only when it has two words or more ("Mitt
// HR – erfaringer etter innføringen", not "Modia – erfaringar").
func (a *Analyzer) titleNames(title string) []string {
	var out, run []string
	runFirst, end := false, -1
	flush := func() {
		if len(run) > 1 || len(run) == 1 && !runFirst {
			var keep []string
			for _, w := range run {
				if a.nameWord(w, len(run) == 1) {
					keep = append(keep, w)
				}
			}
			if name := strings.Join(keep, " "); name != "" && !contains(out, name) {
				out = append(out, name)
			}
		}
		run = run[:0]
	}
	for i, t := range Tokens(title) {
		if t.Part {
			continue
		}
		if end >= 0 && strings.TrimSpace(title[end:t.Start]) != "" {
			flush()
		}
		end = t.End
		r, _ := utf8.DecodeRuneInString(title[t.Start:t.End])
		if !unicode.IsUpper(r) {
			flush()
			continue
		}
		if len(run) == 0 {
			runFirst = i == 0
		}
		run = append(run, t.Text)
	}
	flush()
	return out
}

// nameWord reports whether a capitalised title word can be part of a name
// (alone: be a name by itself).
func (a *Analyzer) nameWord(w string, alone bool) bool {
	if strings.IndexFunc(w, unicode.IsDigit) >= 0 || w == "nav" || officeWords[w] {
		return false
	}
	st := a.stem.Stem(w)
	if threadStop[st] || threadUnits[st] || isUnit(w) {
		return false
	}
	return !alone || utf8.RuneCountInString(w) >= 2 && !IsStopWord(w)
}

// ordinals are the numbers of the parts of a year as titles write them.
var ordinals = map[string]string{"1": "1", "første": "1", "fyrste": "1", "2": "2", "andre": "2", "annet": "2",
	"3": "3", "tredje": "3", "4": "4", "fjerde": "4"}

// titlePeriod returns the part of a year a title names, from its lower-
// case words: an ordinal before "kvartal", "halvår" or "tertial"
// ("Sykefravær første kvartal 2017" is "1 kvartal"), or "".
func titlePeriod(words []string) string {
	for i := 1; i < len(words); i++ {
		switch w := words[i]; w {
		case "kvartal", "halvår", "halvåret", "tertial", "tertialet":
			if n, ok := ordinals[strings.TrimSuffix(words[i-1], ".")]; ok {
				return n + " " + strings.TrimSuffix(strings.TrimSuffix(w, "et"), "t")
			}
		}
	}
	return ""
}

// namesFit reports whether two titles' names allow the same matter: one
// of them names none, or they share one ("Kontorstruktur i Innlandet" is
// not "Kontorstruktur i Troms og Finnmark").
func namesFit(x, y []string) bool {
	return len(x) == 0 || len(y) == 0 || sharesName(x, y)
}

func sharesName(x, y []string) bool {
	for _, n := range x {
		if contains(y, n) {
			return true
		}
	}
	return false
}

// standingLink reports whether two titles whose shared words are all
// standing matters may still be one matter: neither names a unit (other
// than the NAV offices) or a group of people the other does not, and they
// name the same year or the same name, or their meetings are at most
// standingDays apart.
func standingLink(x, y *threadKey) bool {
	if !sameFacet(x.units, y.units) || !sameFacet(x.groups, y.groups) || !sameBody(x, y) {
		return false
	}
	for _, a := range x.years {
		for _, b := range y.years {
			if a == b {
				return true
			}
		}
	}
	if sharesName(x.names, y.names) {
		return true
	}
	if !x.hasDay || !y.hasDay {
		return false
	}
	d := x.date.Sub(y.date)
	if d < 0 {
		d = -d
	}
	return d <= standingDays*24*time.Hour
}

// sameFacet reports whether two titles name the same units (or groups),
// the NAV offices aside.
func sameFacet(x, y []string) bool {
	for _, p := range [2][2][]string{{x, y}, {y, x}} {
		for _, u := range p[0] {
			if u != offices && !containsSame(p[1], u) {
				return false
			}
		}
	}
	return true
}

func containsSame(list []string, w string) bool {
	for _, v := range list {
		if sameWord(v, w) {
			return true
		}
	}
	return false
}
