package analyze

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Linking rules that read more than a title: who met (the meeting's
// unit), what the case is about (its topics), and how far apart in time.

// meetingUnit returns the unit whose body held a meeting, from the
// meeting's heading (referat.Meeting.Title): the words after "NAV " up to
// the date or a comma, lower-case ("Referat frå MBA i NAV Hordaland 8.
// februar 2018" is "hordaland", "Nytt fra MBA i NAV Troms og Finnmark,
// 22. oktober 2020" "troms og finnmark"), and "" for the etat's own
// bodies (etats-MBA, sentral MBA, HAMU), whose headings name no unit.
func meetingUnit(heading string) string {
	for rest := heading; ; {
		i := strings.Index(rest, "NAV ")
		if i < 0 {
			return ""
		}
		start := i == 0 || unicode.IsSpace(rune(rest[i-1])) || rest[i-1] == '('
		rest = rest[i+4:]
		if r, _ := utf8.DecodeRuneInString(rest); !start || !unicode.IsUpper(r) {
			continue // "NTL NAV om etats-MBA": NAV is no unit's name here
		}
		if k := strings.IndexFunc(rest, func(r rune) bool { return unicode.IsDigit(r) || r == ',' || r == '(' }); k >= 0 {
			rest = rest[:k]
		}
		return strings.ToLower(strings.Join(strings.Fields(rest), " "))
	}
}

// namesUnit reports whether a title's words (lower-case) name a unit:
// each of the unit's words but "og" begins one of them ("Samanslåinga av
// NAV Hordaland og NAV Sogn og Fjordane" names "sogn og fjordane",
// "KI-assistenten i kontaktsenteret" "kontaktsenter").
func namesUnit(words []string, unit string) bool {
	n := 0
	for _, u := range strings.Fields(unit) {
		if u == "og" {
			continue
		}
		found := false
		for _, w := range words {
			if w == u || utf8.RuneCountInString(u) >= 4 && strings.HasPrefix(w, u) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
		n++
	}
	return n > 0
}

// unitsFit reports whether the units of two cases' meetings allow one
// matter: a unit's matters (its budget, its offices, its merger) are its
// own, so two meetings of different units are other matters unless a
// title names the other unit. The etat's bodies ("" unit) may take up a
// unit's matter and a unit the etat's.
func unitsFit(x, y *threadKey) bool {
	if !x.hasBody || !y.hasBody || x.unit == y.unit {
		return true
	}
	if x.unit != "" && y.unit != "" {
		return namesUnit(x.title, y.unit) || namesUnit(y.title, x.unit)
	}
	// The etat's bodies decide for all units, and a unit follows up:
	// the etat's case may come first. A unit's case that comes first is
	// its own (its old routine, its merger) unless the etat takes it up
	// within unitLag or names the unit ("KI-assistenten i
	// kontaktsenteret").
	local, central := x, y
	if x.unit == "" {
		local, central = y, x
	}
	if !local.hasDay || !central.hasDay || !central.date.After(local.date.Add(unitLag)) {
		return true
	}
	return namesUnit(central.title, local.unit)
}

// unitLag is how long after a unit's case the etat's bodies may take up
// the same matter without naming the unit (a unit's plan for returning to
// the office, the etat's guidelines five months later).
const unitLag = 365 * 24 * time.Hour

// sameBody reports whether two cases are of one body's meetings, or both
// of the etat's bodies (etats-MBA, sentral MBA and HAMU meet the same
// employer); true when a meeting's body is unknown.
func sameBody(x, y *threadKey) bool {
	return !x.hasBody || !y.hasBody || x.unit == y.unit && x.amu == y.amu
}

// bodyKindAMU reports whether a meeting heading names a working
// environment committee (HAMU, AMU, "arbeidsmiljøutvalet"), whose standing
// matters (sick leave, safety rounds) are its own, not an MBA's.
func bodyKindAMU(heading string) bool {
	if strings.Contains(heading, "AMU") {
		return true
	}
	return strings.Contains(strings.ToLower(heading), "arbeidsmiljøutval")
}

// settingPrepositions put the word after them in a title's setting when
// it ends the phrase (endsPhrase): "i", "på", "ved" ("KI-verktøy i
// saksbehandlingen", "Språkmodeller i saksbehandlingen" share where, not
// what).
var settingPrepositions = map[string]bool{"i": true, "på": true, "ved": true}

// endsPhrase reports whether the title word next, after a word, ends
// that word's phrase: a stop word or a number ("i saksbehandlingen og
// ...", not "i arbeidsretta oppfølging", where the phrase is the matter).
func endsPhrase(next string) bool {
	return IsStopWord(next) || strings.IndexFunc(next, unicode.IsDigit) >= 0
}

// topicsFit reports whether two cases' topics allow one matter: they
// share one, or one case has none (topics not known). Two cases about
// nothing in common are not one matter, whatever their titles share
// ("Saksbehandlingstid for foreldrepenger", "KI-verktøy i
// saksbehandlingen").
func topicsFit(x, y []string) bool {
	if len(x) == 0 || len(y) == 0 {
		return true
	}
	for _, t := range x {
		if contains(y, t) {
			return true
		}
	}
	return false
}

// farYears is how many years apart two cases may be linked by a single
// shared title word: a matter that returns after longer under one word
// alone ("Opplæring av nye verneombud" in 2020, "Verneombudenes tid og
// opplæring" in 2025) is a new round; a matter followed over years keeps
// more of its name ("Utvikling av organisasjonen", phase 1 and phase 3)
// or its year.
const farYears = 2.5

// modifierEnds are endings of participles and adjectives ("utvidet",
// "revidert", "midlertidig", "ledige"): before a noun, such a word says
// what kind of thing the noun is, and is evidence of one matter only
// together with that noun ("utvidet åpningstid", not "utvidet fleksitid").
var modifierEnds = []string{"et", "ete", "ert", "erte", "ig", "ige", "al", "ale", "isk", "iske", "ell", "elle"}

// isModifier reports whether the lower-case title word w, followed by the
// word next, is a participle or adjective before a noun: it has one of
// modifierEnds after at least three letters, and next is a word that is
// no stop word or number.
func isModifier(w, next string) bool {
	if next == "" || IsStopWord(next) || strings.IndexFunc(next, unicode.IsDigit) >= 0 {
		return false
	}
	for _, e := range modifierEnds {
		if strings.HasSuffix(w, e) && len([]rune(w))-len([]rune(e)) >= 3 {
			return true
		}
	}
	return false
}

// nounsMatch reports whether title words w of x and v of y, the same
// word (sameWord), are evidence of one matter: when either is a modifier,
// followed by the same noun in both titles ("arbeidsrettet oppfølging",
// "arbeidsretta oppfølging").
func nounsMatch(x, y *threadKey, w, v string) bool {
	if !contains(x.mods, w) && !contains(y.mods, v) {
		return true
	}
	nw, okw := x.next[w]
	nv, okv := y.next[v]
	return okw && okv && sameWord(nw, nv)
}

// sharesMatterName reports whether two titles share a name that names
// the matter: not a place, which says where a matter is, not what it is
// ("Flytting til nytt kontorbygg i Sannergata", "Ny kantineordning i
// Sannergata").
func sharesMatterName(x, y *threadKey) bool {
	for _, n := range x.names {
		if contains(y.names, n) && !contains(x.places, n) && !contains(y.places, n) {
			return true
		}
	}
	return false
}

// placePrepositions mark a name as a place ("i Innlandet", "på
// Helsfyr", "frå Bergen").
var placePrepositions = map[string]bool{"i": true, "på": true, "ved": true, "fra": true, "frå": true}
