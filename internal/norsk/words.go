package norsk

import (
	_ "embed"
	"strings"
)

// The word lists below are lower-case Bokmål. They hold for Norwegian
// minutes in general, not for one set of samples.

// wordSet makes a set of the words of s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

//go:embed stopwords.txt
var stopwordsTxt string

// stopWords is the Snowball list for Norwegian. The snowball package has
// its own list, which holds content words (arbeid, tid, rett) that
// analysts search for; it is not used.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(stopwordsTxt, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "|") {
			m[l] = true
		}
	}
	return m
}()

// IsStopWord reports whether the lower-case word w is a Norwegian stop
// word (Snowball's list, stopwords.txt).
func IsStopWord(w string) bool { return stopWords[w] }

// Words that begin ordinary sentences, and finite verbs, which titles of
// cases in minutes rarely have ("Linjevise budsjetter for 2024.", "Revidert
// rutine for intern varsling."), while running text nearly always does.
var (
	sentenceOpeners = wordSet("det den de dette disse denne vi jeg du han hun man noen alle " +
		"her der da når men og så som om etter før i på til med for fra av ved under også " +
		"ntl arbeidsgiver arbeidsgiveren direktøren etatsledelsen organisasjonene partene")
	finiteVerbs = wordSet("er var har hadde blir ble skal skulle vil ville kan kunne må måtte bør burde får fikk " +
		"mener mente sier sa tror trodde ønsker ønsket ga gir viser viste ba spurte svarte forklarte " +
		"anførte påpekte understreket signaliserte orienterte foreslo krevde støttet advarte " +
		"kom kommer gikk går finnes fins står sto ligger lå tas gis ses sees fås")
	questionWords = wordSet("hvordan hva hvorfor hvem hvor hvilke hvilken hvilket når")
)

// IsSentenceOpener reports whether w often opens a sentence of running
// text (pronouns, conjunctions, prepositions, the parties of a meeting).
func IsSentenceOpener(w string) bool { return sentenceOpeners[w] }

// IsFiniteVerb reports whether w is a common finite verb, such as
// auxiliaries and speech verbs in the present or past.
func IsFiniteVerb(w string) bool { return finiteVerbs[w] }

// IsQuestionWord reports whether w is an interrogative (hvordan, hva …).
func IsQuestionWord(w string) bool { return questionWords[w] }

// Words that end the subject part of a clause, or introduce a clause
// whose subject is not the sentence's.
var (
	auxiliaries = wordSet("er var har hadde blir ble skal skulle vil ville kan kunne må måtte bør burde får fikk går gikk kom kommer " +
		"sa sier mente mener tror trodde ønsker ønsket vet visste gjør gjorde tok tar ga gir sto står")
	subordinators = wordSet("at som om når fordi dersom hvis siden mens enn der hvor hvordan hva")
	prepositions  = wordSet("med fra til mot av for om hos overfor mellom enn ved i på etter uten under blant")
	fillers       = wordSet("også derfor likevel ikke samtidig nå da først så dessuten imidlertid heller videre fortsatt allerede")
)

// IsClauseVerb reports whether w is a verb that commonly follows a
// clause's subject: auxiliaries and common finite verbs of speech and
// action. The list is not IsFiniteVerb's: each is tuned to its use.
func IsClauseVerb(w string) bool { return auxiliaries[w] }

// IsSubordinator reports whether w introduces a subordinate clause.
func IsSubordinator(w string) bool { return subordinators[w] }

// IsPreposition reports whether w is a common preposition.
func IsPreposition(w string) bool { return prepositions[w] }

// IsFiller reports whether w is an adverb that may stand between a
// subject and its verb (også, derfor, ikke …).
func IsFiller(w string) bool { return fillers[w] }

// compoundConjunctions may follow a suspended compound: "arbeids- og
// velferdsetaten", "fylkes- eller regionnivå".
var compoundConjunctions = wordSet("og eller samt")

// IsCompoundConjunction reports whether the lower-case w is a conjunction
// that follows a suspended compound, so that a line-end hyphen before it
// is kept with its space ("arbeids- og").
func IsCompoundConjunction(w string) bool { return compoundConjunctions[w] }

// inflections are endings that may follow a stem in the same word.
var inflections = map[string]bool{"": true, "e": true, "en": true, "er": true, "et": true, "ene": true,
	"ne": true, "a": true, "t": true, "r": true, "n": true, "s": true, "es": true, "ens": true, "ets": true}

// IsInflection reports whether s is an ending that may follow a stem in
// the same word ("", e, en, er, et, ene, ne, a, t, r, n, s, es, ens, ets).
func IsInflection(s string) bool { return inflections[s] }

// MonthPattern is a regular-expression alternation of the month names
// and abbreviations Month knows, longer forms before their prefixes.
const MonthPattern = `januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|des`

var months = map[string]int{
	"januar": 1, "februar": 2, "mars": 3, "april": 4, "mai": 5, "juni": 6,
	"juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "okt": 10, "nov": 11, "des": 12,
}

// Month returns the number (1–12) of the lower-case month name or
// abbreviation name ("desember", "des"), or 0.
func Month(name string) int { return months[name] }
